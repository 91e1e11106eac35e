using System.Text.Json;
using CdsBone.Cli.Conformance;

namespace CdsBone.Cli.Tests.Conformance;

public sealed class ContractTests
{
    private const string GoodCard = """
        {"uuid":"0b5a7a8e-3f5e-4b8e-9d2c-1f0e6b1a2c3d","summary":"Reduce anastrozole","indicator":"warning",
         "source":{"label":"CdsBone","url":"https://cdsbone.example.org","topic":{"system":"https://x/CodeSystem/r","code":"reduce-dose"}},
         "selectionBehavior":"at-most-one",
         "suggestions":[{"label":"Reduce","uuid":"1b5a7a8e-3f5e-4b8e-9d2c-1f0e6b1a2c3d","isRecommended":true,
           "actions":[{"type":"create","description":"New order","resource":{"resourceType":"MedicationRequest"}},{"type":"delete","description":"Old","resourceId":"MedicationRequest/1"}]}],
         "overrideReasons":[{"system":"https://x/CodeSystem/o","code":"c","display":"Clinician judgement"}],
         "links":[{"label":"Evidence","url":"https://pubmed.ncbi.nlm.nih.gov/1/","type":"absolute"}]}
        """;

    [Fact]
    public void A_conforming_response_has_no_problems()
    {
        Assert.Empty(Problems($$"""{"cards":[{{GoodCard}}]}"""));
        Assert.Empty(Problems("""{"cards":[]}"""));
    }

    [Theory]
    [InlineData("""{"summary":"x","indicator":"hard-stop","source":{"label":"s"}}""", "indicator")]
    [InlineData("""{"indicator":"info","source":{"label":"s"}}""", "summary is missing")]
    [InlineData("""{"summary":"x","indicator":"info"}""", "source is missing")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s","topic":{"code":"c"}}}""", "topic")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"suggestions":[{"label":"a"}]}""", "selectionBehavior")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"selectionBehavior":"at-most-one","suggestions":[{"label":"a","isRecommended":true},{"label":"b","isRecommended":true}]}""", "2 suggestions recommended")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"selectionBehavior":"any","suggestions":[{"label":"a","actions":[{"type":"create","description":"d"}]}]}""", "carries the resource")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"overrideReasons":[{"system":"s","code":"c"}]}""", "display")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"links":[{"label":"l","url":"/relative","type":"absolute"}]}""", "absolute url")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"detail":""}""", "null or empty")]
    [InlineData("""{"summary":"x","indicator":"info","source":{"label":"s"},"uuid":"not-a-uuid"}""", "uuid")]
    public void A_broken_card_is_named(string card, string expected) =>
        Assert.Contains(Problems($$"""{"cards":[{{card}}]}"""), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void A_long_summary_is_named() =>
        Assert.Contains(Problems($$$"""{"cards":[{"summary":"{{{new string('a', 140)}}}","indicator":"info","source":{"label":"s"}}]}"""), p => p.Contains("140", StringComparison.Ordinal));

    [Theory]
    [InlineData("""{"services":[{"hook":"order-sign","description":"d","id":"s","prefetch":{"p":"Patient/{{context.patientId}}"}}]}""", 0)]
    [InlineData("""{"services":[]}""", 0)]
    [InlineData("""{"services":[{"hook":"order-sign","id":"s"}]}""", 1)]
    [InlineData("""{"services":[{"hook":"order-sign","description":"d","id":"s","prefetch":{"p":1}}]}""", 1)]
    [InlineData("""{"services":[{"hook":"order-sign","description":"d","id":"s","title":null}]}""", 1)]
    [InlineData("""{"cards":[]}""", 1)]
    public void Discovery_documents_are_checked(string document, int problems) =>
        Assert.Equal(problems, DiscoveryContract.Problems(JsonDocument.Parse(document).RootElement).Count);

    private static IReadOnlyList<string> Problems(string json) => CardContract.Problems(JsonDocument.Parse(json).RootElement);
}
