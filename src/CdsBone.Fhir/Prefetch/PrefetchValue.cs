using System.Text.Json;
using CdsBone.Fhir.Mapping;
using CdsBone.Rules.Facts;

namespace CdsBone.Fhir.Prefetch;

/// <summary>What one prefetch value turned out to be (CDS-HOOKS.md §1.D).</summary>
public enum PrefetchState
{
    /// <summary>The key was not sent: the data must be fetched, or is missing.</summary>
    Absent,
    /// <summary>JSON <c>null</c>: the EHR says there is no data. Do not query.</summary>
    NoData,
    /// <summary>An OperationOutcome: the EHR could not fetch it. Treated like absent.</summary>
    OperationOutcome,
    /// <summary>A resource or a Bundle of them.</summary>
    Provided,
    /// <summary>Not a readable resource: treated like absent, with the problem reported.</summary>
    Unreadable,
}

/// <summary>A classified prefetch value and the resources it holds, as the request's JSON elements.</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="State">What it was.</param>
/// <param name="Resources">The resources of the key's type, Bundle entries unwrapped (OperationOutcome entries left out).</param>
/// <param name="NextPage">The Bundle's <c>next</c> link, when the result is paged.</param>
public sealed record PrefetchValue(string Key, PrefetchState State, IReadOnlyList<JsonElement> Resources, string? NextPage)
{
    /// <summary>True when the data is usable as sent (possibly empty).</summary>
    public bool HasData => State is PrefetchState.Provided or PrefetchState.NoData;

    /// <summary>Classifies the value of <paramref name="key"/>; <paramref name="element"/> is null when the key was absent.</summary>
    public static PrefetchValue Classify(string key, JsonElement? element, List<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (element is not { } json || json.ValueKind == JsonValueKind.Undefined)
        {
            return new(key, PrefetchState.Absent, [], null);
        }

        return json.ValueKind == JsonValueKind.Null
            ? new(key, PrefetchState.NoData, [], null)
            : FromJson(key, json, issues);
    }

    /// <summary>The resource type a key's template returns (cds-services.json).</summary>
    public static string? ExpectedType(string key) => key switch
    {
        PrefetchKeys.Patient => "Patient",
        PrefetchKeys.Observations => "Observation",
        PrefetchKeys.Medications => "MedicationRequest",
        PrefetchKeys.Conditions => "Condition",
        _ => null,
    };

    /// <summary>
    /// Every key is read straight from the request's JSON, not through Firely POCOs, which were most of a hook's cost
    /// (docs/performance.md). The mappers read only the elements the rules need; each accessor checks the JSON kind.
    /// </summary>
    private static PrefetchValue FromJson(string key, JsonElement json, List<InputIssue> issues)
    {
        var location = $"prefetch.{key}";
        var expected = ExpectedType(key);
        var read = BundleReader.Read(json, expected, location, issues);
        return read switch
        {
            { Kind: ReadKind.Unreadable } => new(key, PrefetchState.Unreadable, [], null),
            { Kind: ReadKind.OperationOutcome } => new(key, PrefetchState.OperationOutcome, [], null),
            { Kind: ReadKind.Resources } => new(key, PrefetchState.Provided, read.Resources, read.NextPage),
            _ => Unexpected(key, read.Type, issues),
        };
    }

    private static PrefetchValue Unexpected(string key, string? type, List<InputIssue> issues)
    {
        issues.Add(new InputIssue($"prefetch.{key}", $"expected a Bundle or {ExpectedType(key)}, found {type}"));
        return new(key, PrefetchState.Unreadable, [], null);
    }
}
