using System.Globalization;
using System.Text.RegularExpressions;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using CdsBone.Rules.Units;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Observation → <see cref="LabResult"/> or <see cref="DxaResult"/> by the LOINC tables of §1. The value is converted to
/// the canonical unit with UCUM; a unit that cannot be converted is recorded as the reason the value is unusable (D2),
/// never guessed. Status, comparator, method and note text, and the reference range come along for the rules.
/// </summary>
internal sealed partial class ObservationMapper(UcumQuantityConverter converter)
{
    public ResultFact? Map(Observation observation, List<InputIssue> issues)
    {
        var id = FhirReferences.Of(observation);
        var codes = CodeableConcepts.Codes(observation.Code).ToList();
        foreach (var code in codes.Where(c => c.System == CodeSystems.Loinc))
        {
            if (LabCatalog.TryGetAnalyte(code, out var analyte))
            {
                return MapLab(observation, id, code, analyte, issues);
            }

            if (LabCatalog.TryGetDxa(code, out var site, out var measure, out var side))
            {
                return MapDxa(observation, id, code, site, measure, side, issues);
            }
        }

        issues.Add(new InputIssue(id, "no LOINC code that CdsBone reads; not used"));
        return null;
    }

    private LabResult MapLab(Observation observation, string id, ClinicalCode code, Analyte analyte, List<InputIssue> issues)
    {
        var profile = AnalyteUnits.For(analyte);
        var quantity = observation.Value as Quantity;
        var (value, unitProblem) = Normalise(quantity, profile, issues, id);
        var texts = AssayTexts(observation);
        return new LabResult
        {
            SourceId = id,
            Code = code,
            Analyte = analyte,
            Value = value,
            Unit = profile.CanonicalUnit,
            ReceivedValue = quantity is null ? null : SafeRead.Value(() => quantity.Value),
            ReceivedUnit = ReceivedUnit(quantity),
            Comparator = MapComparator(quantity is null ? null : SafeRead.Value(() => quantity.Comparator, issues, id, "value.comparator")),
            Effective = FhirDates.Effective(observation.Effective),
            Status = MapStatus(SafeRead.Value(() => observation.Status, issues, id, "status")),
            UnitProblem = quantity is null ? null : unitProblem,
            Assay = AssayClassifier.Classify(analyte, code, texts),
            ReferenceRanges = MapRanges(observation.ReferenceRange.OfType<Observation.ReferenceRangeComponent>().ToList(), quantity, profile),
            QualitativePositive = observation.Value is CodeableConcept coded ? IsPositive(coded) : null,
        };
    }

    private DxaResult MapDxa(Observation observation, string id, ClinicalCode code, BoneSite site, DxaMeasure measure, string? side, List<InputIssue> issues)
    {
        var quantity = observation.Value as Quantity;
        decimal? value = null;
        string? unitProblem = null;
        if (measure == DxaMeasure.Bmd)
        {
            (value, unitProblem) = Normalise(quantity, new AnalyteUnitProfile(UcumUnits.GramsPerSquareCentimetre, null), issues, id);
        }
        else if (quantity is not null)
        {
            // T- and Z-scores are dimensionless: '1', an annotation '{…}' or no unit (§1e); anything else is D2.
            var unit = quantity.Code ?? quantity.Unit;
            var acceptable = quantity.Code is not null
                ? UnitSpellings.IsScoreUnit(quantity.Code)
                : UnitSpellings.IsScoreUnit(quantity.Unit) || IsScoreText(quantity.Unit);
            (value, unitProblem) = acceptable ? (SafeRead.Value(() => quantity.Value, issues, id, "value"), (string?)null) : ((decimal?)null, $"unit '{unit}' is not valid for a T- or Z-score");
        }

        var bodySite = CodeableConcepts.Describe(observation.BodySite);
        return new DxaResult
        {
            SourceId = id,
            Code = code,
            Site = IsFemoralNeck(bodySite) ? BoneSite.FemoralNeck : site,
            Laterality = side ?? Laterality(bodySite),
            Measure = measure,
            Value = value,
            Unit = AnalyteUnits.For(measure),
            ReceivedValue = quantity is null ? null : SafeRead.Value(() => quantity.Value),
            ReceivedUnit = ReceivedUnit(quantity),
            Comparator = MapComparator(quantity is null ? null : SafeRead.Value(() => quantity.Comparator, issues, id, "value.comparator")),
            Effective = FhirDates.Effective(observation.Effective),
            Status = MapStatus(SafeRead.Value(() => observation.Status, issues, id, "status")),
            UnitProblem = quantity is null ? null : unitProblem,
            Device = SafeRead.Text(() => observation.Device?.Display ?? observation.Device?.Reference),
            FacilityLeastSignificantChange = FacilityLsc(observation),
        };
    }

