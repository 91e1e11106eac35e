using BenchmarkDotNet.Attributes;
using CdsBone.Fhir.Terminology;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Recognition;
using CdsBone.Rules.Terminology;

namespace CdsBone.Benchmarks;

/// <summary>
/// The concept-class value sets: loading the shipped sets at start (time and memory), and recognising one coded
/// condition (the per-hook cost: a frozen-dictionary probe per class, in priority order).
/// </summary>
[MemoryDiagnoser]
public class TerminologyBenchmarks
{
    private static readonly ClinicalCode Descendant = new("http://snomed.info/sct", "353431000119107");
    private static readonly ClinicalCode Unknown = new("http://snomed.info/sct", "404684003");
    private readonly ConditionRecognizer _conditions = new(ValueSetIndex.Shipped());

    /// <summary>Parse the 15 embedded ValueSets and build the index (once per process, at start).</summary>
    [Benchmark]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs instance methods")]
    public IConceptMembership LoadShipped() => ValueSetIndex.Shipped();

    /// <summary>A breast-cancer descendant: found in the first class tried.</summary>
    [Benchmark]
    public RecognisedCondition? RecogniseDescendant() => _conditions.Recognise([Descendant], []);

    /// <summary>A code in no set, with a text that matches no stem: every class, prefix rule and stem is tried.</summary>
    [Benchmark]
    public RecognisedCondition? RecogniseUnknown() => _conditions.Recognise([Unknown], ["Clinical finding"]);
}
