namespace CdsBone.Api.Security.Replay;

/// <summary>What the replay store answered for one token id.</summary>
public enum ReplayVerdict
{
    /// <summary>Not seen before: remembered now, the token may pass.</summary>
    First,

    /// <summary>Seen before and not yet expired: a replay.</summary>
    Replayed,

    /// <summary>The store is at its bound and cannot remember another id: refused rather than forgotten.</summary>
    Full,

    /// <summary>The store could not be reached in time.</summary>
    Unavailable,
}

/// <summary>
/// Where accepted token ids are remembered until they expire. <see cref="TryRememberAsync"/> is ONE atomic
/// "remember if absent": of N concurrent calls with one key, exactly one gets <see cref="ReplayVerdict.First"/>.
/// </summary>
public interface IJtiReplayStore
{
    /// <summary>Remembers <paramref name="key"/> for <paramref name="lifetime"/> unless it is already remembered.</summary>
    Task<ReplayVerdict> TryRememberAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Whether the store can take writes now (readiness).</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}
