using System.Diagnostics;

namespace CdsBone.Api.Telemetry;

/// <summary>The span of a hook evaluation: service, hook, rule ids, card count and indicators; no patient data.</summary>
public static class HookTelemetry
{
    /// <summary>The ActivitySource name.</summary>
    public const string SourceName = "CdsBone.Hooks";

    internal static ActivitySource Source { get; } = new(SourceName);
}
