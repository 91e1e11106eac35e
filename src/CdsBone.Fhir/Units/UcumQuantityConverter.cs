using System.Collections.Frozen;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Units;
using Fhir.Metrics;

namespace CdsBone.Fhir.Units;

/// <summary>
/// Converts a value in any UCUM unit to an analyte's canonical unit with Fhir.Metrics (Firely's UCUM library): same
/// dimension directly, mass and molar through the analyte's molar mass (§2). Fhir.Metrics' own <c>Convert</c> is not
/// implemented in 1.4.1, so factors come from the ratio of canonical forms. Fhir.Metrics counts moles and
/// international units alike as plain numbers, so a conversion must also keep moles with moles and [IU] with [IU].
/// <para>
/// Cost per observation does not depend on history (issue 12): the factors of the units labs use (every prefix of
/// g/L, g/dL, g/mL, mol/L…, [IU], %, g/cm2) to every canonical unit are computed once at start into a frozen table
/// that is read without a lock. Only those known units are kept; any other unit is parsed on its own (under the lock
/// that Fhir.Metrics needs, at most <see cref="MaxUnitLength"/> characters), never cached, so no request can fill a
/// cache and slow the ones after it. One instance serves the process (loading UCUM and the table takes ~0.4 s; each unit is parsed once).
/// </para>
/// </summary>
public sealed class UcumQuantityConverter
{
    /// <summary>A longer unit is refused without parsing: real UCUM lab units are far shorter.</summary>
    public const int MaxUnitLength = 32;

    private const string MolarReference = "mol/L";
    private const string MassReference = "g/L";

    private static readonly string[] MassPrefixes = ["k", "", "d", "c", "m", "u", "n", "p", "f"];
    private static readonly string[] MolarPrefixes = ["", "m", "u", "n", "p", "f"];
    private static readonly string[] Volumes = ["L", "dL", "mL", "uL"];
    private static readonly string[] OtherKnownUnits =
    [
        "[IU]/L", "[IU]/mL", "m[IU]/mL", "m[IU]/L", "u[IU]/mL", "[iU]/L", "m[iU]/mL", "%", "1", "g/cm2", "mg/cm2", "kg/m2",
    ];

    private readonly SystemOfUnits _ucum = UCUM.Load();
    private readonly Lock _ucumLock = new();
    private readonly FrozenDictionary<(string From, string To, decimal? MolarMass), Conversion> _known;

    /// <summary>Loads UCUM and computes the known units' factors.</summary>
    public UcumQuantityConverter()
    {
        // Each unit is parsed once, not once per profile: parsing is what makes start-up slow (a thousand pairs of
        // four parses each took over a second of a two-core pod's start).
        var canonicalForms = new Dictionary<string, Quantity?>(StringComparer.Ordinal);
        Quantity? ParsedOnce(string unit)
        {
            if (!canonicalForms.TryGetValue(unit, out var quantity))
            {
                quantity = ParseCanonical(unit);
                canonicalForms[unit] = quantity;
            }

            return quantity;
        }

        var table = new Dictionary<(string, string, decimal?), Conversion>();
        foreach (var profile in Profiles())
        {
            foreach (var unit in KnownUnits())
            {
                // Refusals too: "nmol/L cannot be converted to m[IU]/mL" is as fixed an answer as a factor.
                table[(unit, profile.CanonicalUnit, profile.MolarMassGramsPerMole)] = Compute(unit, profile, ParsedOnce);
            }
        }

        _known = table.ToFrozenDictionary();
    }

    private long _parsedOnDemand;

    /// <summary>The number of unit pairs precomputed (for tests and diagnostics).</summary>
    public int KnownPairs => _known.Count;

    /// <summary>How many conversions of units outside the table were parsed since start (for tests and diagnostics).</summary>
    public long ParsedOnDemand => Interlocked.Read(ref _parsedOnDemand);

