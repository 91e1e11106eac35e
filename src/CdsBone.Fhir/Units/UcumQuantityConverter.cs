using System.Collections.Concurrent;
using CdsBone.Rules.Units;
using Fhir.Metrics;

namespace CdsBone.Fhir.Units;

/// <summary>
/// Converts a value in any UCUM unit to an analyte's canonical unit with Fhir.Metrics (Firely's UCUM library): same
/// dimension directly, mass and molar through the analyte's molar mass (§2). Fhir.Metrics' own <c>Convert</c> is not
/// implemented in 1.4.1, so factors come from the ratio of canonical forms. Fhir.Metrics counts moles and
/// international units alike as plain numbers, so a conversion must also keep moles with moles and [IU] with [IU].
/// Factors are cached per unit pair; one instance serves the process (loading UCUM takes ~0.4 s).
/// </summary>
public sealed class UcumQuantityConverter
{
    private const int MaxCachedPairs = 1024;
    private const string MolarReference = "mol/L";
    private const string MassReference = "g/L";

    private readonly SystemOfUnits _ucum = UCUM.Load();
    private readonly ConcurrentDictionary<(string From, string To, decimal? MolarMass), Conversion> _cache = new();
    private readonly Lock _ucumLock = new();

    /// <summary>Converts <paramref name="value"/> in <paramref name="ucumUnit"/> to <paramref name="profile"/>'s canonical unit.</summary>
    /// <returns>The value, or a reason why it cannot be converted.</returns>
    public Conversion Convert(decimal value, string ucumUnit, AnalyteUnitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var factor = FactorFor(ucumUnit, profile);
        return factor.Problem is null ? factor with { Value = value * factor.Value } : factor;
    }

    /// <summary>The multiplier from <paramref name="ucumUnit"/> to the canonical unit, or a reason.</summary>
    public Conversion FactorFor(string ucumUnit, AnalyteUnitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.Equals(ucumUnit, profile.CanonicalUnit, StringComparison.Ordinal))
        {
            return Conversion.Ok(1m);
        }

        var key = (ucumUnit, profile.CanonicalUnit, profile.MolarMassGramsPerMole);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var computed = Compute(ucumUnit, profile);
        if (_cache.Count < MaxCachedPairs)
        {
            _cache.TryAdd(key, computed);
        }

        return computed;
    }

    private Conversion Compute(string from, AnalyteUnitProfile profile)
    {
        var to = profile.CanonicalUnit;
        var fromKind = KindOf(from);
        var toKind = KindOf(to);
        lock (_ucumLock)
        {
            try
            {
                var source = _ucum.Canonical(_ucum.Quantity(new Exponential(1m), from));
                var target = _ucum.Canonical(_ucum.Quantity(new Exponential(1m), to));
                if (fromKind == toKind && source.Metric.Equals(target.Metric))
                {
                    return Conversion.Ok(Ratio(source, target));
                }

                if (profile.MolarMassGramsPerMole is { } molarMass && fromKind != toKind
                    && fromKind != UnitKind.Arbitrary && toKind != UnitKind.Arbitrary)
                {
                    var molar = _ucum.Canonical(_ucum.Quantity(new Exponential(1m), MolarReference));
                    var mass = _ucum.Canonical(_ucum.Quantity(new Exponential(1m), MassReference));
                    if (fromKind == UnitKind.Molar && source.Metric.Equals(molar.Metric) && target.Metric.Equals(mass.Metric))
                    {
                        // from → mol/L → g/L (× molar mass) → canonical mass unit.
                        return Conversion.Ok(Ratio(source, molar) * molarMass * Ratio(mass, target));
                    }

                    if (toKind == UnitKind.Molar && source.Metric.Equals(mass.Metric) && target.Metric.Equals(molar.Metric))
                    {
                        return Conversion.Ok(Ratio(source, mass) / molarMass * Ratio(molar, target));
                    }
                }

                return Conversion.Fail($"unit '{from}' cannot be converted to {to}");
            }
#pragma warning disable CA1031 // Fhir.Metrics' parser throws many exception types on text it cannot read; each means "not UCUM".
            catch (Exception)
#pragma warning restore CA1031
            {
                return Conversion.Fail($"unit '{from}' is not a UCUM unit");
            }
        }
    }

    private static decimal Ratio(Quantity numerator, Quantity denominator) => numerator.Value.ToDecimal() / denominator.Value.ToDecimal();

    private static UnitKind KindOf(string unit) =>
        unit.Contains("mol", StringComparison.Ordinal) ? UnitKind.Molar
        : unit.Contains("[IU]", StringComparison.Ordinal) || unit.Contains("[iU]", StringComparison.Ordinal) ? UnitKind.Arbitrary
        : UnitKind.Other;

    private enum UnitKind
    {
        Other,
        Molar,
        Arbitrary,
    }
}

/// <summary>The outcome of a unit conversion.</summary>
/// <param name="Value">The converted value (or the factor), when <paramref name="Problem"/> is null.</param>
/// <param name="Problem">Why the conversion failed.</param>
public sealed record Conversion(decimal Value, string? Problem)
{
    /// <summary>A success.</summary>
    public static Conversion Ok(decimal value) => new(value, null);

    /// <summary>A failure.</summary>
    public static Conversion Fail(string problem) => new(0m, problem);
}
