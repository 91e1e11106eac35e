using System.Globalization;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;

namespace CdsBone.Rules.Picture;

/// <summary>Applies D1, D2 and D4 and the pending rule to each result (§5 Definitions: usable observation).</summary>
internal static class ResultScreen
{
    public static Screened<T> Screen<T>(T result, PlausibleRange? plausible, DateTimeOffset now)
        where T : ResultFact
    {
        switch (result.Status)
        {
            case ResultStatus.EnteredInError:
                return Unusable(result, IgnoredReason.EnteredInError, "entered in error (D1)");
            case ResultStatus.Cancelled:
                return Unusable(result, IgnoredReason.Cancelled, "cancelled (D1)");
        }

        if (result.Effective is not { } effective)
        {
            return Unusable(result, IgnoredReason.NoDate, "no effective date, so its age cannot be told");
        }

        if (effective > now)
        {
            return Unusable(result, IgnoredReason.FutureDate, "dated after now (D2)");
        }

        if (result.UnitProblem is { } unitProblem)
        {
            return Unusable(result, IgnoredReason.UnmappableUnit, $"{unitProblem} (D2)");
        }

        var isQualitative = result is LabResult { QualitativePositive: not null };
        if (result.Value is not { } value)
        {
            if (!isQualitative)
            {
                return Unusable(result, IgnoredReason.NoValue, "no numeric value");
            }
        }
        else if (plausible is not null && !plausible.Contains(value))
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"{plausible.Min:0.###}–{plausible.Max:0.###} {result.Unit}");
            return Unusable(result, IgnoredReason.Implausible, $"implausible after conversion (outside {range}) (D4)");
        }

        return result.Status switch
        {
            ResultStatus.Final or ResultStatus.Amended or ResultStatus.Corrected => new(result, Usability.Usable, null, null),
            ResultStatus.Preliminary or ResultStatus.Registered => new(result, Usability.Pending, IgnoredReason.Pending, "pending (preliminary or registered)"),
            _ => Unusable(result, IgnoredReason.UnknownStatus, "status unknown"),
        };
    }

    private static Screened<T> Unusable<T>(T result, IgnoredReason reason, string explanation)
        where T : ResultFact => new(result, Usability.Unusable, reason, explanation);
}
