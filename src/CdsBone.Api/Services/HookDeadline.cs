using CdsBone.Api.Options;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Services;

/// <summary>
/// The whole-hook budget (<c>CdsBone:Hook:Deadline</c>) as a cancellation token, on the same clock as the FHIR
/// resilience pipeline (the system clock in production), linked to the request's own abort.
/// </summary>
/// <param name="clock">The clock the deadline runs on.</param>
/// <param name="options">The configured deadline.</param>
public sealed class HookDeadline(TimeProvider clock, IOptionsMonitor<CdsBoneOptions> options)
{
    /// <summary>Starts the budget now.</summary>
    public DeadlineScope Start(CancellationToken requestAborted) => new(new CancellationTokenSource(options.CurrentValue.Hook.Deadline, clock), requestAborted);
}

/// <summary>A running deadline; dispose it when the hook is answered.</summary>
public sealed class DeadlineScope : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    internal DeadlineScope(CancellationTokenSource deadline, CancellationToken requestAborted)
    {
        _deadline = deadline;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, requestAborted);
    }

    /// <summary>Cancelled at the deadline or when the client goes away.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the deadline itself (not the client's abort) has passed.</summary>
    public bool Passed => _deadline.IsCancellationRequested;

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