    /// <summary>Converts <paramref name="value"/> in <paramref name="ucumUnit"/> to <paramref name="profile"/>'s canonical unit.</summary>
    /// <returns>The value, or a reason why it cannot be converted (also when the result is beyond a decimal's range).</returns>
    public Conversion Convert(decimal value, string ucumUnit, AnalyteUnitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var factor = FactorFor(ucumUnit, profile);
        if (factor.Problem is not null)
        {
            return factor;
        }

        try
        {
            var converted = value * factor.Value;
            if (Mapping.Json.IsComputable(converted))
            {
                return factor with { Value = converted };
            }
        }
        catch (OverflowException)
        {
            // Beyond decimal: as unusable as beyond the computable range.
        }

        return Conversion.Fail($"the value in '{ucumUnit}' is beyond any measurable {profile.CanonicalUnit}");
    }

    /// <summary>The multiplier from <paramref name="ucumUnit"/> to the canonical unit, or a reason.</summary>
    public Conversion FactorFor(string ucumUnit, AnalyteUnitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(ucumUnit);
        if (string.Equals(ucumUnit, profile.CanonicalUnit, StringComparison.Ordinal))
        {
            return Conversion.Ok(1m);
        }

        if (_known.TryGetValue((ucumUnit, profile.CanonicalUnit, profile.MolarMassGramsPerMole), out var known))
        {
            return known;
        }

        if (ucumUnit.Length > MaxUnitLength)
        {
            return Conversion.Fail($"unit '{ucumUnit[..MaxUnitLength]}…' is not a UCUM unit");
        }

        Interlocked.Increment(ref _parsedOnDemand);
        return Compute(ucumUnit, profile, ParseCanonical);
    }

    /// <summary>Every profile an analyte or a DXA measure uses.</summary>
    private static IEnumerable<AnalyteUnitProfile> Profiles()
    {
        foreach (var analyte in Enum.GetValues<Analyte>())
        {
            AnalyteUnitProfile? profile;
            try
            {
                profile = AnalyteUnits.For(analyte);
            }
            catch (ArgumentOutOfRangeException)
            {
                profile = null;
            }

            if (profile is not null)
            {
                yield return profile;
            }
        }

        yield return new AnalyteUnitProfile(UcumUnits.GramsPerSquareCentimetre, null);
    }

    private static IEnumerable<string> KnownUnits() =>
        MassPrefixes.SelectMany(p => Volumes.Select(v => $"{p}g/{v}"))
            .Concat(MolarPrefixes.SelectMany(p => Volumes.Select(v => $"{p}mol/{v}")))
            .Concat(OtherKnownUnits)
            .Distinct(StringComparer.Ordinal);

    /// <summary>The canonical form of one <paramref name="unit"/>, or null when it is not UCUM.</summary>
    private Quantity? ParseCanonical(string unit)
    {
        lock (_ucumLock)
        {
            try
            {
                return _ucum.Canonical(_ucum.Quantity(new Exponential(1m), unit));
            }
#pragma warning disable CA1031 // Fhir.Metrics' parser throws many exception types on text it cannot read; each means "not UCUM".
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }

    private static Conversion Compute(string from, AnalyteUnitProfile profile, Func<string, Quantity?> canonical)
    {
        var to = profile.CanonicalUnit;
        var fromKind = KindOf(from);
        var toKind = KindOf(to);
        if (canonical(from) is not { } source || canonical(to) is not { } target)
        {
            return NotUcum(from);
        }

        try
        {
            if (fromKind == toKind && source.Metric.Equals(target.Metric))
            {
                return Conversion.Ok(Ratio(source, target));
            }

            if (profile.MolarMassGramsPerMole is { } molarMass && fromKind != toKind
                && fromKind != UnitKind.Arbitrary && toKind != UnitKind.Arbitrary
                && canonical(MolarReference) is { } molar && canonical(MassReference) is { } mass)
            {
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
#pragma warning disable CA1031 // Metric comparison and decimal conversion of an odd unit's factor may throw; that unit is then not usable.
        catch (Exception)
#pragma warning restore CA1031
        {
            return NotUcum(from);
        }
    }

    private static Conversion NotUcum(string unit) => Conversion.Fail($"unit '{unit}' is not a UCUM unit");

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
