using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.Treatment;

/// <summary>T3: an AI within a fertility protocol (clomiphene, hCG or gonadorelin without TRT): a context line on the other cards [E2].</summary>
public sealed class T3FertilityProtocol : IContextRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.T3;

    /// <inheritdoc />
    public string? Note(RuleContext context) =>
        context.Picture.Treatment.FertilityProtocolAgent is { } agent
            ? $"T3: fertility protocol ({agent.Description}, no testosterone therapy): the AUA allows off-label SERM, hCG or AI use to preserve fertility."
            : null;
}
