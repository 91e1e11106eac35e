using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using CdsBone.Rules.Units;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Observation JSON → <see cref="LabResult"/> or <see cref="DxaResult"/> by the LOINC tables of §1. The value is
/// converted to the canonical unit with UCUM; a unit that cannot be converted is recorded as the reason the value is
/// unusable (D2), never guessed. Status, comparator, method and note text, and the reference range come along.
/// Observations are read from the request's JSON rather than through Firely POCOs: they are the bulk of every hook and
/// the POCOs were most of its cost (docs/performance.md); the elements read are exactly those the rules need.
/// </summary>
internal sealed partial class ObservationMapper(UcumQuantityConverter converter)
{
    /// <summary>Maps one Observation; <paramref name="entry"/> (0-based) names one without an id, so that each result stays distinct on the card.</summary>
    public ResultFact? Map(JsonElement observation, List<InputIssue> issues, int entry = 0)
    {
        var elements = ObservationElements.Read(observation);
        var id = $"Observation/{Json.AsString(elements.Id) ?? $"{FhirReferences.NoId} #{entry + 1}"}";
        var codeElement = Json.AsObject(elements.Code);
        foreach (var code in JsonConcepts.Codes(codeElement))
        {
            if (code.System != CodeSystems.Loinc)
            {
                continue;
            }

            if (LabCatalog.TryGetAnalyte(code, out var analyte))
            {
                return MapLab(elements, id, code, analyte, issues);
            }

            if (LabCatalog.TryGetDxa(code, out var site, out var measure, out var side))
            {
                return MapDxa(elements, id, code, site, measure, side, issues);
            }
        }

        issues.Add(new InputIssue(id, "no LOINC code that CdsBone reads; not used"));
        return null;
    }

    private LabResult MapLab(in ObservationElements observation, string id, ClinicalCode code, Analyte analyte, List<InputIssue> issues)
    {
        var profile = AnalyteUnits.For(analyte);
        var quantity = Quantity.Read(Json.AsObject(observation.ValueQuantity), issues, id, "valueQuantity");
        var (value, unitProblem) = Normalise(quantity, profile);
        var assay = AssayClassifier.Classify(analyte, code, AssayWordingOf(observation), out var sensitiveByCodeOnly);
        return new LabResult
        {
            SourceId = id,
            Code = code,
            Analyte = analyte,
            Value = value,
            Unit = profile.CanonicalUnit,
            ReceivedValue = quantity?.Value,
            ReceivedUnit = quantity?.ReceivedUnit,
            Comparator = quantity?.Comparator ?? Comparator.None,
            Effective = Effective(observation),
            Status = MapStatus(observation, issues, id),
            UnitProblem = quantity is null ? null : unitProblem,
            Assay = assay,
            SensitiveByCodeOnly = sensitiveByCodeOnly,
            ReferenceRanges = MapRanges(observation, quantity, profile, issues, id),
            QualitativePositive = Json.AsObject(observation.ValueCodeableConcept) is { } coded ? IsPositive(coded) : null,
        };
    }

    private DxaResult MapDxa(in ObservationElements observation, string id, ClinicalCode code, BoneSite site, DxaMeasure measure, string? side, List<InputIssue> issues)
    {
        var quantity = Quantity.Read(Json.AsObject(observation.ValueQuantity), issues, id, "valueQuantity");
        decimal? value = null;
        string? unitProblem = null;
        if (measure == DxaMeasure.Bmd)
        {
            (value, unitProblem) = Normalise(quantity, new AnalyteUnitProfile(UcumUnits.GramsPerSquareCentimetre, null));
        }
        else if (quantity is not null)
        {
            // T- and Z-scores are dimensionless: '1', an annotation '{…}' or no unit (§1e); anything else is D2.
            var acceptable = quantity.Code is not null
                ? UnitSpellings.IsScoreUnit(quantity.Code)
                : UnitSpellings.IsScoreUnit(quantity.Unit) || IsScoreText(quantity.Unit);
            (value, unitProblem) = acceptable ? (quantity.Value, (string?)null) : ((decimal?)null, $"unit '{quantity.ReceivedUnit}' is not valid for a T- or Z-score");
        }

        var bodySite = JsonConcepts.Describe(Json.AsObject(observation.BodySite));
        var device = Json.AsObject(observation.Device);
        return new DxaResult
        {
            SourceId = id,
            Code = code,
            Site = IsFemoralNeck(bodySite) ? BoneSite.FemoralNeck : site,
            Laterality = side ?? Laterality(bodySite),
            Measure = measure,
            Value = value,
            Unit = AnalyteUnits.For(measure),
            ReceivedValue = quantity?.Value,
            ReceivedUnit = quantity?.ReceivedUnit,
            Comparator = quantity?.Comparator ?? Comparator.None,
            Effective = Effective(observation),
            Status = MapStatus(observation, issues, id),
            UnitProblem = quantity is null ? null : unitProblem,
            Device = device is { } d ? Json.String(d, "display"u8) ?? Json.String(d, "reference"u8) : null,
            FacilityLeastSignificantChange = FacilityLsc(observation, issues, id),
        };
    }

