using CdsBone.Rules.Evaluation;

namespace CdsBone.Api.Cards;

/// <summary>
/// The "Not used" section of one response's cards. Every card lists every result that was not used (CLINICAL-RULES.md
/// §6) and the decisions share one list, so it is rendered once per response, not once per card: with hundreds of
/// stale results it was the largest part of a card.
/// </summary>
internal sealed class NotUsedSections
{
    private IReadOnlyList<IgnoredResult>? _renderedFor;
    private string _section = string.Empty;

    public string For(IReadOnlyList<IgnoredResult> ignored)
    {
        if (!ReferenceEquals(ignored, _renderedFor))
        {
            _section = DetailMarkdown.NotUsed(ignored);
            _renderedFor = ignored;
        }

        return _section;
    }
}
