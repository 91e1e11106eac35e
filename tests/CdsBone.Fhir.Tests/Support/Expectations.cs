using System.Text.Json;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Tests.Support;

/// <summary>
/// Checks an evaluation against an <c>expected.json</c> entry (format: shared/fixtures/README.md): require, require_any,
/// forbid, min_indicator, max_indicator, no_cards; our own files add rule_ids and summary_contains.
/// </summary>
internal static class Expectations
{
    public static IEnumerable<object[]> Load(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return document.RootElement.GetProperty("patients").EnumerateObject().Select(p => new object[] { p.Name }).ToList();
    }

    public static void Check(string folder, string patientId, EvaluationResult result)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var expected = document.RootElement.GetProperty("patients").GetProperty(patientId);
        var codes = result.Decisions.Select(d => d.Recommendation.ToCode()).ToList();
        var shown = $"cards: [{string.Join(", ", result.Decisions.Select(d => $"{d.Recommendation.ToCode()}/{d.Indicator}: {d.Summary}"))}]; rules: {string.Join(",", result.FiredRuleIds)}";

        if (expected.TryGetProperty("no_cards", out var noCards) && noCards.GetBoolean())
        {
            Assert.True(result.Decisions.Count == 0, $"{patientId}: expected no cards; {shown}");
        }

        foreach (var code in Strings(expected, "require"))
        {
            Assert.True(codes.Contains(code), $"{patientId}: expected {code}; {shown}");
        }

        var any = Strings(expected, "require_any").ToList();
        Assert.True(any.Count == 0 || any.Any(codes.Contains), $"{patientId}: expected one of {string.Join(",", any)}; {shown}");

        foreach (var code in Strings(expected, "forbid"))
        {
            Assert.False(codes.Contains(code), $"{patientId}: {code} is forbidden; {shown}");
        }

        var top = result.Decisions.Select(d => d.Indicator).DefaultIfEmpty(Indicator.Info).Max();
        if (expected.TryGetProperty("min_indicator", out var min))
        {
            Assert.True(top >= ParseIndicator(min.GetString()!), $"{patientId}: expected at least {min}; {shown}");
        }

        if (expected.TryGetProperty("max_indicator", out var max))
        {
            Assert.True(top <= ParseIndicator(max.GetString()!), $"{patientId}: expected at most {max}; {shown}");
        }

        foreach (var rule in Strings(expected, "rule_ids"))
        {
            Assert.True(result.Decisions.SelectMany(d => d.RuleIds).Any(r => r.ToString() == rule), $"{patientId}: expected rule {rule} on a card; {shown}");
        }

        if (expected.TryGetProperty("summary_contains", out var text))
        {
            Assert.True(result.Decisions.Any(d => d.Summary.Contains(text.GetString()!, StringComparison.Ordinal)), $"{patientId}: expected a summary with '{text}'; {shown}");
        }
    }

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!) : [];

    private static Indicator ParseIndicator(string value) => value switch
    {
        "info" => Indicator.Info,
        "warning" => Indicator.Warning,
        "critical" => Indicator.Critical,
        _ => throw new InvalidDataException(value),
    };
}
