namespace CdsBone.Api.TrendView;

/// <summary>The page's only style sheet (served from <c>/app/trends.css</c>; the CSP allows styles from 'self' only).</summary>
internal static class TrendStyles
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 0 1rem 2rem; color: #1b1b1b; }
        header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
        h1 { font-size: 1.5rem; margin: 1rem 0 0.25rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
        .patient, .unit, .source, .none { color: #555; }
        .pair { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        figure { margin: 0; flex: 1 1 560px; max-width: 760px; }
        figure svg { width: 100%; height: auto; }
        figcaption { font-size: 0.85rem; }
        .band { padding: 0 0.3rem; border-radius: 3px; }
        .band-critical { background: #f8c9c9; }
        .band-warning { background: #fde0c2; }
        .band-caution { background: #fdf3c0; }
        .legend-unusable { color: #777; }
        .series { display: block; }
        table { border-collapse: collapse; font-size: 0.85rem; flex: 1 1 360px; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
        th, td { border: 1px solid #ddd; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
        tr.unusable td { color: #888; background: #f4f4f4; }
        .course-ai td:first-child { border-left: 4px solid steelblue; }
        .course-testosterone td:first-child { border-left: 4px solid olivedrab; }
        .recommendation { background: #eef4fb; padding: 0.25rem 1rem 0.5rem; border-radius: 4px; }
        @media print { .pair { display: block; } figure { max-width: 100%; } a { color: inherit; } }
        """;
}
