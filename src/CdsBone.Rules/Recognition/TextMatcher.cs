using System.Buffers;

namespace CdsBone.Rules.Recognition;

/// <summary>Case-insensitive matching of word stems at the start of a word ("Testopel" matches "testopel pellets", not "xtestopel").</summary>
internal static class TextMatcher
{
    /// <summary>All stems of a catalogue as one case-insensitive multi-string search.</summary>
    public static SearchValues<string> AnyOf(IEnumerable<string> stems) => SearchValues.Create([.. stems], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// False when <paramref name="text"/> contains none of the stems anywhere: one vectorised search rules out the common
    /// case (a text naming some other drug or condition) before the per-stem word checks.
    /// </summary>
    public static bool MayMatch(string? text, SearchValues<string> anyStem) =>
        !string.IsNullOrWhiteSpace(text) && text.AsSpan().ContainsAny(anyStem);

    public static string? FirstStem(string? text, IEnumerable<string> stems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var stem in stems)
        {
            if (StartsWordAt(text, stem))
            {
                return stem;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="words"/> that stands in <paramref name="text"/> as a whole word, or null.</summary>
    public static string? FirstWord(string? text, IEnumerable<string> words)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var word in words)
        {
            if (StartsWordAt(text, word, wholeWord: true))
            {
                return word;
            }
        }

        return null;
    }

    private static bool StartsWordAt(string text, string stem, bool wholeWord = false)
    {
        var from = 0;
        while (from <= text.Length - stem.Length)
        {
            var at = text.IndexOf(stem, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var end = at + stem.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (!wholeWord || end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
