using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Serialization;
using CdsBone.Fhir.Terminology;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Options;
using Microsoft.Extensions.Time.Testing;

namespace CdsBone.Fhir.Tests.Support;

/// <summary>FHIR mapping then rules, with the clock pinned to the fixtures' date (2025-06-01). Shared: UCUM loads once.</summary>
internal static class Pipeline
{
    public static readonly DateTimeOffset FixtureDate = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static UcumQuantityConverter Converter { get; } = new();

    /// <summary>The shipped value sets, loaded once.</summary>
    public static ValueSetIndex Terminology { get; } = ValueSetIndex.Shipped();

    public static ClinicalFactsMapper Mapper { get; } = new(new FhirResourceReader(), Converter, Terminology);

    public static EvaluationResult Evaluate(HookInput input)
    {
        var mapping = Mapper.Map(input);
        Assert.True(mapping.IsComplete, string.Join("; ", mapping.Missing.Select(m => m.Message)));
        var clock = new FakeTimeProvider(FixtureDate);
        return new RuleEngine(new RuleOptions()).Evaluate(new EvaluationRequest(input.Trigger, mapping.Facts!, clock.GetUtcNow()));
    }
}
