namespace CdsBone.Api.Telemetry;

/// <summary>Log events of the terminology (value sets).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Terminology loaded: {ValueSetCount} value set(s), {CodeCount} code(s) in {ElapsedMs} ms")]
    public static partial void TerminologyLoaded(ILogger logger, int valueSetCount, int codeCount, long elapsedMs);
}
