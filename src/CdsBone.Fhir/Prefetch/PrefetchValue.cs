using System.Text.Json;
using CdsBone.Fhir.Mapping;
using CdsBone.Fhir.Serialization;
using CdsBone.Rules.Facts;
using Hl7.Fhir.Model;

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

/// <summary>A classified prefetch value and the resources it holds.</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="State">What it was.</param>
/// <param name="Resources">The resources, Bundle entries unwrapped (OperationOutcome entries left out).</param>
/// <param name="NextPage">The Bundle's <c>next</c> link, when the result is paged.</param>
public sealed record PrefetchValue(string Key, PrefetchState State, IReadOnlyList<Resource> Resources, string? NextPage)
{
    /// <summary>True when the data is usable as sent (possibly empty).</summary>
    public bool HasData => State is PrefetchState.Provided or PrefetchState.NoData;

    /// <summary>Classifies the value of <paramref name="key"/>; <paramref name="element"/> is null when the key was absent.</summary>
    public static PrefetchValue Classify(string key, JsonElement? element, FhirResourceReader reader, List<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(issues);
        if (element is not { } json || json.ValueKind == JsonValueKind.Undefined)
        {
            return new(key, PrefetchState.Absent, [], null);
        }

        if (json.ValueKind == JsonValueKind.Null)
        {
            return new(key, PrefetchState.NoData, [], null);
        }

        var read = reader.Read(json, $"prefetch.{key}");
        issues.AddRange(read.Issues);
        return read.Resource switch
        {
            null => new(key, PrefetchState.Unreadable, [], null),
            OperationOutcome => new(key, PrefetchState.OperationOutcome, [], null),
            Bundle bundle => new(key, PrefetchState.Provided, BundleEntries.Resources(bundle, $"prefetch.{key}", issues),
                BundleEntries.NextLink(bundle, $"prefetch.{key}", issues)),
            var resource when resource.TypeName == ExpectedType(key) => new(key, PrefetchState.Provided, [resource], null),
            var resource => Unexpected(key, resource, issues),
        };
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

    private static PrefetchValue Unexpected(string key, Resource resource, List<InputIssue> issues)
    {
        issues.Add(new InputIssue($"prefetch.{key}", $"expected a Bundle or {ExpectedType(key)}, found {resource.TypeName}"));
        return new(key, PrefetchState.Unreadable, [], null);
    }
}
