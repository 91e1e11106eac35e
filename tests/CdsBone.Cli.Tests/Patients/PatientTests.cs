using System.Text.Json.Nodes;
using CdsBone.Cli.Patients;
using CdsBone.Cli.Tests.Support;

namespace CdsBone.Cli.Tests.Patients;

public sealed class PatientTests
{
    [Theory]
    [InlineData("2025-06-01", 10, "2025-06-11")]
    [InlineData("2025-05-12T08:30:00Z", 30, "2025-06-11T08:30:00Z")]
    [InlineData("2024-02-28T23:59:59.5+02:00", 1, "2024-02-29T23:59:59.5+02:00")]
    [InlineData("1980-05-02", -1, "1980-05-01")]
    public void Dates_and_date_times_move(string text, int days, string expected) =>
        Assert.Equal(expected, DateShift.Shift(text, days));

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-06")]
    [InlineData("2025-13-01")]
    [InlineData("V1-2025-06-01")]
    [InlineData("2025-06-01 was a Sunday")]
    public void Other_strings_stay(string text) => Assert.Null(DateShift.Shift(text, 10));

    [Fact]
    public void Every_date_of_a_resource_moves_and_nothing_else()
    {
        var bundle = JsonNode.Parse("""{"entry":[{"resource":{"id":"o1","effectiveDateTime":"2025-05-12T08:30:00Z","valueQuantity":{"value":58}}},{"resource":{"birthDate":"1980-05-02"}}]}""");

        var moved = DateShift.Apply(bundle, 100)!;

        Assert.Equal("2025-08-20T08:30:00Z", moved["entry"]![0]!["resource"]!["effectiveDateTime"]!.GetValue<string>());
        Assert.Equal("1980-08-10", moved["entry"]![1]!["resource"]!["birthDate"]!.GetValue<string>());
        Assert.Equal(58, moved["entry"]![0]!["resource"]!["valueQuantity"]!["value"]!.GetValue<int>());
        Assert.Equal("o1", moved["entry"]![0]!["resource"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void The_sample_patients_are_transactions_that_PUT_by_id()
    {
        var set = PatientSet.Read(RepoFiles.Path("samples", "patients"));

        Assert.Equal(new DateOnly(2025, 6, 1), set.AsOf);
        Assert.Equal(6, set.Patients.Count);
        foreach (var patient in set.Patients)
        {
            var bundle = JsonNode.Parse(File.ReadAllText(patient.BundlePath))!;
            Assert.Equal("transaction", bundle["type"]!.GetValue<string>());
            var entries = bundle["entry"]!.AsArray();
            Assert.Contains(entries, e => e!["resource"]!["resourceType"]!.GetValue<string>() == "Patient" && e["resource"]!["id"]!.GetValue<string>() == patient.Id);
            Assert.All(entries, e => Assert.Equal(
                $"{e!["resource"]!["resourceType"]}/{e["resource"]!["id"]}",
                e["request"]!["url"]!.GetValue<string>()));
            Assert.All(entries, e => Assert.Equal("PUT", e!["request"]!["method"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void Without_an_index_transaction_files_are_the_patients()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.json"), """{"resourceType":"Bundle","type":"transaction","entry":[]}""");
        File.WriteAllText(dir.File("b.json"), """{"resourceType":"Patient","id":"x"}""");
        File.WriteAllText(dir.File("c.json"), "not json");

        var set = PatientSet.Read(dir.Path);

        Assert.Null(set.AsOf);
        Assert.Equal("a", Assert.Single(set.Patients).Id);
    }

    [Fact]
    public void A_missing_directory_is_a_usage_error() =>
        Assert.Equal(2, Assert.Throws<CliException>(() => PatientSet.Read("/no/such/dir")).ExitCode);
}
