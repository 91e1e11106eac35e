using CdsBone.Rules.Assembly;
using CdsBone.Rules.Options;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Evaluation;

/// <summary>
/// Evaluates the rules of §5 for one request: builds the clinical picture, runs the rules in order, and assembles at
/// most three decisions. Pure and thread-safe: one instance serves every request.
/// </summary>
/// <param name="options">The thresholds and windows.</param>
public sealed class RuleEngine(RuleOptions options)
{
    private readonly RuleOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Evaluates <paramref name="request"/>.</summary>
    public EvaluationResult Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var picture = new ClinicalPicture(request, _options);
        if (picture.Treatment.Situation == AiSituation.None)
        {
            return new EvaluationResult
            {
                Decisions = [],
                Findings = [],
                Ignored = [],
                InputIssues = request.Facts.InputIssues,
                Situation = AiSituation.None,
                RulesetVersion = _options.RulesetVersion,
            };
        }

        var context = new RuleContext(picture);
        var findings = new List<RuleFinding>();
        foreach (var rule in RuleSet.Rules)
        {
            var before = findings.Count;
            findings.AddRange(rule.Evaluate(context));
            if (findings.Count > before)
            {
                context.MarkFired(rule.Id);
            }
        }

        var notes = ContextNotes.Collect(context);
        var shown = request.Trigger == HookTrigger.PatientView
            ? findings.Where(f => f.Recommendation != Recommendation.NoChange).ToList()
            : findings;
        var (assembled, ignored) = DecisionAssembler.Assemble(shown, notes, picture);
        var concepts = ConceptsUsed.Collect(picture);
        var decisions = assembled.Select(d => d with { Concepts = concepts }).ToList();

        return new EvaluationResult
        {
            Decisions = decisions,
            Findings = findings,
            Ignored = ignored,
            InputIssues = request.Facts.InputIssues,
            Situation = picture.Treatment.Situation,
            RulesetVersion = _options.RulesetVersion,
        };
    }
}
