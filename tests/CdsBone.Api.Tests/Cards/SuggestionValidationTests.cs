using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CdsBone.Api.Tests.Cards;

/// <summary>The FHIR validator is slow to start: built once for the whole test run and shared.</summary>
public sealed class FhirValidatorFixture
{
    public FhirValidatorFixture()
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        Validator = new Validator(source.AsAsync(), new LocalTerminologyService(source.AsAsync()));
    }

    public Validator Validator { get; }
}

[CollectionDefinition(nameof(FhirValidatorGroup))]
public sealed class FhirValidatorGroup : ICollectionFixture<FhirValidatorFixture>;

/// <summary>Every resource in every suggestion of every patient's cards is valid FHIR R4 (Firely.Fhir.Validation.R4).</summary>
[Collection(nameof(FhirValidatorGroup))]
public sealed class SuggestionValidationTests(FhirValidatorFixture fixture)
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static TheoryData<string, string, string> Calls()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var id in TestFiles.PatientIds(TestFiles.VisibleFixtures))
        {
            data.Add("visible", id, "sign");
            data.Add("visible", id, "view");
        }

        foreach (var id in TestFiles.PatientIds(TestFiles.OwnPatients))
        {
            data.Add("own", id, "sign");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async System.Threading.Tasks.Task Suggestions_AreValidFhirR4(string set, string patientId, string how)
    {
        var folder = set == "visible" ? TestFiles.VisibleFixtures : TestFiles.OwnPatients;
        var request = TestFiles.Request(folder, patientId);
        var service = how == "view" ? "anastrozole-patient-view" : $"anastrozole-{request["hook"]!.GetValue<string>()}";
        if (how == "view")
        {
            request = TestFiles.AsPatientView(request);
        }

        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        using var response = await client.PostJsonAsync($"/cds-services/{service}", request);
        var cards = await response.CardsAsync();

        var resources = cards.SelectMany(c => c!["suggestions"] as JsonArray ?? [])
            .SelectMany(s => s!["actions"]!.AsArray())
            .Select(a => a!["resource"]).OfType<JsonObject>()
            .ToList();
        foreach (var json in resources)
        {
            var resource = Deserializer.DeserializeResource(json.ToJsonString());
            var outcome = fixture.Validator.Validate(resource);
            var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
            Assert.True(errors.Count == 0, $"{resource.TypeName}: {string.Join("; ", errors.Select(e => e.Details?.Text ?? e.Diagnostics))}");
        }
    }
}

/// <summary>The validator does reject what is invalid: without this the test above could not fail.</summary>
[Collection(nameof(FhirValidatorGroup))]
public sealed class FhirValidatorControlTests(FhirValidatorFixture fixture)
{
    [Fact]
    public void Validate_ServiceRequestWithoutIntentOrSubject_HasErrors()
    {
        var outcome = fixture.Validator.Validate(new ServiceRequest { Status = RequestStatus.Draft });

        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }
}
