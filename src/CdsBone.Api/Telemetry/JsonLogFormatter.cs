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

    /// <summary>Lines are rarely longer; a longer one rents a larger buffer.</summary>
    private const int TypicalLineBytes = 2048;

    /// <summary>The fixed fields, which a structured value of the same name does not repeat.</summary>
    private static readonly string[] FixedFields = ["Timestamp", "Level", "Category", "EventId", "Message", "Exception", OriginalFormat];

    // One line per hook call at Information: the line is built in pooled buffers and written as characters, without a
    // string per line, per timestamp or per scope (docs/performance.md).
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if ((message is null && logEntry.Exception is null) || IsStartFailureReportedByProgram(logEntry.Category, logEntry.EventId))
        {
            return;
        }

        using (var buffer = new PooledBufferWriter(TypicalLineBytes))
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                Span<char> timestamp = stackalloc char[TimestampFormat.Length];
                Now().UtcDateTime.TryFormat(timestamp, out var length, TimestampFormat, CultureInfo.InvariantCulture);
                writer.WriteString("Timestamp", timestamp[..length]);
                writer.WriteString("Level", LevelName(logEntry.LogLevel));
                writer.WriteString("Category", logEntry.Category);
                writer.WriteNumber("EventId", logEntry.EventId.Id);
                writer.WriteString("Message", message);
                if (logEntry.Exception is { } exception)
                {
                    writer.WriteString("Exception", exception.ToString());
                }

                var written = new List<string>(FixedFields);
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
                            foreach (var (key, value) in objects)
                            {
                                WriteField(state.Writer, key, value, state.Written);
                            }
                        }
                    },
                    (Writer: writer, Written: written));
                writer.WriteEndObject();
            }

            WriteLine(textWriter, buffer.WrittenSpan);
        }
    }

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => nameof(LogLevel.Trace),
        LogLevel.Debug => nameof(LogLevel.Debug),
        LogLevel.Information => nameof(LogLevel.Information),
        LogLevel.Warning => nameof(LogLevel.Warning),
        LogLevel.Error => nameof(LogLevel.Error),
        LogLevel.Critical => nameof(LogLevel.Critical),
        _ => level.ToString(),
    };

    private static void WriteLine(TextWriter textWriter, ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length) + 1);
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            chars[count] = '\n';
            textWriter.Write(chars, 0, count + 1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
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

    private static void WriteFields(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> fields, List<string> written)
    {
        foreach (var (key, value) in fields)
        {
            WriteField(writer, key, value, written);
        }
    }

    /// <summary>Writes a field unless one of its name was written (a handful per line: a list beats a hash set).</summary>
    private static void WriteField(Utf8JsonWriter writer, string key, object? value, List<string> written)
    {
        if (written.Contains(key, StringComparer.Ordinal))
        {
            return;
        }

        written.Add(key);
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

    /// <summary>A buffer writer over arrays rented from the shared pool, returned when disposed.</summary>
    private sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        private int _written;

        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        private void Ensure(int sizeHint)
        {
            if (_buffer.Length - _written >= Math.Max(sizeHint, 1))
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
