using System.Text.RegularExpressions;
using CdsBone.Api.TrendView;
using CdsBone.Rules.Facts;
using OxyPlot.Annotations;
using OxyPlot.Series;

namespace CdsBone.Api.Tests.TrendView;

/// <summary>The chart function: series to SVG, without HTTP.</summary>
public sealed class TrendChartSvgTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TrendChart Chart = new(
        "estradiol",
        "Estradiol",
        "pg/mL",
        [
            new(Now.AddDays(-200), 38m, "immunoassay", PointKind.Value, "38 pg/mL", true, null),
            new(Now.AddDays(-100), 30m, "immunoassay", PointKind.Value, "30 pg/mL", true, null),
            new(Now.AddDays(-50), 5m, "LC-MS/MS", PointKind.UpperBound, "<5 pg/mL", true, null),
            new(Now.AddDays(-10), 26m, "immunoassay", PointKind.Value, "26 pg/mL", false, "entered in error (D1)"),
            new(null, 20m, "immunoassay", PointKind.Value, "20 pg/mL", false, "no effective date"),
        ],
        [new("below 10 pg/mL", null, 10m, BandSeverity.Critical), new("above 40 pg/mL", 40m, null, BandSeverity.Warning)],
        "ruleset",
        [new(TherapyClass.AromataseInhibitor, "anastrozole 1 MG Oral Tablet", "0.5 mg twice weekly", Now.AddDays(-150), null, TherapyStatus.Active)]);

    [Fact]
    public void Model_DrawsEveryPlottedPointBandAndCourse()
    {
        var model = TrendChartSvg.Model(Chart, Now);

        Assert.Equal(4, model.Series.OfType<ScatterSeries>().Sum(s => s.Points.Count));
        Assert.Equal(3, model.Annotations.OfType<RectangleAnnotation>().Count());
        Assert.Contains(model.Series.OfType<ScatterSeries>(), s => s.MarkerFill == TrendChartSvg.Unusable && s.Points.Count == 1);
        Assert.Contains(model.Annotations.OfType<RectangleAnnotation>(), a => a.Text == "anastrozole 1 MG Oral Tablet, 0.5 mg twice weekly");
    }

    [Fact]
    public void Render_IsAnSvgElementWithoutInlineStyles()
    {
        var svg = TrendChartSvg.Render(Chart, Now);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains("fill=\"rgb(158,158,158)\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(svg, "<(ellipse|polygon) ", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("id=\"estradiol-clipPath1\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInput_SameSvg()
    {
        Assert.Equal(TrendChartSvg.Render(Chart, Now), TrendChartSvg.Render(Chart, Now));
    }

    [Fact]
    public void Render_AnalyteText_IsEscaped()
    {
        var hostile = Chart with { Courses = [Chart.Courses[0] with { Label = "<script>alert(1)</script>" }] };

        var svg = TrendChartSvg.Render(hostile, Now);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Matches(new Regex("&lt;script&gt;", RegexOptions.None, TimeSpan.FromSeconds(1)), svg);
    }
}