    private (decimal? Value, string? Problem) Normalise(Quantity? quantity, AnalyteUnitProfile profile, List<InputIssue> issues, string id)
    {
        if (quantity is null || SafeRead.Value(() => quantity.Value, issues, id, "value") is not { } received)
        {
            return (null, null);
        }

        var unit = UcumUnitOf(quantity);
        if (unit is null)
        {
            return (null, "no unit, so the value cannot be interpreted");
        }

        var conversion = converter.Convert(received, unit, profile);
        return conversion.Problem is null ? (conversion.Value, null) : (null, conversion.Problem);
    }

    /// <summary>The UCUM code when the system is UCUM, else the unit text mapped through the known spellings (§2).</summary>
    private static string? UcumUnitOf(Quantity quantity)
    {
        if (quantity.System == CodeSystems.Ucum && !string.IsNullOrWhiteSpace(quantity.Code))
        {
            return quantity.Code.Trim();
        }

        return string.IsNullOrWhiteSpace(quantity.Unit) ? null : UnitSpellings.ToUcum(quantity.Unit);
    }

    private List<ReferenceRange> MapRanges(List<Observation.ReferenceRangeComponent> ranges, Quantity? value, AnalyteUnitProfile profile)
    {
        var mapped = new List<ReferenceRange>(ranges.Count);
        foreach (var range in ranges)
        {
            var low = ConvertLimit(range.Low, value, profile);
            var high = ConvertLimit(range.High, value, profile);
            if (low.Failed || high.Failed || (low.Value is null && high.Value is null))
            {
                continue;
            }

            mapped.Add(new ReferenceRange(low.Value, high.Value, AppliesTo(range.AppliesTo)));
        }

        return mapped;
    }

    private (decimal? Value, bool Failed) ConvertLimit(Quantity? limit, Quantity? value, AnalyteUnitProfile profile)
    {
        if (limit is null || SafeRead.Value(() => limit.Value) is not { } number)
        {
            return (null, false);
        }

        // A limit without its own unit is in the value's unit (§5: convert with the value's own factor).
        var unit = (limit.Code ?? limit.Unit) is null && value is not null ? UcumUnitOf(value) : UcumUnitOf(limit);
        if (unit is null)
        {
            return (null, true);
        }

        var conversion = converter.Convert(number, unit, profile);
        return conversion.Problem is null ? (conversion.Value, false) : (null, true);
    }

    private static RangeAppliesTo AppliesTo(List<CodeableConcept> appliesTo)
    {
        if (appliesTo.Count == 0)
        {
            return RangeAppliesTo.Anyone;
        }

        var texts = appliesTo.OfType<CodeableConcept>().SelectMany(c => CodeableConcepts.Texts(c).Concat(CodeableConcepts.Codes(c).Select(x => x.Code))).OfType<string>().ToList();
        if (texts.Any(t => t.Equals("male", StringComparison.OrdinalIgnoreCase) || t == "248153007" || t.Equals("men", StringComparison.OrdinalIgnoreCase)))
        {
            return RangeAppliesTo.Male;
        }

        return texts.Any(t => t.Equals("female", StringComparison.OrdinalIgnoreCase) || t == "248152002" || t.Equals("women", StringComparison.OrdinalIgnoreCase))
            ? RangeAppliesTo.Female
            : RangeAppliesTo.Other;
    }

