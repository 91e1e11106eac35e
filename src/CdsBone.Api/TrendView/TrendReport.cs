using CdsBone.Rules.Facts;

namespace CdsBone.Api.TrendView;

/// <summary>What the trends page shows: the patient's charts (each with its SVG), the courses and the card's context.</summary>
/// <param name="Patient">Sex and birth date, as mapped for the hooks.</param>
/// <param name="Age">Age in completed years, when known.</param>
/// <param name="Now">The moment the page was built.</param>
/// <param name="RulesetVersion">The ruleset whose thresholds are drawn.</param>
/// <param name="Charts">One per analyte, with its SVG (null when it has nothing to plot).</param>
/// <param name="Courses">The AI and testosterone courses.</param>
/// <param name="AppContext">The card's context, when launched from a card.</param>
internal sealed record TrendReport(
    PatientFacts Patient, int? Age, DateTimeOffset Now, string RulesetVersion, IReadOnlyList<(TrendChart Chart, string? Svg)> Charts,
    IReadOnlyList<TherapyCourse> Courses, TrendAppContext? AppContext);
