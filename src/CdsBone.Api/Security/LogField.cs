using System.Buffers;

namespace CdsBone.Api.Security;

/// <summary>
/// Makes a caller-chosen value safe to write into a log line: at most <see cref="MaxLength"/> characters (a 900 KB
/// hookInstance must not become a 3.6 MB line), and every control or format character, CR and LF above all, replaced
/// by <c>?</c>, so that a value cannot forge a log line in a plain-text console log.
/// </summary>
public static class LogField
{
    /// <summary>The longest value logged (a UUID is 36 characters).</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Safe = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/+=@#,;()[]{}*!$'& ");

    /// <summary>The value as it may be logged; "-" for null.</summary>
    public static string Of(string? value)
    {
        if (value is null)
        {
            return "-";
        }

        var clipped = value.Length > MaxLength ? value[..MaxLength] : value;
        if (!clipped.AsSpan().ContainsAnyExcept(Safe))
        {
            return clipped.Length < value.Length ? clipped + "…" : clipped;
        }

        return string.Create(clipped.Length, clipped, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = Safe.Contains(text[i]) ? text[i] : '?';
            }
        }) + (clipped.Length < value.Length ? "…" : string.Empty);
    }
}
