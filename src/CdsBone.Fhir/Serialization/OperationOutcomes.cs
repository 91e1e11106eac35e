using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Serialization;

/// <summary>The issue types CdsBone reports (FHIR IssueType), without exposing Firely to the host.</summary>
public enum OutcomeIssueType
{
    /// <summary>invalid: malformed content.</summary>
    Invalid,
    /// <summary>structure: a required element is missing or of the wrong shape.</summary>
    Structure,
    /// <summary>not-found.</summary>
    NotFound,
    /// <summary>not-supported: e.g. a media type.</summary>
    NotSupported,
    /// <summary>too-costly: e.g. a body over the limit.</summary>
    TooCostly,
    /// <summary>incomplete: required data unavailable.</summary>
    Incomplete,
    /// <summary>security: authentication failed (no detail).</summary>
    Security,
    /// <summary>throttled: rate limited.</summary>
    Throttled,
    /// <summary>exception: an internal failure (no detail).</summary>
    Exception,
    /// <summary>transient: a dependency is unavailable; retrying later may succeed.</summary>
    Transient,
}

/// <summary>One issue of an OperationOutcome.</summary>
/// <param name="Type">The issue type.</param>
/// <param name="Diagnostics">What happened, for the integrator (never patient data, never internals).</param>
/// <param name="Expression">Where, as a path into the request (e.g. <c>prefetch.observations</c>).</param>
public sealed record OutcomeIssue(OutcomeIssueType Type, string Diagnostics, string? Expression = null);

/// <summary>Builds the OperationOutcome body of every non-2xx answer (CDS-HOOKS.md 1.F, item 30).</summary>
public static class OperationOutcomes
{
    /// <summary>An OperationOutcome with error issues, serialized as FHIR JSON.</summary>
    public static byte[] Create(IEnumerable<OutcomeIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome
        {
            Issue = issues.Select(i => new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = Map(i.Type),
                Diagnostics = i.Diagnostics,
                Expression = i.Expression is null ? [] : [i.Expression],
            }).ToList(),
        };
        return FhirJson.ToUtf8Bytes(outcome);
    }

    private static OperationOutcome.IssueType Map(OutcomeIssueType type) => type switch
    {
        OutcomeIssueType.Invalid => OperationOutcome.IssueType.Invalid,
        OutcomeIssueType.Structure => OperationOutcome.IssueType.Structure,
        OutcomeIssueType.NotFound => OperationOutcome.IssueType.NotFound,
        OutcomeIssueType.NotSupported => OperationOutcome.IssueType.NotSupported,
        OutcomeIssueType.TooCostly => OperationOutcome.IssueType.TooCostly,
        OutcomeIssueType.Transient => OperationOutcome.IssueType.Transient,
        OutcomeIssueType.Incomplete => OperationOutcome.IssueType.Incomplete,
        OutcomeIssueType.Security => OperationOutcome.IssueType.Security,
        OutcomeIssueType.Throttled => OperationOutcome.IssueType.Throttled,
        _ => OperationOutcome.IssueType.Exception,
    };
}
