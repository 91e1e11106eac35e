using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Serialization;

namespace CdsBone.Api.Errors;

/// <summary>
/// An expected failure of a CDS Hooks call, as data (STYLE.md rule 8). <see cref="ErrorResponses"/> turns each into
/// its HTTP status and an OperationOutcome body, in one place.
/// </summary>
public abstract record CdsError
{
    /// <summary>The HTTP status.</summary>
    public abstract int StatusCode { get; }

    /// <summary>The OperationOutcome issues.</summary>
    public abstract IReadOnlyList<OutcomeIssue> Issues { get; }
}

/// <summary>400: the body is not JSON, or not the shape CDS Hooks requires.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Expression">Where, e.g. <c>hookInstance</c>.</param>
public sealed record MalformedRequest(string Problem, string? Expression = null) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status400BadRequest;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues => [new(OutcomeIssueType.Structure, Problem, Expression)];
}

/// <summary>400: the request's hook is not the one this service serves.</summary>
/// <param name="ServiceId">The service called.</param>
/// <param name="Expected">Its hook.</param>
/// <param name="Received">The request's hook.</param>
public sealed record HookMismatch(string ServiceId, string Expected, string Received) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status400BadRequest;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues =>
        [new(OutcomeIssueType.Invalid, $"service '{ServiceId}' serves the '{Expected}' hook, not '{Received}'", "hook")];
}

/// <summary>404: no such CDS service.</summary>
/// <param name="ServiceId">The id asked for.</param>
public sealed record UnknownService(string ServiceId) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status404NotFound;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues =>
        [new(OutcomeIssueType.NotFound, $"no CDS service '{ServiceId}'; GET /cds-services lists them")];
}

/// <summary>412: required data was neither prefetched nor fetched (CDS Hooks: SHALL answer 412).</summary>
/// <param name="Missing">The required prefetch keys without data.</param>
/// <param name="WhyNotFetched">For each key, why fetching it from the FHIR server was not possible or failed.</param>
public sealed record RequiredDataUnavailable(IReadOnlyList<MissingPrefetch> Missing, IReadOnlyDictionary<string, string> WhyNotFetched) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status412PreconditionFailed;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues =>
        Missing.Select(m => new OutcomeIssue(
            OutcomeIssueType.Incomplete,
            WhyNotFetched.TryGetValue(m.Key, out var why) ? $"{m.Message}; it could not be fetched: {why}" : m.Message,
            $"prefetch.{m.Key}")).ToList();
}

/// <summary>503: the whole-hook deadline (<c>CdsBone:Hook:Deadline</c>) passed while the FHIR data was fetched, parsed or mapped.</summary>
/// <param name="Deadline">The deadline.</param>
public sealed record HookDeadlinePassed(TimeSpan Deadline) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status503ServiceUnavailable;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues =>
        [new(OutcomeIssueType.Transient, $"the hook could not be answered within its deadline ({Deadline.TotalSeconds:0.###} s); retry later")];
}

/// <summary>413: the body is over <c>CdsBone:Limits:MaxRequestBytes</c>.</summary>
/// <param name="LimitBytes">The limit.</param>
public sealed record PayloadTooLarge(long LimitBytes) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status413PayloadTooLarge;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues =>
        [new(OutcomeIssueType.TooCostly, $"the request body is larger than {LimitBytes} bytes")];
}

/// <summary>415: the body is not JSON.</summary>
/// <param name="ContentType">What was sent.</param>
public sealed record UnsupportedMediaType(string? ContentType) : CdsError
{
    /// <inheritdoc />
    public override int StatusCode => StatusCodes.Status415UnsupportedMediaType;

    /// <inheritdoc />
    public override IReadOnlyList<OutcomeIssue> Issues =>
        [new(OutcomeIssueType.NotSupported, $"expected Content-Type application/json, got '{ContentType ?? "(none)"}'")];
}
