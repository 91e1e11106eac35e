namespace CdsBone.Api.TrendView;

/// <summary>
/// A launch in progress, kept in the encrypted launch cookie between <c>/app/launch</c> and <c>/app/callback</c>.
/// </summary>
/// <param name="State">The OAuth state sent to the authorization server (CSRF: the callback must return it).</param>
/// <param name="CodeVerifier">The PKCE verifier, sent only to the token endpoint.</param>
/// <param name="Iss">The FHIR server (allow-listed) the launch is for.</param>
/// <param name="TokenEndpoint">From the server's smart-configuration.</param>
/// <param name="ExpiresAt">When the launch is no longer accepted.</param>
internal sealed record LaunchState(string State, string CodeVerifier, string Iss, string TokenEndpoint, DateTimeOffset ExpiresAt);

/// <summary>
/// A launched session, kept only in the encrypted HttpOnly session cookie (the token never reaches the page or a URL).
/// </summary>
/// <param name="Iss">The FHIR server.</param>
/// <param name="Patient">The patient id from the token response.</param>
/// <param name="AccessToken">The access token for <paramref name="Iss"/>.</param>
/// <param name="ExpiresAt">When the token (and the session) ends.</param>
/// <param name="AppContext">The card's appContext, when the EHR passed it on.</param>
internal sealed record TrendSession(string Iss, string Patient, string AccessToken, DateTimeOffset ExpiresAt, string? AppContext);

/// <summary>The part of a SMART configuration the app uses (SMART App Launch 2.0 §Conformance).</summary>
/// <param name="AuthorizationEndpoint">authorization_endpoint.</param>
/// <param name="TokenEndpoint">token_endpoint.</param>
/// <param name="CodeChallengeMethodsSupported">code_challenge_methods_supported: must list S256.</param>
internal sealed record SmartConfiguration(
    [property: System.Text.Json.Serialization.JsonPropertyName("authorization_endpoint")] string? AuthorizationEndpoint,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_endpoint")] string? TokenEndpoint,
    [property: System.Text.Json.Serialization.JsonPropertyName("code_challenge_methods_supported")] IReadOnlyList<string>? CodeChallengeMethodsSupported);

/// <summary>The token response fields the app reads (SMART App Launch 2.0 §Obtain access token).</summary>
/// <param name="AccessToken">access_token.</param>
/// <param name="TokenType">token_type: Bearer.</param>
/// <param name="ExpiresIn">expires_in, seconds.</param>
/// <param name="Patient">patient: the launch context.</param>
/// <param name="AppContext">appContext: the card's context, passed on by the EHR.</param>
internal sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string? AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string? TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("patient")] string? Patient,
    [property: System.Text.Json.Serialization.JsonPropertyName("appContext")] string? AppContext);
