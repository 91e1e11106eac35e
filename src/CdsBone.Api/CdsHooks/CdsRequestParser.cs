using System.Text.Json;
using CdsBone.Api.Errors;

namespace CdsBone.Api.CdsHooks;

/// <summary>
/// Parses a CDS Hooks request leniently: unknown fields ignored, 1.0-era shapes tolerated (CDS-HOOKS.md §5), FHIR left
/// as raw JSON. Only what CDS Hooks requires is enforced: a JSON object with string <c>hook</c> and <c>hookInstance</c>
/// and an object <c>context</c> (else 400). The returned document must live as long as the request.
/// </summary>
internal static class CdsRequestParser
{
    public static (CdsServiceRequest? Request, JsonDocument? Document, CdsError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = CdsJson.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, null, new MalformedRequest($"the body is not valid JSON, or a string in it is not valid Unicode, or a property is repeated ({CdsJson.Where(ex)})"));
        }

        var root = document.RootElement;
        var error = root.ValueKind != JsonValueKind.Object ? new MalformedRequest("the body must be a JSON object")
            : RequiredString(root, "hook") ?? RequiredString(root, "hookInstance")
            ?? (root.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
                ? null
                : new MalformedRequest("'context' is required and must be an object", "context"));
        if (error is not null)
        {
            document.Dispose();
            return (null, null, error);
        }

        var request = new CdsServiceRequest
        {
            Hook = root.GetProperty("hook").GetString()!,
            // Only ever logged: kept in its loggable form (capped, no control characters; issue 12).
            HookInstance = Security.LogField.Of(root.GetProperty("hookInstance").GetString()),
            FhirServer = OptionalString(root, "fhirServer"),
            FhirAuthorization = ReadAuthorization(root),
            Context = root.GetProperty("context"),
            Prefetch = ReadPrefetch(root),
        };
        return (request, document, null);
    }

    private static MalformedRequest? RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? null
            : new MalformedRequest($"'{name}' is required and must be a non-empty string", name);

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static FhirAuthorization? ReadAuthorization(JsonElement root)
    {
        if (!root.TryGetProperty("fhirAuthorization", out var auth) || auth.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new FhirAuthorization
        {
            AccessToken = OptionalString(auth, "access_token") is { } token && IsBearerToken(token) ? token : null,
            TokenType = OptionalString(auth, "token_type"),
            ExpiresIn = ExpiresIn(auth),
            Scope = OptionalString(auth, "scope"),
            Subject = OptionalString(auth, "subject"),
            Patient = OptionalString(auth, "patient"),
        };
    }

    /// <summary>
    /// expires_in as whole seconds from now, clamped to [0, <see cref="MaxExpiresInSeconds"/>] (the token serves one hook
    /// call: a longer life changes nothing, and 1e13 s would overflow a date); not a number is as if absent.
    /// </summary>
    private static long? ExpiresIn(JsonElement auth)
    {
        if (!auth.TryGetProperty("expires_in", out var expires) || expires.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        return expires.TryGetDouble(out var seconds) && double.IsFinite(seconds)
            ? (long)Math.Clamp(Math.Floor(seconds), 0d, MaxExpiresInSeconds)
            : null;
    }

    /// <summary>A day: far beyond any hook call, far inside a date's range.</summary>
    private const long MaxExpiresInSeconds = 86_400;

    /// <summary>
    /// A token that can go in an Authorization header: visible ASCII only (RFC 6750 b64token is a subset). CR, LF, NUL
    /// or any other control or non-ASCII character makes it unusable (never a header injection, never a 500).
    /// </summary>
    private static bool IsBearerToken(string token) => token.Length > 0 && token.All(c => c is > ' ' and < (char)0x7F);

    /// <summary>Each key's value as sent (JSON null kept: it means "no data"); a non-object prefetch counts as none sent.</summary>
    private static Dictionary<string, JsonElement>? ReadPrefetch(JsonElement root)
    {
        if (!root.TryGetProperty("prefetch", out var prefetch) || prefetch.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in prefetch.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        return values;
    }
}
