namespace CdsBone.Cli.Conformance;

/// <summary>Pass, fail (a MUST/SHALL/REQUIRED broken), or warn (a SHOULD or a recommendation).</summary>
internal enum Verdict
{
    Pass,
    Warn,
    Fail,
}

/// <summary>One line of the conformance table.</summary>
/// <param name="Area">discovery, a service id, errors, feedback.</param>
/// <param name="Check">What was checked, with its CDS-HOOKS.md item.</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Detail">What was seen when it did not pass.</param>
internal sealed record CheckResult(string Area, string Check, Verdict Verdict, string? Detail = null);
