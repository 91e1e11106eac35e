using CdsBone.Rules.Facts;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Reads the resources and the next-page link of a Bundle that may be Firely's partial result of malformed JSON, whose
/// getters throw when an element has the wrong shape (an object where a list belongs). What cannot be read is reported.
/// </summary>
internal static class BundleEntries
{
    public static List<Resource> Resources(Bundle bundle, string location, List<InputIssue> issues)
    {
        var resources = new List<Resource>();
        foreach (var entry in Attempt(() => bundle.Entry.OfType<Bundle.EntryComponent>().ToList(), location, issues) ?? [])
        {
            if (Attempt(() => entry.Resource, location, issues) is { } resource and not OperationOutcome)
            {
                resources.Add(resource);
            }
        }

        return resources;
    }

    public static string? NextLink(Bundle bundle, string location, List<InputIssue> issues) =>
        Attempt(() => bundle.Link.OfType<Bundle.LinkComponent>().Where(l => l.Relation == "next").Select(l => l.Url).FirstOrDefault(), location, issues);

    private static T? Attempt<T>(Func<T?> read, string location, List<InputIssue> issues)
        where T : class
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // Untrusted input: a malformed part is reported and skipped (see ClinicalFactsMapper.Guarded).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            issues.Add(new InputIssue(location, $"part of the Bundle could not be read: {ex.Message}"));
            return null;
        }
    }
}
