using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.FreeTestosterone;
using CdsBone.Rules.Options;
using CdsBone.Rules.Units;

namespace CdsBone.Rules.Picture;

/// <summary>Total testosterone, SHBG and albumin within their window, and free testosterone when all three allow (§3).</summary>
public sealed class AndrogenPanel
{
    internal AndrogenPanel(Func<Analyte, int, LabResult?> latestExact, RuleOptions options)
    {
        TotalTestosterone = latestExact(Analyte.TotalTestosterone, options.AndrogenPanelWindowDays);
        Shbg = latestExact(Analyte.Shbg, options.AndrogenPanelWindowDays);
        Albumin = latestExact(Analyte.Albumin, options.AndrogenPanelWindowDays);

        if (TotalTestosterone is { Value: > 0m } tt && Shbg is { Value: >= 0m } shbg && Albumin is { Value: > 0m } albumin)
        {
            var dates = new[] { tt.Effective!.Value, shbg.Effective!.Value, albumin.Effective!.Value };
            if (ClinicalTime.DaysBetween(dates.Min(), dates.Max()) <= options.FreeTestosteroneInputSpanDays)
            {
                var estimate = VermeulenCalculator.Calculate(tt.Value!.Value, shbg.Value!.Value, albumin.Value!.Value);
                CalculatedFreeTestosterone = new EvidenceItem(
                    "free testosterone (calculated, Vermeulen)",
                    Loinc.FreeTestosteroneCalculated,
                    Math.Round(estimate.FreePgMl, 1),
                    UcumUnits.PicogramsPerMillilitre,
                    Comparator.None,
                    null,
                    null,
                    dates.Max(),
                    "calculated",
                    Describe.Assay(AssayClass.Calculated),
                    null,
                    [tt.SourceId, shbg.SourceId, albumin.SourceId]);
                Estimate = estimate;
            }
        }
    }

    /// <summary>The latest usable exact total testosterone within the window.</summary>
    public LabResult? TotalTestosterone { get; }

    /// <summary>The latest usable exact SHBG within the window.</summary>
    public LabResult? Shbg { get; }

    /// <summary>The latest usable exact albumin within the window.</summary>
    public LabResult? Albumin { get; }

    /// <summary>The Vermeulen estimate, when computed.</summary>
    public FreeTestosteroneEstimate? Estimate { get; }

    /// <summary>The calculated free testosterone as evidence (display only: no rule decides on it), with derivedFrom links.</summary>
    public EvidenceItem? CalculatedFreeTestosterone { get; }
}
