using CdsBone.Fhir.Tests.Support;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Tests.Patients;

/// <summary>
/// For every patient we have (visible fixtures and our own), each Observation the mapper recognised is in a card's
/// values table or in the "Not used" list, on every hook (§5 Definitions; the random-patient property is in Rules.Tests).
/// </summary>
public sealed class NotUsedListTests
{
    public static TheoryData<string> Requests() =>
    [
        .. Directory.EnumerateFiles(Paths.VisibleFixtures, "V*.json").Order(),
        .. Directory.EnumerateFiles(Paths.OwnPatients, "*.json").Where(f => !f.EndsWith("expected.json", StringComparison.Ordinal)).Order(),
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryRecognisedObservation_IsInAValuesTableOrNotUsed(string path)
    {
        var input = HookRequestFile.Load(path);
        var mapping = Pipeline.Mapper.Map(input);
        var result = Pipeline.Evaluate(input);
        if (result.Decisions.Count == 0)
        {
            return;
        }

        var recognised = mapping.Facts!.Labs.Select(l => l.SourceId).Concat(mapping.Facts.Dxa.Select(d => d.SourceId)).ToList();
        var accounted = result.Decisions.SelectMany(d => d.Evidence).Select(e => e.Source).Concat(result.Ignored.Select(i => i.Evidence.Source))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(recognised);
        Assert.All(recognised, id => Assert.Contains(id, accounted));
        Assert.All(result.Decisions, d => Assert.Same(result.Ignored, d.Ignored));
    }
}