    private (decimal? Value, string? Problem) Normalise(Quantity? quantity, AnalyteUnitProfile profile)
    {
        if (quantity?.Value is not { } received)
        {
            return (null, null);
        }

        if (quantity.UcumUnit is not { } unit)
        {
            return (null, "no unit, so the value cannot be interpreted");
        }

        var conversion = converter.Convert(received, unit, profile);
        return conversion.Problem is null ? (conversion.Value, null) : (null, conversion.Problem);
    }

    private List<ReferenceRange> MapRanges(in ObservationElements observation, Quantity? value, AnalyteUnitProfile profile, List<InputIssue> issues, string id)
    {
        var mapped = new List<ReferenceRange>();
        foreach (var range in Json.AsObjects(observation.ReferenceRange))
        {
            var low = ConvertLimit(Quantity.Read(Json.Object(range, "low"u8), issues, id, "referenceRange.low"), value, profile);
            var high = ConvertLimit(Quantity.Read(Json.Object(range, "high"u8), issues, id, "referenceRange.high"), value, profile);
            if (low.Failed || high.Failed || (low.Value is null && high.Value is null))
            {
                continue;
            }

            mapped.Add(new ReferenceRange(low.Value, high.Value, AppliesTo(Json.Objects(range, "appliesTo"u8))));
        }

        return mapped;
    }

    private (decimal? Value, bool Failed) ConvertLimit(Quantity? limit, Quantity? value, AnalyteUnitProfile profile)
    {
        if (limit?.Value is not { } number)
        {
            return (null, false);
        }

        // A limit without its own unit is in the value's unit (§5: convert with the value's own factor).
        var unit = limit.ReceivedUnit is null && value is not null ? value.UcumUnit : limit.UcumUnit;
        if (unit is null)
        {
            return (null, true);
        }

        var conversion = converter.Convert(number, unit, profile);
        return conversion.Problem is null ? (conversion.Value, false) : (null, true);
    }

    private static RangeAppliesTo AppliesTo(JsonItems appliesTo)
    {
        var (any, male, female) = (false, false, false);
        foreach (var concept in appliesTo)
        {
            any = true;
            foreach (var text in JsonConcepts.Texts(concept))
            {
                (male, female) = (male || IsMale(text), female || IsFemale(text));
            }

            foreach (var code in JsonConcepts.Codes(concept))
            {
                (male, female) = (male || IsMale(code.Code), female || IsFemale(code.Code));
            }
        }

        return !any ? RangeAppliesTo.Anyone
            : male ? RangeAppliesTo.Male
            : female ? RangeAppliesTo.Female
            : RangeAppliesTo.Other;
    }

    private static bool IsMale(string? text) =>
        text is not null && (text.Equals("male", StringComparison.OrdinalIgnoreCase) || text == "248153007" || text.Equals("men", StringComparison.OrdinalIgnoreCase));

