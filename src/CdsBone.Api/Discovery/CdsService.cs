using CdsBone.Rules.Evaluation;

namespace CdsBone.Api.Discovery;

/// <summary>One CDS service of the discovery document.</summary>
/// <param name="Id">The URL segment, e.g. <c>anastrozole-order-sign</c>.</param>
/// <param name="Hook">The hook it serves, e.g. <c>order-sign</c>.</param>
/// <param name="Trigger">The hook as the rules see it.</param>
/// <param name="PrefetchTemplates">Prefetch key → template, as discovery declares them.</param>
public sealed record CdsService(string Id, string Hook, HookTrigger Trigger, IReadOnlyDictionary<string, string> PrefetchTemplates);
