using System.Collections.Frozen;

namespace CdsBone.Rules.Units;

/// <summary>
/// Maps the non-UCUM unit spellings seen in the wild (CLINICAL-RULES.md §2) to UCUM codes. Only exact spellings are
/// mapped: a guess at a unit is never made, and what is not here must parse as UCUM or the value is unusable (D2).
/// </summary>
public static class UnitSpellings
{
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pg/ml"] = UcumUnits.PicogramsPerMillilitre,
        ["ng/dl"] = UcumUnits.NanogramsPerDecilitre,
        ["ng/ml"] = UcumUnits.NanogramsPerMillilitre,
        ["ng/l"] = UcumUnits.NanogramsPerLitre,
        ["g/dl"] = UcumUnits.GramsPerDecilitre,
        ["g/l"] = UcumUnits.GramsPerLitre,
        ["nmol/l"] = UcumUnits.NanomolesPerLitre,
        ["pmol/l"] = UcumUnits.PicomolesPerLitre,
        ["umol/l"] = UcumUnits.MicromolesPerLitre,
        ["µmol/L"] = UcumUnits.MicromolesPerLitre,
        ["μmol/L"] = UcumUnits.MicromolesPerLitre,
        ["mcg/L"] = UcumUnits.MicrogramsPerLitre,
        ["mcg/l"] = UcumUnits.MicrogramsPerLitre,
        ["µg/L"] = UcumUnits.MicrogramsPerLitre,
        ["μg/L"] = UcumUnits.MicrogramsPerLitre,
        ["ug/l"] = UcumUnits.MicrogramsPerLitre,
        ["mIU/mL"] = UcumUnits.MilliInternationalUnitsPerMillilitre,
        ["mIU/ml"] = UcumUnits.MilliInternationalUnitsPerMillilitre,
        ["mU/mL"] = UcumUnits.MilliInternationalUnitsPerMillilitre,
        ["IU/L"] = UcumUnits.InternationalUnitsPerLitre,
        ["IU/l"] = UcumUnits.InternationalUnitsPerLitre,
        ["g/cm²"] = UcumUnits.GramsPerSquareCentimetre,
        ["g/cm^2"] = UcumUnits.GramsPerSquareCentimetre,
        ["percent"] = UcumUnits.Percent,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The UCUM code for a known non-UCUM spelling, or the input unchanged (it may already be UCUM).</summary>
    public static string ToUcum(string unit)
    {
        var trimmed = unit.Trim();
        return Aliases.TryGetValue(trimmed, out var ucum) ? ucum : trimmed;
    }

    /// <summary>True for a unit a T- or Z-score may carry: none, <c>1</c>, or an annotation-only code <c>{…}</c> in any case (§1e).</summary>
    public static bool IsScoreUnit(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return true;
        }

        var trimmed = unit.Trim();
        return trimmed == UcumUnits.Dimensionless
            || (trimmed.Length > 2 && trimmed[0] == '{' && trimmed[^1] == '}' && trimmed.IndexOf('}', 1) == trimmed.Length - 1);
    }
}
