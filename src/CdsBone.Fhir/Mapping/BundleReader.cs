using System.Text.Json;
using CdsBone.Rules.Facts;

namespace CdsBone.Fhir.Mapping;

/// <summary>What a JSON value holding resources turned out to be.</summary>
internal enum ReadKind
{
    /// <summary>Not a resource (not an object, or no <c>resourceType</c>).</summary>
    Unreadable,
    /// <summary>An OperationOutcome in place of the data.</summary>
    OperationOutcome,
    /// <summary>A Bundle, or a single resource of the expected type.</summary>
    Resources,
    /// <summary>A single resource of another type.</summary>
    UnexpectedType,
}

/// <summary>The resources of the expected type found in a value, with the Bundle's next-page link.</summary>
internal sealed record BundleRead(ReadKind Kind, string? Type, IReadOnlyList<JsonElement> Resources, string? NextPage);

/// <summary>
/// Unwraps a Bundle (searchset, collection, or a draftOrders Bundle without a type) or a single resource into the
/// resources of one type, as JSON elements. Entries of other types are skipped; entries without a readable resource are
/// reported. OperationOutcome entries are warnings from the server and are left out.
/// </summary>
internal static class BundleReader
{
    public static BundleRead Read(JsonElement json, string? expectedType, string location, List<InputIssue> issues)
    {
        var type = Json.String(json, "resourceType"u8);
        if (json.ValueKind != JsonValueKind.Object || type is null)
        {
            issues.Add(new InputIssue(location, "expected a FHIR resource (a JSON object with a resourceType)"));
            return new(ReadKind.Unreadable, type, [], null);
        }

        if (type == "OperationOutcome")
        {
            return new(ReadKind.OperationOutcome, type, [], null);
        }

        if (type == expectedType)
        {
            return new(ReadKind.Resources, type, [json], null);
        }

        if (type != "Bundle")
        {
            return new(ReadKind.UnexpectedType, type, [], null);
        }

        var resources = new List<JsonElement>();
        foreach (var entry in Json.Array(json, "entry"u8))
        {
            if (Json.Object(entry, "resource"u8) is not { } resource || Json.String(resource, "resourceType"u8) is not { } entryType)
            {
                issues.Add(new InputIssue(location, "a Bundle entry without a readable resource"));
            }
            else if (entryType == expectedType)
            {
                resources.Add(resource);
            }
        }

        return new(ReadKind.Resources, type, resources, NextLink(json));
    }

    /// <summary>The url of the first <c>next</c> link of a Bundle; null when there is none.</summary>
    public static string? NextLink(JsonElement bundle)
    {
        foreach (var link in Json.Objects(bundle, "link"u8))
        {
            if (Json.String(link, "relation"u8) == "next")
            {
                return Json.String(link, "url"u8);
            }
        }

        return null;
    }
}
