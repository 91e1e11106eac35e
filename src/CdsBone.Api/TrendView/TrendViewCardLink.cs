using CdsBone.Api.CdsHooks;
using CdsBone.Api.Options;
using CdsBone.Rules.Evaluation;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.TrendView;

/// <summary>
/// The "Hormone and bone trends" link of a decision card: a <c>smart</c> link to <c>{PublicBaseUrl}/app/launch</c>
/// (CDS Hooks 2.0 §Link: the EHR adds <c>iss</c> and <c>launch</c>), with the card's <see cref="TrendAppContext"/>.
/// None when the app or its card link is switched off, or when the public base URL is unknown.
/// </summary>
public sealed class TrendViewCardLink(IOptions<TrendViewOptions> trendView, IOptions<CdsBoneOptions> service)
{
    /// <summary>The link's label.</summary>
    public const string Label = "Hormone and bone trends";

    private readonly string? _launchUrl = trendView.Value is { Enabled: true, CardLink: true } && !string.IsNullOrEmpty(service.Value.PublicBaseUrl)
        ? $"{service.Value.PublicBaseUrl.TrimEnd('/')}{TrendViewPaths.Launch}"
        : null;

    /// <summary>The link for the card <paramref name="cardUuid"/> of <paramref name="decision"/>, or null.</summary>
    public CardLink? For(string cardUuid, Decision decision, string rulesetVersion)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (_launchUrl is null)
        {
            return null;
        }

        var context = new TrendAppContext(cardUuid, decision.Recommendation.ToCode(), decision.RuleIds.Select(r => r.ToString()).ToList(), rulesetVersion);
        return new CardLink(Label, _launchUrl, "smart", context.ToJson());
    }
}
