using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Services;

/// <summary>Every visible patient and every own patient over HTTP, clock pinned: expectations met, every card within the contract.</summary>
public sealed class PatientHttpTests
{
    private static readonly string[] Severity = ["info", "warning", "critical"];

    public static TheoryData<string, string> Patients()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in TestFiles.PatientIds(TestFiles.VisibleFixtures))
        {
            data.Add("visible", id);
        }

        foreach (var id in TestFiles.PatientIds(TestFiles.OwnPatients))
        {
            data.Add("own", id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Post_Patient_MeetsExpectationsAndTheCardContract(string set, string patientId)
    {
        var folder = set == "visible" ? TestFiles.VisibleFixtures : TestFiles.OwnPatients;
        var request = TestFiles.Request(folder, patientId);
        var expected = TestFiles.Expected(folder, patientId);
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync($"/cds-services/{expected["service"]}", request);

        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        CardContract.AssertValid(body, request["prefetch"]!["patient"]!["gender"]!.GetValue<string>() == "male");
        Check(expected, body["cards"]!.AsArray(), patientId);
    }

    private static void Check(JsonObject expected, JsonArray cards, string patientId)
    {
        var codes = cards.Select(c => c!["source"]!["topic"]!["code"]!.GetValue<string>()).ToList();
        var shown = string.Join("; ", cards.Select(c => $"{c!["source"]!["topic"]!["code"]}/{c["indicator"]}: {c["summary"]}"));
        if (expected["no_cards"]?.GetValue<bool>() == true)
        {
            Assert.True(cards.Count == 0, $"{patientId}: expected no cards; {shown}");
        }

        foreach (var code in Strings(expected, "require"))
        {
            Assert.True(codes.Contains(code), $"{patientId}: expected {code}; {shown}");
        }

        foreach (var code in Strings(expected, "forbid"))
        {
            Assert.False(codes.Contains(code), $"{patientId}: {code} is forbidden; {shown}");
        }

        var any = Strings(expected, "require_any").ToList();
        Assert.True(any.Count == 0 || any.Any(codes.Contains), $"{patientId}: expected one of {string.Join(",", any)}; {shown}");
        var top = cards.Select(c => Array.IndexOf(Severity, c!["indicator"]!.GetValue<string>())).DefaultIfEmpty(0).Max();
        if (expected["min_indicator"] is { } min)
        {
            Assert.True(top >= Array.IndexOf(Severity, min.GetValue<string>()), $"{patientId}: expected at least {min}; {shown}");
        }

        if (expected["max_indicator"] is { } max)
        {
            Assert.True(top <= Array.IndexOf(Severity, max.GetValue<string>()), $"{patientId}: expected at most {max}; {shown}");
        }
    }

    private static IEnumerable<string> Strings(JsonObject expected, string name) =>
        expected[name] is JsonArray array ? array.Select(a => a!.GetValue<string>()) : [];
}
