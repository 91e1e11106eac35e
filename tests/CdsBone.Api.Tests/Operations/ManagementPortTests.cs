using System.Net;
using CdsBone.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CdsBone.Api.Tests.Operations;

/// <summary>
/// With CdsBone:ManagementPort set, the operations endpoints answer on that port only and the API on the other ports
/// only. The split is by the connection's local port, which the test server lets a test set.
/// </summary>
public sealed class ManagementPortTests
{
    private const int ApiPort = 8080;
    private const int ManagementPort = 8081;

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task OperationsEndpoint_AnswersOnTheManagementPortOnly(string path)
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:ManagementPort"] = "8081" });

        Assert.Equal(StatusCodes.Status200OK, await StatusAsync(app, "GET", path, ManagementPort));
        Assert.Equal(StatusCodes.Status404NotFound, await StatusAsync(app, "GET", path, ApiPort));
    }

    [Theory]
    [InlineData("GET", "/cds-services")]
    [InlineData("POST", "/cds-services/anastrozole-order-sign")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task ApiEndpoint_IsNotServedOnTheManagementPort(string method, string path)
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:ManagementPort"] = "8081" });

        Assert.Equal(StatusCodes.Status404NotFound, await StatusAsync(app, method, path, ManagementPort));
        Assert.NotEqual(StatusCodes.Status404NotFound, await StatusAsync(app, method, path, ApiPort));
    }

    [Fact]
    public async Task HostHeader_NamingTheManagementPort_DoesNotReachMetricsOnTheApiPort()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:ManagementPort"] = "8081" });

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Request.Host = new HostString("localhost", ManagementPort);
            c.Connection.LocalPort = ApiPort;
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    [Fact]
    public async Task WithoutManagementPort_OnePortServesEverything()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var discovery = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task ManagementPort_ThatIsNotAPort_StopsTheStart(string value)
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:ManagementPort"] = value });

        // The start stops before a host exists (its one JSON line naming the key is checked end to end by .ci/ops-checks).
        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    private static async Task<int> StatusAsync(CdsBoneApplication app, string method, string path, int localPort)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream("{}"u8.ToArray());
            c.Connection.LocalPort = localPort;
        });
        return context.Response.StatusCode;
    }
}
