using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace CdsBone.Fhir.Serialization;

/// <summary>
/// The one place where untrusted JSON (hook requests, feedback, FHIR server responses) becomes a document. Beyond
/// RFC 8259 syntax it refuses what System.Text.Json would accept but later fail on: a string or property name that is
/// not valid Unicode (invalid UTF-8, or a lone surrogate escape such as <c>"\ud800"</c>, which makes
/// <see cref="JsonElement.GetString"/> throw), and a property repeated in one object (FHIR JSON forbids it; readers
/// disagree on which copy wins). Every failure is a <see cref="JsonException"/>, so callers have one thing to catch and
/// every string of an accepted document can be read safely.
/// </summary>
public static class StrictJson
{
    /// <summary>Document options: depth bounded, comments and trailing commas refused, duplicate properties refused.</summary>
    public static JsonDocumentOptions Options(int maxDepth) => new()
    {
        MaxDepth = maxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses <paramref name="utf8"/> strictly.</summary>
    /// <exception cref="JsonException">Not JSON, too deep, a duplicate property, or a string that is not valid Unicode.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, int maxDepth)
    {
        var options = Options(maxDepth);
        if (MayHoldInvalidString(utf8.Span))
        {
            ValidateStrings(utf8.Span, options);
        }

        return JsonDocument.Parse(utf8, options);
    }

    /// <summary>
    /// The token-by-token check costs as much as a second parse, so it runs only when it can find something: a lone
    /// surrogate needs a <c>\u</c> escape, and invalid UTF-8 anywhere fails the whole-body check (both vectorised). A
    /// body that is valid UTF-8 without escapes cannot hold an invalid string.
    /// </summary>
    private static bool MayHoldInvalidString(ReadOnlySpan<byte> utf8) => utf8.IndexOf("\\u"u8) >= 0 || !Utf8.IsValid(utf8);

    /// <summary>Checks that every string and property name decodes to valid UTF-16 (no lone surrogate).</summary>
    private static void ValidateStrings(ReadOnlySpan<byte> utf8, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = options.MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                continue;
            }

            if (!reader.ValueIsEscaped)
            {
                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    throw Invalid(reader);
                }

                continue;
            }

            // Escaped strings are rare (and short in practice): unescape to check for lone surrogates.
            var buffer = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                var length = reader.CopyString(buffer);
                if (!IsValidUtf16(buffer.AsSpan(0, length)))
                {
                    throw Invalid(reader);
                }
            }
            catch (InvalidOperationException)
            {
                throw Invalid(reader);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    private static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonException Invalid(Utf8JsonReader reader) =>
        new($"a string is not valid Unicode (invalid UTF-8 or a lone surrogate) at byte {reader.TokenStartIndex + 1}", null, null, reader.TokenStartIndex);
}
