using CdsBone.Api.Options;
using CdsBone.Api.Services;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CdsBone.Api.Tests.Services;

/// <summary>The deadline is kept by the clock whether or not its timer was armed (only a FHIR call-back arms it).</summary>
public sealed class HookDeadlineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private static (FakeTimeProvider Clock, HookDeadline Deadline) Create()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new OptionsMonitorStub(new CdsBoneOptions { Hook = { Deadline = Deadline } });
        return (clock, new HookDeadline(clock, options));
    }

    [Fact]
    public void Unarmed_PassesByTheClock()
    {
        var (clock, deadline) = Create();
        using var scope = deadline.Start(CancellationToken.None);
        clock.Advance(Deadline - TimeSpan.FromMilliseconds(1));
        Assert.False(scope.Passed);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(scope.Passed);
    }

    [Fact]
    public void ArmedLate_CancelsAtTheOriginalDeadline_NotAFullDeadlineAfterArming()
    {
        var (clock, deadline) = Create();
        using var scope = deadline.Start(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(3));
        var token = scope.Token;
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(token.IsCancellationRequested);
        Assert.True(scope.Passed);
    }

    [Fact]
    public void ArmedAfterTheDeadline_IsAlreadyCancelled()
    {
        var (clock, deadline) = Create();
        using var scope = deadline.Start(CancellationToken.None);
        clock.Advance(Deadline + TimeSpan.FromSeconds(1));
        Assert.True(scope.Token.IsCancellationRequested);
    }

    [Fact]
    public void ClientAbort_CancelsTheToken_ButIsNotTheDeadline()
    {
        var (_, deadline) = Create();
        using var aborted = new CancellationTokenSource();
        using var scope = deadline.Start(aborted.Token);
        var token = scope.Token;
        aborted.Cancel();
        Assert.True(token.IsCancellationRequested);
        Assert.False(scope.Passed);
    }

    private sealed class OptionsMonitorStub(CdsBoneOptions value) : IOptionsMonitor<CdsBoneOptions>
    {
        public CdsBoneOptions CurrentValue => value;

        public CdsBoneOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CdsBoneOptions, string?> listener) => null;
    }
}
