namespace CdsBone.Rules.Recognition;

/// <summary>Case-insensitive matching of word stems at the start of a word ("Testopel" matches "testopel pellets", not "xtestopel").</summary>
internal static class TextMatcher
{
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

    private static bool StartsWordAt(string text, string stem)
    {
        var from = 0;
        while (from <= text.Length - stem.Length)
        {
            var at = text.IndexOf(stem, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
