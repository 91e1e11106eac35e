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
    /// <summary>For keys read straight from JSON (observations): the resources as JSON elements.</summary>
    public IReadOnlyList<JsonElement> Elements { get; init; } = [];

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

        if (key == PrefetchKeys.Observations)
        {
            return ClassifyJson(key, json, issues);
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

    /// <summary>
    /// The observations are the bulk of every hook: their Bundle is read as JSON and each Observation is mapped from its
    /// element (docs/performance.md), with the same outcomes as the Firely path of the other keys.
    /// </summary>
    private static PrefetchValue ClassifyJson(string key, JsonElement json, List<InputIssue> issues)
    {
        var location = $"prefetch.{key}";
        var type = Json.String(json, "resourceType");
        if (json.ValueKind != JsonValueKind.Object || type is null)
        {
            issues.Add(new InputIssue(location, "expected a FHIR resource (a JSON object with a resourceType)"));
            return new(key, PrefetchState.Unreadable, [], null);
        }

        switch (type)
        {
            case "OperationOutcome":
                return new(key, PrefetchState.OperationOutcome, [], null);
            case "Bundle":
                var elements = new List<JsonElement>();
                foreach (var entry in Json.Array(json, "entry"))
                {
                    if (Json.Object(entry, "resource") is not { } resource || Json.String(resource, "resourceType") is not { } entryType)
                    {
                        issues.Add(new InputIssue(location, "a Bundle entry without a readable resource"));
                    }
                    else if (entryType != "OperationOutcome")
                    {
                        elements.Add(resource);
                    }
                }

                var next = Json.Objects(json, "link").Where(l => Json.String(l, "relation") == "next").Select(l => Json.String(l, "url")).FirstOrDefault();
                return new(key, PrefetchState.Provided, [], next) { Elements = elements };
            default:
                if (type == ExpectedType(key))
                {
                    return new(key, PrefetchState.Provided, [], null) { Elements = [json] };
                }

                issues.Add(new InputIssue(location, $"expected a Bundle or {ExpectedType(key)}, found {type}"));
                return new(key, PrefetchState.Unreadable, [], null);
        }
    }

    private static PrefetchValue Unexpected(string key, Resource resource, List<InputIssue> issues)
    {
        issues.Add(new InputIssue($"prefetch.{key}", $"expected a Bundle or {ExpectedType(key)}, found {resource.TypeName}"));
        return new(key, PrefetchState.Unreadable, [], null);
    }
}
