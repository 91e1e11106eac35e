using System.Globalization;

namespace CdsBone.Rules.Facts;

/// <summary>The unit of a dosing period.</summary>
public enum DosePeriodUnit
{
    /// <summary>Day.</summary>
    Day,
    /// <summary>Week.</summary>
    Week,
    /// <summary>Month (counted as 30 days for weekly-dose comparison).</summary>
    Month,
}

/// <summary>A dose in milligrams given <see cref="Frequency"/> times every <see cref="Period"/> <see cref="PeriodUnit"/>.</summary>
/// <param name="DoseMg">Milligrams per administration.</param>
/// <param name="Frequency">Administrations per period.</param>
/// <param name="Period">Length of the period.</param>
/// <param name="PeriodUnit">Unit of the period.</param>
public sealed record DoseRegimen(decimal DoseMg, int Frequency, decimal Period, DosePeriodUnit PeriodUnit)
{
    private const decimal DaysPerWeek = 7m;
    private const decimal DaysPerMonth = 30m;

    /// <summary>Milligrams per week: how two regimens are ranked.</summary>
    public decimal WeeklyDoseMg => DoseMg * Frequency * DaysPerWeek / PeriodDays;

    private decimal PeriodDays => PeriodUnit switch
    {
        DosePeriodUnit.Day => Period,
        DosePeriodUnit.Week => Period * DaysPerWeek,
        _ => Period * DaysPerMonth,
    };

    /// <summary>Reads as a prescriber writes it: "0.5 mg twice weekly", "1 mg daily".</summary>
    public override string ToString()
    {
        var dose = DoseMg.ToString("0.###", CultureInfo.InvariantCulture);
        var times = Frequency switch
        {
            1 => "once",
            2 => "twice",
            _ => string.Create(CultureInfo.InvariantCulture, $"{Frequency} times"),
        };
        var every = (Period, PeriodUnit) switch
        {
            (1m, DosePeriodUnit.Day) => "daily",
            (1m, DosePeriodUnit.Week) => "weekly",
            (1m, DosePeriodUnit.Month) => "monthly",
            _ => string.Create(CultureInfo.InvariantCulture, $"every {Period:0.##} {PeriodUnit.ToString().ToLowerInvariant()}s"),
        };
        return Frequency == 1 && Period == 1m && PeriodUnit == DosePeriodUnit.Day
            ? $"{dose} mg daily"
            : $"{dose} mg {times} {every}";
    }
}
