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
    public DeadlineScope Start(CancellationToken requestAborted) => new(clock, options.CurrentValue.Hook.Deadline, requestAborted);
}

/// <summary>
/// A running deadline; dispose it when the hook is answered. The timer is armed only when someone asks for the token
/// (a FHIR call-back): most hooks arrive with their prefetch complete, and a timer per call was measurable under load
/// (docs/performance.md). Whether the deadline passed is read from the clock either way.
/// </summary>
public sealed class DeadlineScope : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _deadline;
    private readonly CancellationToken _requestAborted;
    private readonly long _started;
    private CancellationTokenSource? _timer;
    private CancellationTokenSource? _linked;

    internal DeadlineScope(TimeProvider clock, TimeSpan deadline, CancellationToken requestAborted)
    {
        _clock = clock;
        _deadline = deadline;
        _requestAborted = requestAborted;
        _started = clock.GetTimestamp();
    }

    /// <summary>Cancelled at the deadline or when the client goes away; the first read arms the timer.</summary>
    public CancellationToken Token
    {
        get
        {
            if (_linked is null)
            {
                var remaining = _deadline - _clock.GetElapsedTime(_started);
                _timer = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _clock);
                _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, _requestAborted);
            }

            return _linked.Token;
        }
    }

    /// <summary>True once the deadline itself (not the client's abort) has passed.</summary>
    public bool Passed => _timer?.IsCancellationRequested == true || _clock.GetElapsedTime(_started) >= _deadline;

    /// <inheritdoc />
    public void Dispose()
    {
        _linked?.Dispose();
        _timer?.Dispose();
    }
}