    private static bool IsFemale(string? text) =>
        text is not null && (text.Equals("female", StringComparison.OrdinalIgnoreCase) || text == "248152002" || text.Equals("women", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What the method's texts and codes, the code's texts and the notes say about the assay: where labs name it (§5).
    /// Read for every lab result, so each text is searched where it lies in the request, without becoming a string.
    /// </summary>
    private static AssayWording AssayWordingOf(in ObservationElements observation)
    {
        var wording = default(AssayWording);
        if (Json.AsObject(observation.Method) is { } method)
        {
            ReadConcept(method, ref wording, withCodes: true);
        }

        if (Json.AsObject(observation.Code) is { } code)
        {
            ReadConcept(code, ref wording, withCodes: false);
        }

        foreach (var note in Json.AsObjects(observation.Note))
        {
            ReadText(Json.Property(note, "text"u8), ref wording);
        }

        return wording;
    }

    private static void ReadConcept(JsonElement concept, ref AssayWording wording, bool withCodes)
    {
        ReadText(Json.Property(concept, "text"u8), ref wording);
        foreach (var coding in Json.Objects(concept, "coding"u8))
        {
            ReadText(Json.Property(coding, "display"u8), ref wording);
            if (withCodes)
            {
                ReadText(Json.Property(coding, "code"u8), ref wording);
            }
        }
    }

    /// <summary>
    /// Gives a JSON string's text to <paramref name="wording"/> (anything else is skipped). A short string without escapes
    /// is decoded on the stack; others are read as strings.
    /// </summary>
    private static void ReadText(JsonElement? value, ref AssayWording wording)
    {
        if (value is not { ValueKind: JsonValueKind.String } text)
        {
            return;
        }

        var utf8 = JsonMarshal.GetRawUtf8Value(text)[1..^1];
        if (utf8.Length > MaxStackTextBytes || utf8.Contains((byte)'\\'))
        {
            wording.Read(text.GetString());
            return;
        }

        // UTF-8 never has fewer bytes than the text has UTF-16 chars, so the buffer is large enough.
        Span<char> chars = stackalloc char[MaxStackTextBytes];
        wording.Read(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    private const int MaxStackTextBytes = 256;

    private static DateTimeOffset? Effective(in ObservationElements observation) =>
        observation.EffectiveDateTime is { ValueKind: JsonValueKind.String } ? Json.AsInstant(observation.EffectiveDateTime)
        : observation.EffectiveInstant is { ValueKind: JsonValueKind.String } ? Json.AsInstant(observation.EffectiveInstant)
        : Json.AsObject(observation.EffectivePeriod) is { } period ? Json.Instant(period, "start"u8)
        : null;

    private static bool? IsPositive(JsonElement value) =>
        JsonConcepts.Codes(value).Contains(Snomed.Positive)
        || JsonConcepts.Texts(value).Any(t => t is not null && t.StartsWith("positive", StringComparison.OrdinalIgnoreCase));

    private static bool IsScoreText(string? unit) =>
        unit is not null && (unit.Equals("T-score", StringComparison.OrdinalIgnoreCase) || unit.Equals("Z-score", StringComparison.OrdinalIgnoreCase)
            || unit.Equals("SD", StringComparison.OrdinalIgnoreCase));

    private static bool IsFemoralNeck(string bodySite) => bodySite.Contains("neck", StringComparison.OrdinalIgnoreCase);

    private static string? Laterality(string bodySite) =>
        bodySite.Contains("left", StringComparison.OrdinalIgnoreCase) ? "left"
        : bodySite.Contains("right", StringComparison.OrdinalIgnoreCase) ? "right"
        : null;

    private static decimal? FacilityLsc(in ObservationElements observation, List<InputIssue> issues, string id)
    {
        foreach (var component in Json.AsObjects(observation.Component))
        {
            var name = JsonConcepts.Describe(Json.Object(component, "code"u8));
            if ((name.Contains("least significant change", StringComparison.OrdinalIgnoreCase) || name.Contains("LSC", StringComparison.Ordinal))
                && Quantity.Read(Json.Object(component, "valueQuantity"u8), issues, id, "component") is { Value: > 0m } lsc
                && lsc.ReceivedUnit is UcumUnits.GramsPerSquareCentimetre)
            {
                return lsc.Value;
            }
        }

        foreach (var note in Json.AsObjects(observation.Note))
        {
            var match = LscNote().Match(Json.String(note, "text"u8) ?? string.Empty);
            if (match.Success && decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m)
            {
                return value;
            }
        }

        return null;
    }

    private static ResultStatus MapStatus(in ObservationElements observation, List<InputIssue> issues, string id)
    {
        var status = observation.Status;
        if (status is { ValueKind: not JsonValueKind.String })
        {
            issues.Add(new InputIssue($"{id}.status", "'status' is not a code"));
        }

        var code = status is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        if (code is not null && !KnownStatuses.Contains(code))
        {
            issues.Add(new InputIssue($"{id}.status", $"'{code}' is not an ObservationStatus"));
        }

        return code switch
        {
            "registered" => ResultStatus.Registered,
            "preliminary" => ResultStatus.Preliminary,
            "final" => ResultStatus.Final,
            "amended" => ResultStatus.Amended,
            "corrected" => ResultStatus.Corrected,
            "cancelled" => ResultStatus.Cancelled,
            "entered-in-error" => ResultStatus.EnteredInError,
            _ => ResultStatus.Unknown,
        };
    }

    private static readonly string[] KnownStatuses = ["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"];

    [GeneratedRegex(@"\b(LSC|least significant change)\b[^0-9]{0,20}(?<value>0?\.[0-9]+)\s*g/cm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LscNote();

    /// <summary>A FHIR Quantity as received; the system is only compared with UCUM's, never kept as a string.</summary>
    private sealed record Quantity(decimal? Value, Comparator Comparator, string? Unit, bool IsUcum, string? Code)
    {
        /// <summary>The unit as received: the code, else the unit text.</summary>
        public string? ReceivedUnit => Code ?? Unit;

        /// <summary>The UCUM code when the system is UCUM, else the unit text mapped through the known spellings (§2).</summary>
        public string? UcumUnit =>
            IsUcum && !string.IsNullOrWhiteSpace(Code) ? Code.Trim()
            : string.IsNullOrWhiteSpace(Unit) ? null
            : UnitSpellings.ToUcum(Unit);

        public static Quantity? Read(JsonElement? element, List<InputIssue> issues, string resourceId, string path) =>
            element is not { } q ? null
            : new Quantity(
                Json.Decimal(q, "value"u8, issues, resourceId, path),
                Json.String(q, "comparator"u8) switch
                {
                    "<" => Comparator.LessThan,
                    "<=" => Comparator.LessOrEqual,
                    ">" => Comparator.GreaterThan,
                    ">=" => Comparator.GreaterOrEqual,
                    _ => Comparator.None,
                },
                Json.String(q, "unit"u8),
                Json.Property(q, "system"u8) is { ValueKind: JsonValueKind.String } system && system.ValueEquals(CodeSystems.Ucum),
                Json.String(q, "code"u8));
    }
}