    private static IEnumerable<string?> AssayTexts(Observation observation) =>
        CodeableConcepts.Texts(observation.Method)
            .Concat(observation.Method?.Coding.OfType<Coding>().Select(c => SafeRead.Text(() => c.Code)) ?? [])
            .Concat(CodeableConcepts.Texts(observation.Code))
            .Concat(observation.Note.OfType<Annotation>().Select(n => SafeRead.Text(() => n.Text)));

    private static bool? IsPositive(CodeableConcept value) =>
        CodeableConcepts.Codes(value).Contains(Snomed.Positive)
        || CodeableConcepts.Texts(value).Any(t => t is not null && t.StartsWith("positive", StringComparison.OrdinalIgnoreCase));

    private static string? ReceivedUnit(Quantity? quantity) => quantity is null ? null : quantity.Code ?? quantity.Unit;

    private static bool IsScoreText(string? unit) =>
        unit is not null && (unit.Equals("T-score", StringComparison.OrdinalIgnoreCase) || unit.Equals("Z-score", StringComparison.OrdinalIgnoreCase)
            || unit.Equals("SD", StringComparison.OrdinalIgnoreCase));

    private static bool IsFemoralNeck(string bodySite) => bodySite.Contains("neck", StringComparison.OrdinalIgnoreCase);

    private static string? Laterality(string bodySite) =>
        bodySite.Contains("left", StringComparison.OrdinalIgnoreCase) ? "left"
        : bodySite.Contains("right", StringComparison.OrdinalIgnoreCase) ? "right"
        : null;

    private static decimal? FacilityLsc(Observation observation)
    {
        foreach (var component in observation.Component.OfType<Observation.ComponentComponent>())
        {
            var name = CodeableConcepts.Describe(component.Code);
            if ((name.Contains("least significant change", StringComparison.OrdinalIgnoreCase) || name.Contains("LSC", StringComparison.Ordinal))
                && component.Value is Quantity { Value: > 0m } lsc && (lsc.Code ?? lsc.Unit) is UcumUnits.GramsPerSquareCentimetre)
            {
                return lsc.Value;
            }
        }

        foreach (var note in observation.Note.OfType<Annotation>())
        {
            var match = LscNote().Match(SafeRead.Text(() => note.Text) ?? string.Empty);
            if (match.Success && decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m)
            {
                return value;
            }
        }

        return null;
    }

    private static Comparator MapComparator(Quantity.QuantityComparator? comparator) => comparator switch
    {
        Quantity.QuantityComparator.LessThan => Comparator.LessThan,
        Quantity.QuantityComparator.LessOrEqual => Comparator.LessOrEqual,
        Quantity.QuantityComparator.GreaterThan => Comparator.GreaterThan,
        Quantity.QuantityComparator.GreaterOrEqual => Comparator.GreaterOrEqual,
        _ => Comparator.None,
    };

    private static ResultStatus MapStatus(ObservationStatus? status) => status switch
    {
        ObservationStatus.Registered => ResultStatus.Registered,
        ObservationStatus.Preliminary => ResultStatus.Preliminary,
        ObservationStatus.Final => ResultStatus.Final,
        ObservationStatus.Amended => ResultStatus.Amended,
        ObservationStatus.Corrected => ResultStatus.Corrected,
        ObservationStatus.Cancelled => ResultStatus.Cancelled,
        ObservationStatus.EnteredInError => ResultStatus.EnteredInError,
        _ => ResultStatus.Unknown,
    };

    [GeneratedRegex(@"\b(LSC|least significant change)\b[^0-9]{0,20}(?<value>0?\.[0-9]+)\s*g/cm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LscNote();
}
