using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CdsBone.Cli.Auth;
using CdsBone.Cli.Ehr;
using CdsBone.Cli.Http;

namespace CdsBone.Cli.Conformance;

/// <summary>
/// Checks any CDS service against CDS Hooks 2.0 (CDS-HOOKS.md §1): discovery, a minimal request per service with the
/// card contract, error answers, feedback and, with a key, authentication. MUST-level breaks fail; SHOULDs warn.
/// </summary>
internal sealed class ConformanceChecker(HttpClient http, ServiceUrl target, RequestSigner signer, DateOnly today)
{
    /// <summary>The spec's response-time target (item 14, a SHOULD).</summary>
    private static readonly TimeSpan ResponseTarget = TimeSpan.FromMilliseconds(500);

    private const string SandboxOrigin = "https://sandbox.cds-hooks.org";

    private readonly List<CheckResult> results = [];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var services = await DiscoveryAsync(cancellationToken);
        if (services is null)
        {
            return results;
        }

        string? cardUuid = null;
        foreach (var service in services.Where(s => target.ServiceId is null || s.Id == target.ServiceId))
        {
            var uuid = await InvokeAsync(service, cancellationToken);
            cardUuid ??= uuid;
        }

        var first = services.FirstOrDefault(s => target.ServiceId is null || s.Id == target.ServiceId);
        if (first is not null)
        {
            await ErrorsAsync(first, cancellationToken);
            await FeedbackAsync(first, cardUuid, cancellationToken);
            if (signer.Signs)
            {
                await AuthenticationAsync(first, cancellationToken);
            }
        }

