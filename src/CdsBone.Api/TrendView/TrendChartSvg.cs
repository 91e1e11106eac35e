using System.Globalization;
using System.Text.RegularExpressions;
using CdsBone.Rules.Facts;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace CdsBone.Api.TrendView;

/// <summary>
/// A <see cref="TrendChart"/> as SVG, drawn by OxyPlot.Core's SVG exporter: bands and courses as shaded rectangles,
/// each series' exact values joined by a line, bounds as triangles pointing the way the true value lies, results that
/// decide nothing in grey. Pure: the same chart and "now" give the same SVG; tests call it without HTTP.
/// </summary>
public static partial class TrendChartSvg
{
    /// <summary>Drawing width, SVG user units (the page scales it to its column).</summary>
    public const double Width = 720;

    /// <summary>Drawing height, SVG user units.</summary>
    public const double Height = 300;

    /// <summary>The fill of a result that decides nothing (greyed, with the reason in the table).</summary>
    public static readonly OxyColor Unusable = OxyColor.FromRgb(0x9e, 0x9e, 0x9e);

    private const double MarkerSize = 5;
    private const double PaddingFraction = 0.1;
    private const double MinimumSpanDays = 30;
    private const double LabelStepFraction = 0.07;
    private static readonly OxyColor[] Palette = [OxyColor.FromRgb(0x1f, 0x4e, 0x9a), OxyColor.FromRgb(0x8e, 0x24, 0xaa), OxyColor.FromRgb(0x00, 0x79, 0x6b), OxyColor.FromRgb(0xc5, 0x5a, 0x11)];
    private static readonly string[] PaletteNames = ["blue", "purple", "teal", "orange"];
    private static readonly ScreenPoint[] DownTriangle = [new(-1, -0.8), new(1, -0.8), new(0, 1)];

    /// <summary>The SVG element (no XML prolog) of <paramref name="chart"/>; courses without an end run to <paramref name="now"/>.</summary>
    public static string Render(TrendChart chart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var model = Model(chart, now);
        var svg = SvgExporter.ExportToString(model, Width, Height, isDocument: false);

        // Inline in a page, not a document: no XML prolog; the clip path's id made unique per chart (every export
        // names its first one "clipPath1", and ids are page-wide).
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..]
            .Replace("id=\"clipPath", $"id=\"{chart.Id}-clipPath", StringComparison.Ordinal)
            .Replace("url(#clipPath", $"url(#{chart.Id}-clipPath", StringComparison.Ordinal);

