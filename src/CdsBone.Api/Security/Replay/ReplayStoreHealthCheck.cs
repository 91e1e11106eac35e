using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsBone.Api.Security.Replay;

/// <summary>/readyz: not ready while the replay store is unreachable (every authenticated call would get 503).</summary>
internal sealed class ReplayStoreHealthCheck(IJtiReplayStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("replay store reachable")
            : HealthCheckResult.Unhealthy("replay store unreachable");
}