        await CorsAsync(cancellationToken);
        return results;
    }

    private async Task<IReadOnlyList<DiscoveredService>?> DiscoveryAsync(CancellationToken cancellationToken)
    {
        const string Area = "discovery";
        var answer = await JsonHttp.GetAsync(http, target.Discovery, signer.TokenFor(target.Discovery), cancellationToken);
        if (answer.Status != HttpStatusCode.OK || answer.Json is not { } json)
        {
            Add(Area, "GET /cds-services answers 200 with JSON (item 6)", Verdict.Fail, answer.Reason);
            return null;
        }

        Add(Area, "GET /cds-services answers 200 with JSON (item 6)", Verdict.Pass);
        Expect(Area, "services have hook, description, id; no null or empty values (items 2, 8)", DiscoveryContract.Problems(json), Verdict.Fail);
        Add(Area, "Content-Type is application/json (item 1.A)", answer.ContentType == "application/json" ? Verdict.Pass : Verdict.Warn, answer.ContentType);
        var services = Discovery.Parse(json);
        if (target.ServiceId is not null && services.All(s => s.Id != target.ServiceId))
        {
            Add(Area, $"lists the service {target.ServiceId}", Verdict.Fail, "not listed");
        }

        return services;
    }

    private async Task<string?> InvokeAsync(DiscoveredService service, CancellationToken cancellationToken)
    {
        var endpoint = target.Service(service.Id);
        var body = MinimalRequest.For(service, today).ToJsonString();
        var watch = Stopwatch.StartNew();
        var answer = await JsonHttp.PostAsync(http, endpoint, body, "application/json", signer.TokenFor(endpoint), cancellationToken);
        watch.Stop();
        if (answer.Status != HttpStatusCode.OK || answer.Json is not { } json)
        {
            Add(service.Id, $"a minimal {service.Hook} request gets 200 with JSON (item 21)", Verdict.Fail, answer.Reason);
            return null;
        }

        var cards = json.TryGetProperty("cards", out var c) && c.ValueKind == JsonValueKind.Array ? c.GetArrayLength() : 0;
        Add(service.Id, $"a minimal {service.Hook} request gets 200 with JSON (item 21)", Verdict.Pass, $"{cards} card(s)");
        Expect(service.Id, "cards meet the card contract (items 2, 21-27)", CardContract.Problems(json), Verdict.Fail);
        Add(service.Id, $"answers within {ResponseTarget.TotalMilliseconds:0} ms (item 14, SHOULD)",
            watch.Elapsed <= ResponseTarget ? Verdict.Pass : Verdict.Warn, $"{watch.Elapsed.TotalMilliseconds:0} ms");
        return c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(card => JsonShape.String(card, "uuid")).FirstOrDefault(u => u is not null)
            : null;
    }

    private async Task ErrorsAsync(DiscoveredService service, CancellationToken cancellationToken)
    {
        const string Area = "errors";
        var endpoint = target.Service(service.Id);
        var bad = await PostAsync(endpoint, "{\"hook\": ", cancellationToken);
        Add(Area, "malformed JSON gets 400 (item 13)", bad.Status == HttpStatusCode.BadRequest ? Verdict.Pass : Verdict.Fail, Status(bad));
        Add(Area, "error bodies are OperationOutcome (item 30, SHOULD)", IsOperationOutcome(bad) ? Verdict.Pass : Verdict.Warn, bad.ContentType);

        var request = MinimalRequest.For(service, today);
        request.Remove("hookInstance");
        var missing = await PostAsync(endpoint, request.ToJsonString(), cancellationToken);
        Add(Area, "a request without hookInstance gets 400 (item 13, rec.)", missing.Status == HttpStatusCode.BadRequest ? Verdict.Pass : Verdict.Warn, Status(missing));

        var wrongHook = MinimalRequest.For(service, today);
        wrongHook["hook"] = "cdsbone-check-no-such-hook";
        var mismatch = await PostAsync(endpoint, wrongHook.ToJsonString(), cancellationToken);
        Add(Area, "a hook that does not match the service gets 400 (item 12, rec.)", mismatch.Status == HttpStatusCode.BadRequest ? Verdict.Pass : Verdict.Warn, Status(mismatch));

        var unknown = await PostAsync(target.Service("cdsbone-check-no-such-service"), MinimalRequest.For(service, today).ToJsonString(), cancellationToken);
        Add(Area, "an unknown service id gets 404 (item 13)", unknown.Status == HttpStatusCode.NotFound ? Verdict.Pass : Verdict.Fail, Status(unknown));
    }

    private async Task FeedbackAsync(DiscoveredService service, string? cardUuid, CancellationToken cancellationToken)
    {
        const string Area = "feedback";
        var endpoint = target.Feedback(service.Id);
        var card = cardUuid ?? Guid.NewGuid().ToString();
        var feedback = $"{{\"feedback\":[{{\"card\":\"{card}\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"{today:yyyy-MM-dd}T00:00:00Z\"}}]}}";
        var answer = await PostAsync(endpoint, feedback, cancellationToken);
        Add(Area, "an override without a reason is accepted (items 31-34, MAY)", answer.IsSuccess ? Verdict.Pass : Verdict.Warn, Status(answer));
        var broken = await PostAsync(endpoint, "{\"feedback\": {}}", cancellationToken);
        if (answer.IsSuccess)
        {
            Add(Area, "a body that breaks the shape gets 400 (item 34, rec.)", broken.Status == HttpStatusCode.BadRequest ? Verdict.Pass : Verdict.Warn, Status(broken));
        }
    }

    private async Task AuthenticationAsync(DiscoveredService service, CancellationToken cancellationToken)
    {
        const string Area = "security";
        var unsigned = await JsonHttp.GetAsync(http, target.Discovery, null, cancellationToken);
        var enforced = unsigned.Status == HttpStatusCode.Unauthorized;
        Add(Area, "an unsigned call gets 401 (items 37, 41)", enforced ? Verdict.Pass : Verdict.Warn,
            enforced ? null : $"{Status(unsigned)}: authentication is not enforced (or discovery is anonymous)");

        var endpoint = target.Service(service.Id);
        var token = signer.TokenFor(endpoint);
        var body = MinimalRequest.For(service, today).ToJsonString();
        var once = await JsonHttp.PostAsync(http, endpoint, body, "application/json", token, cancellationToken);
        var replay = await JsonHttp.PostAsync(http, endpoint, MinimalRequest.For(service, today).ToJsonString(), "application/json", token, cancellationToken);
        if (once.IsSuccess)
        {
            var refused = replay.Status == HttpStatusCode.Unauthorized;
            Add(Area, "a replayed token (same jti) gets 401 (items 39, 41)", refused ? Verdict.Pass : enforced ? Verdict.Fail : Verdict.Warn, Status(replay));
        }

        var discoveryToken = signer.TokenFor(target.Discovery);
        var wrongAudience = await JsonHttp.PostAsync(http, endpoint, body, "application/json", discoveryToken, cancellationToken);
        Add(Area, "a token for another URL (aud) gets 401 (item 39)", wrongAudience.Status == HttpStatusCode.Unauthorized ? Verdict.Pass : enforced ? Verdict.Fail : Verdict.Warn, Status(wrongAudience));
    }

    private async Task CorsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, target.Discovery);
        request.Headers.Add("Origin", SandboxOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var allowed = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Any(o => o is "*" or SandboxOrigin);
            Add("cors", $"preflight from {SandboxOrigin} is allowed (item 42, rec.)", allowed ? Verdict.Pass : Verdict.Warn, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            Add("cors", $"preflight from {SandboxOrigin} is allowed (item 42, rec.)", Verdict.Warn, ex.Message);
        }
    }

    private Task<JsonAnswer> PostAsync(Uri endpoint, string body, CancellationToken cancellationToken) =>
        JsonHttp.PostAsync(http, endpoint, body, "application/json", signer.TokenFor(endpoint), cancellationToken);

    private static bool IsOperationOutcome(JsonAnswer answer) =>
        answer.Json is { ValueKind: JsonValueKind.Object } json && JsonShape.String(json, "resourceType") == "OperationOutcome";

    private static string Status(JsonAnswer answer) => $"HTTP {(int)answer.Status}";

    private void Expect(string area, string check, IReadOnlyList<string> problems, Verdict onProblem) =>
        Add(area, check, problems.Count == 0 ? Verdict.Pass : onProblem, problems.Count == 0 ? null : string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $" (+{problems.Count - 3} more)" : string.Empty));

    private void Add(string area, string check, Verdict verdict, string? detail = null) => results.Add(new CheckResult(area, check, verdict, detail));
}
