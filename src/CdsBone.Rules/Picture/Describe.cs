using System.Globalization;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Picture;

/// <summary>Names and phrases for results: evidence rows and the value text of summaries.</summary>
public static class Describe
{
    /// <summary>The analyte's name as a card says it.</summary>
    public static string Name(Analyte analyte) => analyte switch
    {
        Analyte.Estradiol => "estradiol",
        Analyte.TotalTestosterone => "total testosterone",
        Analyte.FreeTestosterone => "free testosterone",
        Analyte.PercentFreeTestosterone => "free testosterone (percent)",
        Analyte.BioavailableTestosterone => "bioavailable testosterone",
        Analyte.Shbg => "SHBG",
        Analyte.Albumin => "albumin",
        Analyte.Ctx => "CTx",
        Analyte.P1np => "P1NP",
        Analyte.Osteocalcin => "osteocalcin",
        Analyte.Progesterone => "progesterone",
        Analyte.Lh => "LH",
        Analyte.Fsh => "FSH",
        Analyte.Hcg => "hCG",
        Analyte.HcgQualitative => "hCG (qualitative)",
        Analyte.Psa => "PSA",
        Analyte.Hematocrit => "hematocrit",
        _ => analyte.ToString(),
    };

    /// <summary>A condition kind as a card says it.</summary>
    public static string Name(ConditionKind kind) => kind switch
    {
        ConditionKind.BreastCancer => "breast cancer",
        ConditionKind.FragilityFracture => "a fragility fracture",
        ConditionKind.BilateralOophorectomy => "bilateral oophorectomy",
        ConditionKind.PrematureMenopause => "premature menopause",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A DXA result's name, e.g. "lumbar spine T-score", "left total hip BMD".</summary>
    public static string Name(DxaResult dxa)
    {
        var site = dxa.Site switch
        {
            BoneSite.LumbarSpine => "lumbar spine",
            BoneSite.TotalHip => "total hip",
            BoneSite.FemoralNeck => "femoral neck",
            _ => "forearm",
        };
        var measure = dxa.Measure switch
        {
            DxaMeasure.TScore => "T-score",
            DxaMeasure.ZScore => "Z-score",
            _ => "BMD",
        };
        return dxa.Laterality is { } side ? $"{side} {site} {measure}" : $"{site} {measure}";
    }

    /// <summary>The name of any result.</summary>
    public static string Name(ResultFact result) => result switch
    {
        LabResult lab => Name(lab.Analyte),
        DxaResult dxa => Name(dxa),
        _ => result.Code.Code,
    };

    /// <summary>The assay as the evidence extension writes it.</summary>
    public static string? Assay(AssayClass assay) => assay switch
    {
        AssayClass.Sensitive => "lc-ms-ms",
        AssayClass.Immunoassay => "immunoassay",
        AssayClass.Calculated => "calculated",
        _ => null,
    };

    /// <summary>The assay of <paramref name="lab"/> as the evidence extension writes it: <c>high-sensitivity</c> when only the code says so.</summary>
    public static string? Assay(LabResult lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return lab is { Assay: AssayClass.Sensitive, SensitiveByCodeOnly: true } ? "high-sensitivity" : Assay(lab.Assay);
    }

    /// <summary>
    /// The assay of <paramref name="lab"/> as a summary says it. LOINC 72873-3 names a high-sensitivity method, not
    /// LC-MS/MS: without method text saying how, the card says what the code says.
    /// </summary>
    public static string? AssayLabel(LabResult lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return lab is { Assay: AssayClass.Sensitive, SensitiveByCodeOnly: true } ? "high-sensitivity (by code)" : AssayLabel(lab.Assay);
    }

    /// <summary>The assay as a summary says it.</summary>
    public static string? AssayLabel(AssayClass assay) => assay switch
    {
        AssayClass.Sensitive => "LC-MS/MS",
        AssayClass.Immunoassay => "immunoassay",
        AssayClass.Calculated => "calculated",
        _ => null,
    };

    /// <summary>FHIR's status code.</summary>
    public static string Status(ResultStatus status) => status switch
    {
        ResultStatus.EnteredInError => "entered-in-error",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>"&lt;", "&lt;=", "&gt;", "&gt;=" or "".</summary>
    public static string Comparator(Comparator comparator) => comparator switch
    {
        Facts.Comparator.LessThan => "<",
        Facts.Comparator.LessOrEqual => "<=",
        Facts.Comparator.GreaterThan => ">",
        Facts.Comparator.GreaterOrEqual => ">=",
        _ => string.Empty,
    };

    /// <summary>A number as a clinician writes it: invariant culture, no trailing zeros, at most 3 decimals.</summary>
    public static string Number(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A number with a sensible precision for display in summaries: one decimal below 100, none above.</summary>
    public static string Rounded(decimal value) =>
        Math.Abs(value) >= 100m
            ? Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)
            : Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A limit at clinical precision: whole above 100, one decimal from 10, two from 1, three below. A limit converted
    /// from a lab's range in other units ("40.857 pg/mL" from 150 pmol/L) is then shown as a clinician writes it (40.9).
    /// </summary>
    public static string Limit(decimal value)
    {
        var magnitude = Math.Abs(value);
        var decimals = magnitude >= 100m ? 0 : magnitude >= 10m ? 1 : magnitude >= 1m ? 2 : 3;
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>"14 pg/mL", "&lt;5 pg/mL", "−1.1".</summary>
    public static string Value(ResultFact result)
    {
        if (result is LabResult { QualitativePositive: { } positive })
        {
            return positive ? "positive" : "negative";
        }

        if (result.Value is not { } value)
        {
            return "no value";
        }

        var unit = result.Unit is "1" ? string.Empty : $" {result.Unit}";
        return $"{Comparator(result.Comparator)}{Rounded(value)}{unit}";
    }

    /// <summary>"estradiol 14 pg/mL (LC-MS/MS, 12 days ago)": the decisive value of a summary.</summary>
    public static string ValueWithContext(ResultFact result, ClinicalTime time)
    {
        var parts = new List<string>(2);
        if (result is LabResult lab && AssayLabel(lab) is { } assay)
        {
            parts.Add(assay);
        }

        if (result.Effective is { } effective)
        {
            parts.Add(Ago(time.DaysAgo(effective)));
        }

        var context = parts.Count > 0 ? $" ({string.Join(", ", parts)})" : string.Empty;
        return $"{Name(result)} {Value(result)}{context}";
    }

    /// <summary>"today", "1 day ago", "14 days ago".</summary>
    public static string Ago(int days) => days switch
    {
        0 => "today",
        1 => "1 day ago",
        _ => string.Create(CultureInfo.InvariantCulture, $"{days} days ago"),
    };

    /// <summary>An evidence row for <paramref name="result"/>.</summary>
    public static EvidenceItem Evidence(ResultFact result) => new(
        Name(result),
        result.Code,
        result.Value,
        result.Unit,
        result.Comparator,
        result.ReceivedValue,
        result.ReceivedUnit,
        result.Effective,
        Status(result.Status),
        result is LabResult lab ? Assay(lab) : null,
        result.SourceId);
}
