using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CdsBone.Api.Telemetry;

/// <summary>
/// One JSON object per line, flat so that a log pipeline indexes it without parsing nested arrays: time, level,
/// category, event id, message, then each structured value of the message and of the active scopes (TraceId, SpanId,
/// hookInstance, cdsService, RequestPath…) as a top-level field, each once. The template and the scope texts are not
/// repeated (the built-in JSON formatter writes every value twice, under State and Scopes).
/// </summary>
internal sealed class JsonLogFormatter : ConsoleFormatter
{
    /// <summary>The formatter's name.</summary>
    public const string FormatterName = "cdsbone-json";

    private const string OriginalFormat = "{OriginalFormat}";

    public JsonLogFormatter()
        : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if ((message is null && logEntry.Exception is null) || IsStartFailureReportedByProgram(logEntry.Category, logEntry.EventId))
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Timestamp", Now().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("Level", logEntry.LogLevel.ToString());
            writer.WriteString("Category", logEntry.Category);
            writer.WriteNumber("EventId", logEntry.EventId.Id);
            writer.WriteString("Message", message);
            if (logEntry.Exception is { } exception)
            {
                writer.WriteString("Exception", exception.ToString());
            }

            var written = new HashSet<string>(StringComparer.Ordinal) { "Timestamp", "Level", "Category", "EventId", "Message", "Exception", OriginalFormat };
            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> values)
            {
                WriteFields(writer, values, written);
            }

            scopeProvider?.ForEachScope(
                (scope, state) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        WriteFields(state.Writer, pairs, state.Written);
                    }
                    else if (scope is IEnumerable<KeyValuePair<string, object>> objects)
                    {
                        WriteFields(state.Writer, objects.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)), state.Written);
                    }
                },
                (Writer: writer, Written: written));
            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    /// <summary>Writes one failure that stopped the start as a line of the same shape (the logger may not exist yet).</summary>
    public static void WriteStartFailure(TextWriter output, Exception exception)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Timestamp", Now().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("Level", nameof(LogLevel.Critical));
            writer.WriteString("Category", "CdsBone.Startup");
            writer.WriteNumber("EventId", StartFailureEventId);
            writer.WriteString("Message", $"CdsBone did not start: {Reason(exception)}");
            writer.WriteString("ExceptionType", exception.GetType().FullName);
            writer.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
        output.Flush();
    }

    private const int StartFailureEventId = 1901;

    // The host's own "Hosting failed to start" (with a stack trace): Program reports the same failure as one line.
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const int HostingFailedToStart = 11;

    private static bool IsStartFailureReportedByProgram(string category, EventId eventId) =>
        eventId.Id == HostingFailedToStart && string.Equals(category, HostCategory, StringComparison.Ordinal);

    /// <summary>Log lines carry the wall clock, never a test's or a rule's injected one.</summary>
    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    /// <summary>The messages of the exception and its inner ones (an options failure lists every invalid option).</summary>
    private static string Reason(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Count > 1)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
                break;
            }

            messages.Add(current.Message);
        }

        return string.Join(" -> ", messages.Distinct(StringComparer.Ordinal));
    }

    private static void WriteFields(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> fields, HashSet<string> written)
    {
        foreach (var (key, value) in fields)
        {
            if (!written.Add(key))
            {
                continue;
            }

            switch (value)
            {
                case null:
                    writer.WriteNull(key);
                    break;
                case string text:
                    writer.WriteString(key, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case int or long or short or byte or uint or ulong or ushort:
                    writer.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case double or float or decimal:
                    writer.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
