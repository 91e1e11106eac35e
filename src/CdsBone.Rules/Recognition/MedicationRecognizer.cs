using System.Buffers;
using System.Collections.Frozen;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Terminology;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// Recognises the medications of §4a and §5 (Therapies): aromatase inhibitors and GnRH agonists through their value
/// sets, the other classes by the RxNorm codes of §4a, and all of them by word stems in the text last: compounded
/// products arrive as text only, and several codes are UNVERIFIED, so text always backs the codes up.
/// </summary>
public sealed class MedicationRecognizer
{
    private const string GenericAromataseInhibitor = "aromatase inhibitor";
    private const string GenericGnrhAgonist = "GnRH agonist";
    private static readonly FrozenDictionary<ClinicalCode, (TherapyClass, string)> CatalogueCodes = BuildCatalogue();

    // Order matters: aromatase inhibitors are tried first so that "anastrozole (with testosterone therapy)" is an AI.
    private static readonly (TherapyClass Class, string Agent, string[] Stems)[] ByText =
    [
        (TherapyClass.AromataseInhibitor, Agents.Anastrozole, ["anastrozole", "arimidex"]),
        (TherapyClass.AromataseInhibitor, Agents.Letrozole, ["letrozole", "femara"]),
        (TherapyClass.AromataseInhibitor, Agents.Exemestane, ["exemestane", "aromasin"]),
        (TherapyClass.FertilityAgent, "clomiphene", ["clomiphene", "clomifene", "clomid", "serophene"]),
        (TherapyClass.FertilityAgent, "hcg", ["pregnyl", "novarel", "ovidrel", "chorionic gonadotropin", "hcg"]),
        (TherapyClass.FertilityAgent, "gonadorelin", ["gonadorelin"]),
        (TherapyClass.GnrhAgonist, "goserelin", ["goserelin", "zoladex"]),
        (TherapyClass.GnrhAgonist, "leuprolide", ["leuprolide", "leuprorelin", "lupron", "eligard"]),
        (TherapyClass.GnrhAgonist, "triptorelin", ["triptorelin", "trelstar"]),
        (TherapyClass.Serm, "tamoxifen", ["tamoxifen", "nolvadex", "soltamox"]),
        (TherapyClass.BoneProtective, "alendronate", ["alendronate", "fosamax"]),
        (TherapyClass.BoneProtective, "risedronate", ["risedronate", "actonel", "atelvia"]),
        (TherapyClass.BoneProtective, "ibandronate", ["ibandronate", "boniva"]),
        (TherapyClass.BoneProtective, "zoledronic acid", ["zoledronic", "zoledronate", "reclast"]),
        (TherapyClass.BoneProtective, "denosumab", ["denosumab", "prolia"]),
        (TherapyClass.Testosterone, "testosterone",
            ["testosterone", "testopel", "androgel", "testim", "fortesta", "vogelxo", "natesto", "aveed", "xyosted", "jatenzo", "tlando", "kyzatrex"]),
    ];

    private static readonly SearchValues<string> AnyStem = TextMatcher.AnyOf(ByText.SelectMany(t => t.Stems));

    // The therapy classes that have a value set, tried before the catalogue codes.
    private static readonly (ConceptClass Concept, TherapyClass Therapy, string Generic)[] ValueSetClasses =
    [
        (ConceptClass.AromataseInhibitor, TherapyClass.AromataseInhibitor, GenericAromataseInhibitor),
        (ConceptClass.GnrhAgonist, TherapyClass.GnrhAgonist, GenericGnrhAgonist),
    ];

    private readonly IConceptMembership _terminology;

    /// <summary>Recognises medications against <paramref name="terminology"/>.</summary>
    public MedicationRecognizer(IConceptMembership terminology) =>
        _terminology = terminology ?? throw new ArgumentNullException(nameof(terminology));

