using System.Text.Json;
using System.Text.RegularExpressions;

namespace CdsBone.Fhir.Client;

/// <summary>
/// Fills a CDS Hooks 2.0 prefetch template (CDS-HOOKS.md §1.D): <c>{{context.x}}</c> for root-level primitive context
/// fields, and the user tokens <c>{{userPractitionerId}}</c>, <c>{{userPractitionerRoleId}}</c>, <c>{{userPatientId}}</c>,
/// <c>{{userRelatedPersonId}}</c> from <c>context.userId</c>. A token that cannot be filled leaves the query unusable.
/// </summary>
public static partial class PrefetchTemplates
{
    private static readonly Dictionary<string, string> UserTokens = new(StringComparer.Ordinal)
    {
        ["userPractitionerId"] = "Practitioner",
        ["userPractitionerRoleId"] = "PractitionerRole",
        ["userPatientId"] = "Patient",
        ["userRelatedPersonId"] = "RelatedPerson",
    };

    /// <summary>The relative query, or null when a token has no value in <paramref name="context"/>.</summary>
    public static string? Render(string template, JsonElement context)
    {
        ArgumentNullException.ThrowIfNull(template);
        var unresolved = false;
        var rendered = Token().Replace(template, match =>
        {
            var value = Resolve(match.Groups["name"].Value.Trim(), context);
            unresolved |= value is null;
            return value is null ? string.Empty : Uri.EscapeDataString(value);
        });
        return unresolved ? null : rendered;
    }

    private static string? Resolve(string token, JsonElement context)
    {
        if (token.StartsWith("context.", StringComparison.Ordinal))
        {
            var field = token["context.".Length..];
            return context.ValueKind == JsonValueKind.Object && context.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }

        if (UserTokens.TryGetValue(token, out var type) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("userId", out var user) && user.ValueKind == JsonValueKind.String
            && user.GetString() is { } reference && reference.StartsWith(type + "/", StringComparison.Ordinal))
        {
            return reference[(type.Length + 1)..];
        }

        return null;
    }

    [GeneratedRegex(@"\{\{(?<name>[^{}]+)\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Token();
}
