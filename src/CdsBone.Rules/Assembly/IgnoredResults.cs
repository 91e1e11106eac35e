using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Assembly;

/// <summary>
/// Every result that decided nothing, with the reason (§5 Definitions): screened out (D1, D2, D4, pending, no date) or
/// older than its window. Results that some finding used are not listed.
/// </summary>
internal static class IgnoredResults
{
    public static IReadOnlyList<IgnoredResult> Collect(ClinicalPicture picture, IReadOnlyList<RuleFinding> findings)
    {
        var used = findings.SelectMany(f => f.Evidence).Select(e => e.Source).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ignored = new List<IgnoredResult>();
        foreach (var screened in picture.Labs)
        {
            Add(screened.Result, screened.Usability, screened.Reason, screened.Explanation, picture.Options.WindowFor(screened.Result.Analyte));
        }

        foreach (var screened in picture.Dxa)
        {
            Add(screened.Result, screened.Usability, screened.Reason, screened.Explanation, picture.Options.DxaWindowDays);
        }

        return ignored;

        void Add(ResultFact result, Usability usability, IgnoredReason? reason, string? explanation, int? window)
        {
            if (used.Contains(result.SourceId))
            {
                return;
            }

            if (usability != Usability.Usable && reason is { } why)
            {
                ignored.Add(new IgnoredResult(Describe.Evidence(result), why, RuleFor(why), explanation ?? why.ToString()));
            }
            else if (usability == Usability.Usable && window is { } days && !picture.Time.Within(result.Effective, days))
            {
                ignored.Add(new IgnoredResult(Describe.Evidence(result), IgnoredReason.Stale, null, $"older than {days} days"));
            }
        }
    }

    private static RuleId? RuleFor(IgnoredReason reason) => reason switch
    {
        IgnoredReason.EnteredInError or IgnoredReason.Cancelled => RuleId.D1,
        IgnoredReason.UnmappableUnit or IgnoredReason.FutureDate => RuleId.D2,
        IgnoredReason.Implausible => RuleId.D4,
        IgnoredReason.Pending => RuleId.M6,
        _ => null,
    };
}
