namespace CdsBone.Api.TrendView;

/// <summary>The trend view's log events (16xx): reasons and counts only, never a patient id, token, code or value.</summary>
internal static partial class TrendViewLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Trend view launch refused: {Reason}")]
    public static partial void LaunchRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Trend view callback refused: {Reason}")]
    public static partial void CallbackRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Trend view session started ({Kind} launch), token valid for {Seconds} s")]
    public static partial void SessionStarted(ILogger logger, string kind, long seconds);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Trend view rendered: {Charts} chart(s), {Points} point(s), {Courses} course(s) in {ElapsedMs} ms")]
    public static partial void Rendered(ILogger logger, int charts, int points, int courses, long elapsedMs);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Trend view data unavailable for [{Keys}]")]
    public static partial void DataUnavailable(ILogger logger, string keys);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Information, Message = "Trend view session expired: relaunching")]
    public static partial void Relaunch(ILogger logger);
}
