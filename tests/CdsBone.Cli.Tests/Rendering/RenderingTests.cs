using System.Text.Json;
using CdsBone.Cli.Commands;
using CdsBone.Cli.Rendering;
using Spectre.Console;

namespace CdsBone.Cli.Tests.Rendering;

public sealed class RenderingTests
{
    [Fact]
    public void Table_cells_split_on_unescaped_pipes() =>
        Assert.Equal(["a", "b|c", "**d**"], MarkdownText.Cells("| a | b\\|c | **d** |"));

    [Theory]
    [InlineData("## Why", "[bold underline]Why[/]")]
    [InlineData("- **T1**: estradiol [58]", "• [bold]T1[/]: estradiol [[58]]")]
    [InlineData("see [E1](https://x.org/a)", "see E1 [blue](https://x.org/a)[/]")]
    [InlineData("<b>raw</b>", "<b>raw</b>")]
    public void Markdown_lines_become_safe_markup(string markdown, string markup) =>
        Assert.Equal(markup, MarkdownText.Line(markdown));

    [Fact]
    public void A_card_shows_indicator_summary_table_suggestions_and_rules()
    {
        var card = JsonDocument.Parse("""
            {"summary":"Reduce anastrozole","indicator":"warning","uuid":"u-1","detail":"Values\n\n| Analyte | Value |\n|---|---|\n| estradiol | 26 pg/mL |\n",
             "source":{"label":"CdsBone","topic":{"system":"s","code":"reduce-dose"}},"selectionBehavior":"at-most-one",
             "suggestions":[{"label":"Reduce to 0.25 mg","isRecommended":true}],
             "links":[{"label":"Evidence","url":"https://e.org","type":"absolute"}],
             "extension":{"org.cdsbone":{"ruleIds":["A2"],"rulesetVersion":"2026.12-1"}}}
            """).RootElement;
        var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        ansi.Profile.Width = 200;

        CardView.Write(ansi, JsonDocument.Parse($$"""{"cards":[{{card.GetRawText()}}]}""").RootElement);

        var text = console.ToString();
        Assert.Contains("WARNING", text, StringComparison.Ordinal);
        Assert.Contains("Reduce anastrozole", text, StringComparison.Ordinal);
        Assert.Matches(@"│\s*estradiol\s*│\s*26 pg/mL\s*│", text);
        Assert.Contains("★ Reduce to 0.25 mg", text, StringComparison.Ordinal);
        Assert.Contains("https://e.org", text, StringComparison.Ordinal);
        Assert.Contains("recommendation: reduce-dose", text, StringComparison.Ordinal);
        Assert.Contains("rules: A2", text, StringComparison.Ordinal);
        Assert.Contains("ruleset 2026.12-1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"cards":[{"summary":"[bold","indicator":"[red]","detail":"| [x | y] |\n|---|---|\n| **[a** | `]` |","source":{"label":"[/]"}}]}""")]
    [InlineData("""{"cards":"none"}""")]
    [InlineData("""[1, 2]""")]
    public void Whatever_a_service_sends_renders_without_a_crash(string response)
    {
        var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console), Ansi = AnsiSupport.No });

        CardView.Write(ansi, JsonDocument.Parse(response).RootElement);

        Assert.NotEmpty(console.ToString());
    }

    [Fact]
    public void Accepted_feedback_names_its_suggestions_and_overrides_may_have_no_reason()
    {
        var now = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

        var accepted = FeedbackCommand.Entry("c1", "accepted", ["s1"], null, "sys", null, now);
        var overridden = FeedbackCommand.Entry("c1", "overridden", [], null, "sys", null, now);
        var reasoned = FeedbackCommand.Entry("c1", "overridden", [], "clinician-judgement", "sys", null, now);

        Assert.Equal("s1", Assert.Single(accepted.AcceptedSuggestions!).Id);
        Assert.Null(overridden.OverrideReason);
        Assert.Equal("clinician-judgement", reasoned.OverrideReason!.Reason!.Code);
        Assert.Throws<CliException>(() => FeedbackCommand.Entry("c1", "accepted", [], null, "sys", null, now));
        Assert.Throws<CliException>(() => FeedbackCommand.Entry("c1", "accepted", ["s1"], "x", "sys", null, now));
    }
}
