namespace CdsBone.Fhir.Client;

/// <summary>
/// The client's bearer token for its FHIR server: held for one hook call only, sent only to the allowed
/// <c>fhirServer</c>, never after it expires, and never written anywhere (<see cref="ToString"/> hides it).
/// </summary>
/// <param name="Value">The token.</param>
/// <param name="ExpiresAt">When it stops being usable (received time plus <c>expires_in</c>); null when not said.</param>
public sealed record AccessToken(string Value, DateTimeOffset? ExpiresAt)
{
    /// <summary>True until <see cref="ExpiresAt"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) => ExpiresAt is not { } expiry || now < expiry;

    /// <inheritdoc />
    public override string ToString() => "AccessToken(***)";
}
