using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsBone.Api.CdsHooks;

/// <summary>
/// A CDS Hooks 2.0 service request (<see href="https://cds-hooks.hl7.org/2.0/#calling-a-cds-service"/>), as parsed
/// leniently: unknown fields are ignored, FHIR content stays raw JSON for the FHIR layer.
/// </summary>
public sealed record CdsServiceRequest
{
    /// <summary>The hook that triggered the call, e.g. <c>order-sign</c>.</summary>
    public required string Hook { get; init; }

    /// <summary>A UUID for this hook event: used to correlate logs, never as an idempotency key.</summary>
    public required string HookInstance { get; init; }

    /// <summary>The FHIR server base URL, when the client offers one.</summary>
    public string? FhirServer { get; init; }

    /// <summary>OAuth access to <see cref="FhirServer"/>; never logged or stored.</summary>
    public FhirAuthorization? FhirAuthorization { get; init; }

    /// <summary>Hook context: patientId, userId, draftOrders, selections, …</summary>
    public required JsonElement Context { get; init; }

    /// <summary>Prefetch values by key; a JSON null is kept (it means "no data").</summary>
    public IReadOnlyDictionary<string, JsonElement>? Prefetch { get; init; }
}

/// <summary>fhirAuthorization: the OAuth fields are snake_case in the spec.</summary>
public sealed record FhirAuthorization
{
    /// <summary>The bearer token.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>Always <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Lifetime in seconds.</summary>
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    /// <summary>SMART scopes.</summary>
    public string? Scope { get; init; }

    /// <summary>The service's OAuth client id.</summary>
    public string? Subject { get; init; }

    /// <summary>The patient in context, when scopes are patient-level.</summary>
    public string? Patient { get; init; }
}
