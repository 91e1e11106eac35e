namespace CdsBone.Fhir.Client;

/// <summary>
/// Runs inside the resilience pipeline, so before EVERY attempt (the first and each retry): a request whose access
/// token has expired is not sent. It gets a local 401 instead (never retried, never counted by the circuit breaker),
/// and the fetcher reports the expiry.
/// </summary>
internal sealed class AccessTokenExpiryHandler(TimeProvider clock) : DelegatingHandler
{
    /// <summary>When the request's token stops being usable.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> ExpiresAt = new("cdsbone.token-expires-at");

    /// <summary>The reason phrase of the local 401 (the request may be a retry's copy, so the answer carries the mark).</summary>
    public const string ExpiredReason = "CdsBone: access token expired, not sent";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ExpiresAt, out var expiry) && clock.GetUtcNow() >= expiry)
        {
            request.Headers.Authorization = null;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized) { RequestMessage = request, ReasonPhrase = ExpiredReason });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
