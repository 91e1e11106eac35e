using StackExchange.Redis;

namespace CdsBone.Api.Security.Replay;

/// <summary>
/// The replay store shared by replicas: Redis <c>SET key 1 NX PX lifetime</c>, one atomic command, so that of N
/// concurrent copies of a token on any replicas exactly one is accepted. Fails fast: short connect and operation
/// timeouts and no command backlog while disconnected, so that an unreachable Redis costs a caller about a second and
/// an answer of 503, not a hung request; readiness reports it (<see cref="IsAvailableAsync"/>).
/// </summary>
public sealed class RedisJtiReplayStore : IJtiReplayStore, IDisposable
{
    /// <summary>Connect and operation timeout unless the connection string sets its own.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    private static readonly RedisValue Seen = 1;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    /// <summary>Connects lazily to <paramref name="configuration"/> (a StackExchange.Redis connection string).</summary>
    public RedisJtiReplayStore(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        var timeoutMs = (int)DefaultTimeout.TotalMilliseconds;
        if (!Mentions(configuration, "connectTimeout"))
        {
            options.ConnectTimeout = timeoutMs;
        }

        if (!Mentions(configuration, "asyncTimeout"))
        {
            options.AsyncTimeout = timeoutMs;
        }

        if (!Mentions(configuration, "syncTimeout"))
        {
            options.SyncTimeout = timeoutMs;
        }

        // Keep retrying in the background, but never queue a token check behind a dead connection.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <inheritdoc />
    public async Task<ReplayVerdict> TryRememberAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        try
        {
            var redis = await _connection.Value.WaitAsync(DefaultTimeout, cancellationToken);
            var set = await redis.GetDatabase().StringSetAsync(key, Seen, lifetime, When.NotExists).WaitAsync(DefaultTimeout, cancellationToken);
            return set ? ReplayVerdict.First : ReplayVerdict.Replayed;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return ReplayVerdict.Unavailable;
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var redis = await _connection.Value.WaitAsync(DefaultTimeout, cancellationToken);
            await redis.GetDatabase().PingAsync().WaitAsync(DefaultTimeout, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }

    private static bool Mentions(string configuration, string setting) => configuration.Contains(setting + "=", StringComparison.OrdinalIgnoreCase);
}
