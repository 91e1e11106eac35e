namespace CdsBone.Cli.Http;

/// <summary>The HTTP client of the tool.</summary>
internal static class HttpClients
{
    /// <summary>Long enough for a cold service that fetches from a FHIR server, short enough to fail visibly.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static HttpClient Create() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout };
}
