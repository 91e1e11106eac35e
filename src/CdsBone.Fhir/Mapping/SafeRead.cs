using Hl7.Fhir.Validation;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Firely keeps an unparseable primitive in its partial result and throws when it is read (e.g. a decimal sent as
/// "abc"). Reads go through here so that a bad primitive is simply absent, and decides nothing.
/// </summary>
internal static class SafeRead
{
    public static T? Value<T>(Func<T?> read)
        where T : struct
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsBadPrimitive(ex))
        {
            return null;
        }
    }

    /// <summary>Reads a primitive; when Firely could not parse it, reports that at <paramref name="location"/> and returns null.</summary>
    public static T? Value<T>(Func<T?> read, List<CdsBone.Rules.Facts.InputIssue> issues, string location, string element)
        where T : struct
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsBadPrimitive(ex))
        {
            issues.Add(new CdsBone.Rules.Facts.InputIssue($"{location}.{element}", ex.Message));
            return null;
        }
    }

    public static string? Text(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsBadPrimitive(ex))
        {
            return null;
        }
    }

    public static bool IsBadPrimitive(Exception ex) =>
        ex is CodedValidationException or InvalidCastException or FormatException or OverflowException;
}
