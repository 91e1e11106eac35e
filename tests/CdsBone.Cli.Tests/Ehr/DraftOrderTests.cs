using System.Text.Json.Nodes;
using CdsBone.Cli.Ehr;
using CdsBone.Cli.Tests.Support;

namespace CdsBone.Cli.Tests.Ehr;

public sealed class DraftOrderTests
{
    private static readonly DateOnly Today = new(2026, 3, 14);

    [Fact]
    public void Options_make_a_draft_MedicationRequest_authored_today()
    {
        var bundle = DraftOrders.FromOptions(new DraftMedication("199224", 0.5m, 2), "p1", Today);

        var request = bundle["entry"]![0]!["resource"]!;
        Assert.Equal("MedicationRequest", request["resourceType"]!.GetValue<string>());
        Assert.Equal("draft", request["status"]!.GetValue<string>());
        Assert.Equal("order", request["intent"]!.GetValue<string>());
        Assert.Equal("Patient/p1", request["subject"]!["reference"]!.GetValue<string>());
        Assert.Equal("2026-03-14", request["authoredOn"]!.GetValue<string>());
        Assert.Equal("199224", request["medicationCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>());
        var dosage = request["dosageInstruction"]![0]!;
        Assert.Equal(0.5m, dosage["doseAndRate"]![0]!["doseQuantity"]!["value"]!.GetValue<decimal>());
        Assert.Equal("mg", dosage["doseAndRate"]![0]!["doseQuantity"]!["code"]!.GetValue<string>());
        Assert.Equal(2, dosage["timing"]!["repeat"]!["frequency"]!.GetValue<int>());
        Assert.Equal("wk", dosage["timing"]!["repeat"]!["periodUnit"]!.GetValue<string>());
        Assert.Equal("0.5 mg by mouth 2 times a week", dosage["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(request["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 0)]
    [InlineData(-1, 7)]
    public void Doses_and_frequencies_must_be_positive(decimal dose, int perWeek) =>
        Assert.Throws<CliException>(() => DraftOrders.FromOptions(new DraftMedication("199224", dose, perWeek), "p1", Today));

    [Fact]
    public void A_MedicationRequest_file_is_wrapped_and_keeps_its_id_and_subject()
    {
        var node = JsonNode.Parse("""{"resourceType":"MedicationRequest","id":"mr-7","status":"draft","intent":"order","subject":{"reference":"Patient/other"},"authoredOn":"2020-01-01"}""");

        var bundle = DraftOrders.FromJson(node, "file", "p1", Today);

        var request = bundle["entry"]![0]!["resource"]!;
        Assert.Equal("mr-7", request["id"]!.GetValue<string>());
        Assert.Equal("Patient/other", request["subject"]!["reference"]!.GetValue<string>());
        Assert.Equal("2026-03-14", request["authoredOn"]!.GetValue<string>());
    }

    [Fact]
    public void The_sample_draft_Bundles_load()
    {
        foreach (var file in Directory.GetFiles(RepoFiles.Path("samples", "patients", "drafts"), "*.json"))
        {
            var patient = Path.GetFileNameWithoutExtension(file);
            var bundle = DraftOrders.FromFile(file, patient, Today);

            var request = Assert.Single(bundle["entry"]!.AsArray())!["resource"]!;
            Assert.Equal($"Patient/{patient}", request["subject"]!["reference"]!.GetValue<string>());
            Assert.Equal("2026-03-14", request["authoredOn"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"x"}""")]
    [InlineData("""{"resourceType":"Bundle","entry":[]}""")]
    [InlineData("""[1,2]""")]
    public void Other_files_are_refused(string json) =>
        Assert.Equal(2, Assert.Throws<CliException>(() => DraftOrders.FromJson(JsonNode.Parse(json), "file", "p1", Today)).ExitCode);

    [Fact]
    public void Order_select_lists_every_draft_as_selected()
    {
        var drafts = DraftOrders.FromOptions(new DraftMedication("199224", 1, 7), "p1", Today);

        var context = HookRequest.Context(new HookInput(Hooks.OrderSelect, "p1", "Practitioner/x", drafts));

        var id = drafts["entry"]![0]!["resource"]!["id"]!.GetValue<string>();
        Assert.Equal([$"MedicationRequest/{id}"], context["selections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("p1", context["patientId"]!.GetValue<string>());
    }

    [Fact]
    public void Order_hooks_need_a_draft_and_patient_view_takes_none()
    {
        var drafts = DraftOrders.FromOptions(new DraftMedication("199224", 1, 7), "p1", Today);

        Assert.Throws<CliException>(() => HookRequest.Context(new HookInput(Hooks.OrderSign, "p1", "Practitioner/x", null)));
        Assert.Throws<CliException>(() => HookRequest.Context(new HookInput(Hooks.PatientView, "p1", "Practitioner/x", drafts)));
        Assert.False(HookRequest.Context(new HookInput(Hooks.PatientView, "p1", "Practitioner/x", null)).ContainsKey("draftOrders"));
    }

    [Fact]
    public void The_body_names_the_fhir_server_and_its_authorization()
    {
        using var http = new HttpClient();
        var fhir = new FhirServer(http, "http://127.0.0.1:8090/fhir/", "tok");
        var context = HookRequest.Context(new HookInput(Hooks.PatientView, "p1", "Practitioner/x", null));

        var body = HookRequest.Body(Hooks.PatientView, context, null, fhir, "p1");

        Assert.Equal("http://127.0.0.1:8090/fhir", body["fhirServer"]!.GetValue<string>());
        Assert.Equal("tok", body["fhirAuthorization"]!["access_token"]!.GetValue<string>());
        Assert.Equal("Bearer", body["fhirAuthorization"]!["token_type"]!.GetValue<string>());
        Assert.Equal("p1", body["fhirAuthorization"]!["patient"]!.GetValue<string>());
        Assert.True(Guid.TryParse(body["hookInstance"]!.GetValue<string>(), out _));
        Assert.False(body.ContainsKey("prefetch"));
    }
}