        // The page's CSP forbids inline styles (style-src 'self'): OxyPlot writes each element's paint as a style
        // attribute, so it is rewritten as SVG presentation attributes, which are not styles and need no exception.
        return StyleAttribute().Replace(svg, match => string.Join(' ', match.Groups["css"].Value
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(declaration => declaration.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => $"{pair[0].Trim()}=\"{pair[1].Trim()}\"")));
    }

    /// <summary>The OxyPlot model (exposed to tests that check what is drawn without parsing SVG).</summary>
    public static PlotModel Model(TrendChart chart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plotted = chart.Points.Where(p => p.IsPlotted).ToList();
        var model = new PlotModel { IsLegendVisible = false, PlotAreaBorderColor = OxyColors.Gray, DefaultFont = "sans-serif" };
        var (first, last) = TimeRange(plotted, chart.Courses, now);
        model.Axes.Add(new DateTimeAxis { Position = AxisPosition.Bottom, Minimum = first, Maximum = last, StringFormat = "yyyy-MM-dd", MajorGridlineStyle = LineStyle.Dot });
        var (low, high) = ValueRange(plotted, chart.Bands);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = low, Maximum = high, Title = chart.Unit == "1" ? null : chart.Unit, MajorGridlineStyle = LineStyle.Dot });

        foreach (var band in chart.Bands)
        {
            model.Annotations.Add(new RectangleAnnotation
            {
                MinimumY = band.From is { } from ? (double)from : low,
                MaximumY = band.To is { } to ? (double)to : high,
                Fill = BandColor(band.Severity),
                Layer = AnnotationLayer.BelowSeries,
                ToolTip = band.Label,
            });
        }

        // Each course's label on its own line from the top, so that courses starting together stay readable.
        var labelStep = (high - low) * LabelStepFraction;
        foreach (var (course, index) in chart.Courses.Select((c, i) => (c, i)))
        {
            model.Annotations.Add(new RectangleAnnotation
            {
                MinimumX = DateTimeAxis.ToDouble(course.Start.UtcDateTime),
                MaximumX = DateTimeAxis.ToDouble((course.End ?? now).UtcDateTime),
                Fill = course.Class == TherapyClass.AromataseInhibitor ? OxyColor.FromAColor(40, OxyColors.SteelBlue) : OxyColor.FromAColor(40, OxyColors.OliveDrab),
                Layer = AnnotationLayer.BelowSeries,
                Text = course.Dose is { } dose ? $"{course.Label}, {dose}" : course.Label,
                TextColor = OxyColors.DimGray,
                FontSize = 10,
                TextVerticalAlignment = VerticalAlignment.Top,
                TextPosition = new DataPoint(DateTimeAxis.ToDouble(course.Start.UtcDateTime), high - (index * labelStep)),
                TextHorizontalAlignment = HorizontalAlignment.Left,
            });
        }

        var seriesNames = SeriesNames(chart);
        foreach (var (name, index) in seriesNames.Select((n, i) => (n, i)))
        {
            var color = Palette[index % Palette.Length];
            var exact = plotted.Where(p => p.Series == name && p.Usable && p.Kind == PointKind.Value).ToList();
            if (exact.Count > 1)
            {
                var line = new LineSeries { Color = color, StrokeThickness = 1.5 };
                line.Points.AddRange(exact.Select(ToDataPoint));
                model.Series.Add(line);
            }

            foreach (var group in plotted.Where(p => p.Series == name).GroupBy(p => (p.Kind, p.Usable)))
            {
                var markers = new ScatterSeries
                {
                    MarkerType = group.Key.Kind switch
                    {
                        PointKind.LowerBound => MarkerType.Triangle,
                        PointKind.UpperBound => MarkerType.Custom,
                        _ => MarkerType.Circle,
                    },
                    MarkerOutline = group.Key.Kind == PointKind.UpperBound ? DownTriangle : null,
                    MarkerSize = MarkerSize,
                    MarkerFill = group.Key.Usable ? color : Unusable,
                    MarkerStroke = group.Key.Usable ? color : OxyColors.DimGray,
                    MarkerStrokeThickness = 1,
                };
                markers.Points.AddRange(group.Select(p => new ScatterPoint(DateTimeAxis.ToDouble(p.Date!.Value.UtcDateTime), (double)p.Value!.Value)));
                model.Series.Add(markers);
            }
        }

        return model;
    }

    /// <summary>Each plotted series with the colour it is drawn in, for the caption (the SVG has no legend of its own).</summary>
    public static IReadOnlyList<(string Series, string Colour)> SeriesColours(TrendChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return SeriesNames(chart).Select((name, index) => (name, PaletteNames[index % PaletteNames.Length])).ToList();
    }

    private static List<string> SeriesNames(TrendChart chart) =>
        chart.Points.Where(p => p.IsPlotted).Select(p => p.Series).Distinct(StringComparer.Ordinal).ToList();

    private static DataPoint ToDataPoint(TrendPoint point) => new(DateTimeAxis.ToDouble(point.Date!.Value.UtcDateTime), (double)point.Value!.Value);

    private static OxyColor BandColor(BandSeverity severity) => severity switch
    {
        BandSeverity.Critical => OxyColor.FromAColor(60, OxyColors.Red),
        BandSeverity.Warning => OxyColor.FromAColor(45, OxyColors.DarkOrange),
        _ => OxyColor.FromAColor(45, OxyColors.Gold),
    };

    private static (double First, double Last) TimeRange(List<TrendPoint> points, IReadOnlyList<TherapyCourse> courses, DateTimeOffset now)
    {
        var dates = points.Select(p => p.Date!.Value).Concat(courses.Select(c => c.Start)).ToList();
        var first = dates.Count > 0 ? dates.Min() : now.AddDays(-MinimumSpanDays);
        var last = now > first ? now : first;
        var span = Math.Max((last - first).TotalDays, MinimumSpanDays);
        return (DateTimeAxis.ToDouble(first.AddDays(-span * PaddingFraction).UtcDateTime), DateTimeAxis.ToDouble(last.AddDays(span * PaddingFraction).UtcDateTime));
    }

    private static (double Low, double High) ValueRange(List<TrendPoint> points, IReadOnlyList<ThresholdBand> bands)
    {
        var values = points.Select(p => (double)p.Value!.Value)
            .Concat(bands.SelectMany(b => new[] { b.From, b.To }).OfType<decimal>().Select(v => (double)v))
            .ToList();
        if (values.Count == 0)
        {
            return (0, 1);
        }

        var (low, high) = (values.Min(), values.Max());
        var pad = Math.Max((high - low) * PaddingFraction, Math.Abs(high) * PaddingFraction + double.Epsilon);
        return (low - pad, high + pad);
    }

    /// <summary>A date as the chart's axis writes it.</summary>
    public static string Day(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("style=\"(?<css>[^\"]*)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StyleAttribute();
}
