using System.Text.Json.Nodes;
using CdsBone.Api.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CdsBone.Api.Tests.Operations;

public sealed class JsonLogFormatterTests
{
    [Fact]
    public void Write_PutsTraceAndHookFieldsAtTopLevel_Once_WithoutStateOrScopes()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var trace = scopes.Push(new Dictionary<string, object?> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736", ["SpanId"] = "00f067aa0ba902b7" });
        using var hook = scopes.Push(new Dictionary<string, object> { ["hookInstance"] = "d1577c69", ["cdsService"] = "anastrozole-order-sign" });
        var state = new List<KeyValuePair<string, object?>> { new("StatusCode", 412), new("DurationMs", 3.5), new("{OriginalFormat}", "answered {StatusCode} in {DurationMs} ms") };
        using var output = new StringWriter();

        new JsonLogFormatter().Write(
            new LogEntry<List<KeyValuePair<string, object?>>>(LogLevel.Warning, "CdsBone.Test", new EventId(1010), state, null, (_, _) => "answered 412 in 3.5 ms"),
            scopes,
            output);

        var text = output.ToString();
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var line = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", (string?)line["TraceId"]);
        Assert.Equal("00f067aa0ba902b7", (string?)line["SpanId"]);
        Assert.Equal("d1577c69", (string?)line["hookInstance"]);
        Assert.Equal("anastrozole-order-sign", (string?)line["cdsService"]);
        Assert.Equal(412, (int?)line["StatusCode"]);
        Assert.Equal(1010, (int?)line["EventId"]);
        Assert.Equal("Warning", (string?)line["Level"]);
        Assert.Null(line["State"]);
        Assert.Null(line["Scopes"]);
        Assert.Null(line["{OriginalFormat}"]);
    }

    [Fact]
    public void WriteStartFailure_IsOneJsonLine_WithEveryInnerMessage()
    {
        using var output = new StringWriter();

        JsonLogFormatter.WriteStartFailure(output, new InvalidOperationException("outer", new FileNotFoundException("/secrets/jwks/ehr.json is missing")));

        var text = output.ToString();
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var line = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("Critical", (string?)line["Level"]);
        Assert.Contains("/secrets/jwks/ehr.json is missing", (string?)line["Message"], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LeavesTheHostsStartFailureToProgramsOneLine()
    {
        using var output = new StringWriter();

        new JsonLogFormatter().Write(
            new LogEntry<string>(LogLevel.Error, "Microsoft.Extensions.Hosting.Internal.Host", new EventId(11), "Hosting failed to start", new InvalidOperationException("x"), (s, _) => s),
            null,
            output);

        Assert.Empty(output.ToString());
    }
}