    /// <summary>Recognises a medication from its codings and texts (CodeableConcept.text and coding displays).</summary>
    public RecognisedMedication? Recognise(IReadOnlyList<ClinicalCode> codes, IReadOnlyList<string?> texts)
    {
        var breastCancerOnly = codes.Any(c => _terminology.Find(ConceptClass.BreastCancerTherapy, c) is not null);
        foreach (var (conceptClass, therapyClass, generic) in ValueSetClasses)
        {
            foreach (var code in codes)
            {
                if (_terminology.Find(conceptClass, code) is { } member)
                {
                    // The ingredient comes from the product's display in the value set, else the order's own texts.
                    var agent = AgentNamedBy(therapyClass, [member.Display, .. texts]) ?? generic;
                    var recognition = new ConceptRecognition(conceptClass, RecognitionMethod.Code, member.ValueSet, null);
                    return new RecognisedMedication(therapyClass, agent, recognition, RecognitionMethod.Code, breastCancerOnly);
                }
            }
        }

        foreach (var code in codes)
        {
            if (CatalogueCodes.TryGetValue(code, out var match))
            {
                return new RecognisedMedication(match.Item1, match.Item2, null, RecognitionMethod.Code, breastCancerOnly);
            }
        }

        foreach (var text in texts)
        {
            if (!TextMatcher.MayMatch(text, AnyStem))
            {
                continue;
            }

            foreach (var (therapyClass, agent, stems) in ByText)
            {
                if (TextMatcher.FirstStem(text, stems) is { } stem)
                {
                    var recognition = therapyClass switch
                    {
                        TherapyClass.AromataseInhibitor => new ConceptRecognition(ConceptClass.AromataseInhibitor, RecognitionMethod.Text, null, stem),
                        TherapyClass.GnrhAgonist => new ConceptRecognition(ConceptClass.GnrhAgonist, RecognitionMethod.Text, null, stem),
                        _ => null,
                    };
                    return new RecognisedMedication(therapyClass, agent, recognition, RecognitionMethod.Text, breastCancerOnly);
                }
            }
        }

        return null;
    }

    private static string? AgentNamedBy(TherapyClass therapyClass, IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (!TextMatcher.MayMatch(text, AnyStem))
            {
                continue;
            }

            foreach (var (stemClass, agent, stems) in ByText)
            {
                if (stemClass == therapyClass && TextMatcher.FirstStem(text, stems) is not null)
                {
                    return agent;
                }
            }
        }

        return null;
    }

    private static FrozenDictionary<ClinicalCode, (TherapyClass, string)> BuildCatalogue()
    {
        var map = new Dictionary<ClinicalCode, (TherapyClass, string)>();
        void Add(TherapyClass therapyClass, string agent, params IEnumerable<ClinicalCode> codes)
        {
            foreach (var code in codes)
            {
                map[code] = (therapyClass, agent);
            }
        }

        // Aromatase inhibitors and GnRH agonists come from their value sets; these classes have none published.
        Add(TherapyClass.Testosterone, "testosterone",
            [RxNorm.Testosterone, RxNorm.TestosteroneCypionate200, RxNorm.TestosteroneCypionate100, RxNorm.TestosteroneCypionate1MlVial,
             RxNorm.TestosteroneEnanthate200, .. RxNorm.TestosteroneGels]);
        Add(TherapyClass.FertilityAgent, "clomiphene", RxNorm.Clomiphene, RxNorm.Clomiphene50MgTablet, RxNorm.Clomid50MgTablet);
        Add(TherapyClass.Serm, "tamoxifen", RxNorm.Tamoxifen, RxNorm.Tamoxifen20MgTablet, RxNorm.Tamoxifen10MgTablet);
        Add(TherapyClass.BoneProtective, "alendronate", RxNorm.Alendronate, RxNorm.Alendronate70MgTablet, RxNorm.Alendronate70MgSolution);
        Add(TherapyClass.BoneProtective, "denosumab", [RxNorm.Denosumab, .. RxNorm.Prolia]);
        return map.ToFrozenDictionary();
    }
}
