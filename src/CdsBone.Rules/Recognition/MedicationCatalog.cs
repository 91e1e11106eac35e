using System.Buffers;
using System.Collections.Frozen;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// Recognises the medications of §4a and §5 (Therapies) by RxNorm code, else by word stems in the text: compounded
/// products arrive as text only, and several codes are UNVERIFIED, so text always backs the codes up.
/// </summary>
public static class MedicationCatalog
{
    private static readonly FrozenDictionary<ClinicalCode, (TherapyClass, string)> ByCode = BuildCodes();

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

    /// <summary>Recognises a medication from its codings and texts (CodeableConcept.text and coding displays).</summary>
    public static RecognisedMedication? Recognise(IEnumerable<ClinicalCode> codes, IEnumerable<string?> texts)
    {
        foreach (var code in codes)
        {
            if (ByCode.TryGetValue(code, out var match))
            {
                return new RecognisedMedication(match.Item1, match.Item2, RecognitionMethod.Code);
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
                if (TextMatcher.FirstStem(text, stems) is not null)
                {
                    return new RecognisedMedication(therapyClass, agent, RecognitionMethod.Text);
                }
            }
        }

        return null;
    }

    private static FrozenDictionary<ClinicalCode, (TherapyClass, string)> BuildCodes()
    {
        var map = new Dictionary<ClinicalCode, (TherapyClass, string)>();
        void Add(TherapyClass therapyClass, string agent, params IEnumerable<ClinicalCode> codes)
        {
            foreach (var code in codes)
            {
                map[code] = (therapyClass, agent);
            }
        }

        Add(TherapyClass.AromataseInhibitor, Agents.Anastrozole, RxNorm.Anastrozole, RxNorm.Anastrozole1MgTablet, RxNorm.Arimidex1MgTablet);
        Add(TherapyClass.AromataseInhibitor, Agents.Letrozole, RxNorm.Letrozole, RxNorm.Letrozole25MgTablet);
        Add(TherapyClass.AromataseInhibitor, Agents.Exemestane, RxNorm.Exemestane, RxNorm.Exemestane25MgTablet);
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
