using System.Net;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Security;

public sealed class HardeningTests
{
    [Fact]
    public async Task Post_OverTheRateLimit_Is429WithRetryAfter()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:RateLimit:PermitsPerSecond"] = "1", ["CdsBone:RateLimit:Burst"] = "2" });
        using var client = app.CreateClient();
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", request.DeepClone());
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                break;
            }

            response.Dispose();
        }

        Assert.NotNull(limited);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
        Assert.Equal("OperationOutcome", (await limited.ReadJsonAsync())["resourceType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        limited.Dispose();
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndHookAnswersAreNotCached()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var hook = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia"));
        using var discovery = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal("nosniff", hook.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", hook.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", hook.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", discovery.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(hook.Headers.Contains("Server"));
    }
}
