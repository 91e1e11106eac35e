namespace CdsBone.Rules.Picture;

/// <summary>Days as §5 counts them: the UTC calendar date of now minus the UTC date of the result.</summary>
/// <param name="Now">The evaluation instant.</param>
public sealed record ClinicalTime(DateTimeOffset Now)
{
    /// <summary>Today's UTC date.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Whole days between the UTC date of <paramref name="instant"/> and today.</summary>
    public int DaysAgo(DateTimeOffset instant) => Today.DayNumber - DateOnly.FromDateTime(instant.UtcDateTime).DayNumber;

    /// <summary>True when <paramref name="instant"/> lies within the last <paramref name="windowDays"/> days (inclusive).</summary>
    public bool Within(DateTimeOffset? instant, int windowDays) => instant is { } i && DaysAgo(i) <= windowDays;

    /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/> by UTC date.</summary>
    public static int DaysBetween(DateTimeOffset earlier, DateTimeOffset later) =>
        DateOnly.FromDateTime(later.UtcDateTime).DayNumber - DateOnly.FromDateTime(earlier.UtcDateTime).DayNumber;
}
