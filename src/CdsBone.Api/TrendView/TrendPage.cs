using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdsBone.Api.TrendView;

/// <summary>
/// The app's HTML, rendered on the server: no script at all, one style sheet from <c>/app/trends.css</c>, every chart
/// beside a table of the same values (readable without the picture, printable). Every text from the record is encoded.
/// </summary>
internal static class TrendPage
{
    private const string HtmlType = "text/html; charset=utf-8";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>A page with one message (launch refused, session missing, data unavailable).</summary>
    public static ContentHttpResult Message(int status, string title, string message, string? action = null, string? actionLabel = null)
    {
        var html = new StringBuilder();
        Open(html, title);
        html.Append("<main><h1>").Append(E(title)).Append("</h1><p>").Append(E(message)).Append("</p>");
        if (action is not null)
        {
            html.Append("<p><a href=\"").Append(E(action)).Append("\">").Append(E(actionLabel ?? action)).Append("</a></p>");
        }

        html.Append("</main></body></html>");
        return TypedResults.Content(html.ToString(), HtmlType, Encoding.UTF8, status);
    }

    /// <summary>The trends page.</summary>
    public static ContentHttpResult Trends(TrendReport report)
    {
        var html = new StringBuilder(64 * 1024);
        Open(html, "Hormone and bone trends");
        html.Append("<header><h1>Hormone and bone trends</h1><p class=\"patient\">")
            .Append(E(Patient(report.Patient, report.Age))).Append(" · as of ").Append(TrendSeriesBuilder.Day(report.Now))
            .Append(" · thresholds of ruleset ").Append(E(report.RulesetVersion)).Append("</p></header><main>");
        Recommendation(html, report.AppContext);
        Courses(html, report.Courses);
        foreach (var (chart, svg) in report.Charts)
        {
            Chart(html, chart, svg);
        }

        html.Append("</main></body></html>");
        return TypedResults.Content(html.ToString(), HtmlType, Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static void Open(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(TrendViewPaths.StyleSheet).Append("\"></head><body>");

    private static string Patient(PatientFacts patient, int? age)
    {
        var sex = patient.Sex switch
        {
            Sex.Male => "male",
            Sex.Female => "female",
            _ => "sex not recorded",
        };
        return age is { } years ? string.Create(CultureInfo.InvariantCulture, $"{sex}, {years} years") : sex;
    }

    private static void Recommendation(StringBuilder html, TrendAppContext? context)
    {
        html.Append("<section class=\"recommendation\" aria-labelledby=\"recommendation\"><h2 id=\"recommendation\">The card's recommendation</h2>");
        if (context is null)
        {
            html.Append("<p>Opened without a card: no recommendation to show.</p></section>");
            return;
        }

        var rules = context.RuleIds.Select(r => Enum.TryParse<RuleId>(r, out var id) ? id : (RuleId?)null).OfType<RuleId>().ToList();
        var display = Enum.GetValues<Recommendation>().Where(r => r.ToCode() == context.Recommendation).Select(r => r.ToDisplay()).FirstOrDefault() ?? context.Recommendation;
        html.Append("<p><strong>").Append(E(display)).Append("</strong> (<code>").Append(E(context.Recommendation)).Append("</code>), rules ")
            .Append(E(string.Join(", ", context.RuleIds))).Append(", ruleset ").Append(E(context.RulesetVersion)).Append(".</p>");
        var citations = rules.SelectMany(Citations.For).Distinct().ToList();
        if (citations.Count > 0)
        {
            html.Append("<p>Evidence:</p><ul class=\"evidence\">");
            foreach (var citation in citations)
            {
                html.Append("<li><a href=\"").Append(E(citation.Url)).Append("\" rel=\"noopener noreferrer\">[").Append(E(citation.Key)).Append("] ").Append(E(citation.Title)).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    private static void Courses(StringBuilder html, IReadOnlyList<TherapyCourse> courses)
    {
        html.Append("<section class=\"courses\" aria-labelledby=\"courses\"><h2 id=\"courses\">Aromatase-inhibitor and testosterone courses</h2>");
        if (courses.Count == 0)
        {
            html.Append("<p>None recorded.</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Medication</th><th scope=\"col\">Class</th><th scope=\"col\">Dose</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Status</th></tr></thead><tbody>");
        foreach (var course in courses)
        {
            var kind = course.Class == TherapyClass.AromataseInhibitor ? "ai" : "testosterone";
            html.Append("<tr class=\"course-").Append(kind).Append("\"><td>").Append(E(course.Label)).Append("</td><td>")
                .Append(course.Class == TherapyClass.AromataseInhibitor ? "aromatase inhibitor" : "testosterone").Append("</td><td>")
                .Append(E(course.Dose ?? "not readable")).Append("</td><td>").Append(TrendSeriesBuilder.Day(course.Start)).Append("</td><td>")
                .Append(course.End is { } end ? TrendSeriesBuilder.Day(end) : "ongoing or not recorded").Append("</td><td>")
                .Append(E(course.Status.ToString().ToLowerInvariant())).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Chart(StringBuilder html, TrendChart chart, string? svg)
    {
        var ai = chart.Courses.Count(c => c.Class == TherapyClass.AromataseInhibitor);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"analyte\" id=\"chart-{chart.Id}\" data-analyte=\"{chart.Id}\" data-points=\"{chart.PlottedCount}\" data-bands=\"{chart.Bands.Count}\" data-ai-courses=\"{ai}\" aria-labelledby=\"title-{chart.Id}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"title-{chart.Id}\">").Append(E(chart.Title));
        if (chart.Unit != "1")
        {
            html.Append(" <span class=\"unit\">(").Append(E(chart.Unit)).Append(")</span>");
        }

        html.Append("</h2>");
        if (chart.Points.Count == 0)
        {
            html.Append("<p class=\"none\">No results recorded.</p></section>");
            return;
        }

        html.Append("<div class=\"pair\">");
        if (svg is not null)
        {
            html.Append("<figure>").Append(svg).Append("<figcaption><span class=\"series\">");
            html.Append(E(string.Join(", ", TrendChartSvg.SeriesColours(chart).Select(s => $"{s.Series}: {s.Colour}"))))
                .Append("; ▲ at least, ▼ at most (a bound)</span> ");
            foreach (var band in chart.Bands)
            {
                html.Append("<span class=\"band band-").Append(band.Severity.ToString().ToLowerInvariant()).Append("\">").Append(E(band.Label)).Append("</span> ");
            }

            if (chart.BandSource is { } source)
            {
                html.Append("<span class=\"source\">limits: ").Append(E(source)).Append("</span> ");
            }

            html.Append("<span class=\"legend-unusable\">grey: not usable (see the table)</span></figcaption></figure>");
        }

        html.Append("<table><caption>").Append(E(chart.Title)).Append(" results</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Value</th><th scope=\"col\">As received</th><th scope=\"col\">Series</th><th scope=\"col\">Used by the rules</th></tr></thead><tbody>");
        foreach (var point in chart.Points)
        {
            html.Append(point.Usable ? "<tr>" : "<tr class=\"unusable\">")
                .Append("<td>").Append(point.Date is { } date ? TrendSeriesBuilder.Day(date) : "no date").Append("</td><td>")
                .Append(point.Value is { } value ? Bound(point.Kind) + Rules.Picture.Describe.Number(value) : "—").Append("</td><td>")
                .Append(E(point.Received)).Append("</td><td>").Append(E(point.Series)).Append("</td><td>")
                .Append(point.Usable ? "yes" : "no: " + E(point.Reason ?? "not usable")).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string Bound(PointKind kind) => kind switch
    {
        PointKind.UpperBound => "&lt;",
        PointKind.LowerBound => "&gt;",
        _ => string.Empty,
    };

    private static string E(string text) => Encoder.Encode(text);
}
