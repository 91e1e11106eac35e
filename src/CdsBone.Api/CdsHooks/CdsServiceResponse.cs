using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CdsBone.Api.CdsHooks;

/// <summary>The response of a CDS service: <c>{"cards": [...]}</c>, <c>[]</c> when there is nothing to say.</summary>
/// <param name="Cards">The cards.</param>
public sealed record CdsServiceResponse(IReadOnlyList<Card> Cards);

/// <summary>Card urgency (CDS Hooks <c>indicator</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardIndicator>))]
public enum CardIndicator
{
    /// <summary>info.</summary>
    [JsonStringEnumMemberName("info")]
    Info,
    /// <summary>warning.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
    /// <summary>critical.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,
}

/// <summary>A CDS Hooks card (<see href="https://cds-hooks.hl7.org/2.0/#card-attributes"/>).</summary>
public sealed record Card
{
    /// <summary>A fresh UUID; the client echoes it in feedback.</summary>
    public required string Uuid { get; init; }

    /// <summary>Under 140 characters, naming the decisive value.</summary>
    public required string Summary { get; init; }

    /// <summary>Markdown: reasons, the evidence table, what was not used, context and citations.</summary>
    public string? Detail { get; init; }

    /// <summary>Urgency.</summary>
    public required CardIndicator Indicator { get; init; }

    /// <summary>Where the advice comes from, with the recommendation as <c>topic</c>.</summary>
    public required CardSource Source { get; init; }

    /// <summary>Actionable suggestions; null (omitted) when none.</summary>
    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    /// <summary><c>at-most-one</c> whenever suggestions are present.</summary>
    public string? SelectionBehavior { get; init; }

    /// <summary>Reasons a clinician may give for overriding.</summary>
    public IReadOnlyList<Coding>? OverrideReasons { get; init; }

    /// <summary>Links to the evidence behind the rules that fired.</summary>
    public IReadOnlyList<CardLink>? Links { get; init; }

    /// <summary><c>{"org.cdsbone": {ruleIds, rulesetVersion, evidence}}</c>: machine-readable, for integrators.</summary>
    public CardExtensions? Extension { get; init; }
}

/// <summary>card.extension: CdsBone's own member, under a key that names it.</summary>
/// <param name="CdsBone">The rules and evidence behind the card.</param>
public sealed record CardExtensions([property: JsonPropertyName(CardExtensions.Key)] CdsBoneExtension CdsBone)
{
    /// <summary>The extension key.</summary>
    public const string Key = "org.cdsbone";
}

/// <summary>The rules that fired and the values they used.</summary>
/// <param name="RuleIds">Rule IDs, e.g. <c>T1</c>.</param>
/// <param name="RulesetVersion">The version of the rule set.</param>
/// <param name="Evidence">The values used; omitted when none.</param>
/// <param name="Concepts">The conditions and therapies read, with the value set that recognised each; omitted when none.</param>
public sealed record CdsBoneExtension(
    IReadOnlyList<string> RuleIds, string RulesetVersion, IReadOnlyList<EvidenceEntry>? Evidence, IReadOnlyList<ConceptEntry>? Concepts = null);

/// <summary>A condition or therapy a card's evaluation read, and how its concept class was recognised.</summary>
public sealed record ConceptEntry
{
    /// <summary>The FHIR reference, e.g. <c>Condition/12</c>.</summary>
    public required string Reference { get; init; }

    /// <summary>The concept class, e.g. <c>breast-cancer</c>.</summary>
    public required string Class { get; init; }

    /// <summary><c>value-set</c>, <c>icd-10-cm-prefix</c> or <c>text</c>.</summary>
    public required string RecognisedBy { get; init; }

    /// <summary>The value set that lists the code, as <c>url|version</c>.</summary>
    public string? ValueSet { get; init; }

    /// <summary>The ICD-10-CM prefix rule or the text stem that matched.</summary>
    public string? Rule { get; init; }
}

/// <summary>One value a card used. Absent values are omitted, never null (checklist 1.A.2).</summary>
public sealed record EvidenceEntry
{
    /// <summary>The analyte or measure, e.g. <c>estradiol</c>.</summary>
    public required string Analyte { get; init; }

    /// <summary>The LOINC code of the result.</summary>
    public string? Loinc { get; init; }

    /// <summary>The value in <see cref="Unit"/>, rounded to three decimals.</summary>
    public decimal? Value { get; init; }

    /// <summary>The canonical unit the rules compare in.</summary>
    public required string Unit { get; init; }

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c> when the result was a bound.</summary>
    public string? Comparator { get; init; }

    /// <summary>The value as received.</summary>
    public decimal? ReceivedValue { get; init; }

    /// <summary>The unit as received.</summary>
    public string? ReceivedUnit { get; init; }

    /// <summary>When it was measured, UTC (<c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
    public string? Effective { get; init; }

    /// <summary>The result's status.</summary>
    public required string Status { get; init; }

    /// <summary>The assay class, for hormones.</summary>
    public string? Assay { get; init; }

    /// <summary>The Observation reference.</summary>
    public string? Observation { get; init; }

    /// <summary>The results a derived value was computed from.</summary>
    public IReadOnlyList<string>? DerivedFrom { get; init; }
}

/// <summary>card.source.</summary>
/// <param name="Label">Human-readable source label.</param>
/// <param name="Url">An absolute URL about the source.</param>
/// <param name="Topic">The recommendation Coding.</param>
public sealed record CardSource(string Label, string? Url, Coding? Topic);

/// <summary>A CDS Hooks Coding (system and code required; display required for override reasons).</summary>
/// <param name="System">Code system URI.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">Human-readable text.</param>
public sealed record Coding(string System, string Code, string? Display);

/// <summary>A suggestion: actions applied together when the clinician accepts it.</summary>
public sealed record Suggestion
{
    /// <summary>Button text.</summary>
    public required string Label { get; init; }

    /// <summary>A UUID, echoed in feedback's acceptedSuggestions.</summary>
    public required string Uuid { get; init; }

    /// <summary>True on the one recommended suggestion; omitted otherwise.</summary>
    public bool? IsRecommended { get; init; }

    /// <summary>The actions.</summary>
    public required IReadOnlyList<CdsAction> Actions { get; init; }
}

/// <summary>A CDS Hooks action.</summary>
public sealed record CdsAction
{
    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Type { get; init; }

    /// <summary>What it does.</summary>
    public required string Description { get; init; }

    /// <summary>The FHIR resource (create, update).</summary>
    public JsonNode? Resource { get; init; }

    /// <summary>The relative reference to delete.</summary>
    public string? ResourceId { get; init; }
}

/// <summary>A card link.</summary>
/// <param name="Label">Link text.</param>
/// <param name="Url">Absolute URL.</param>
/// <param name="Type"><c>absolute</c> (evidence), or <c>smart</c> (the trend view: the EHR adds the launch parameters).</param>
/// <param name="AppContext">For a <c>smart</c> link only: what the EHR passes on to the app (CDS Hooks 2.0 §Link).</param>
public sealed record CardLink(string Label, string Url, string Type, string? AppContext = null);
