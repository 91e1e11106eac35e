using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Security.Replay;

/// <summary>
/// The replay store of a single replica: token ids in a concurrent dictionary, added with one atomic
/// <see cref="ConcurrentDictionary{TKey,TValue}.TryAdd"/>. Bounded by <see cref="ClientAuthOptions.ReplayCacheMaxEntries"/>
/// (each entry is a 16-byte digest and an expiry, about 70 bytes with the dictionary's node): expired entries are swept
/// when the bound is reached, and when it is still reached the token is refused (<see cref="ReplayVerdict.Full"/>), never
/// forgotten, because forgetting a live id would let its token be replayed.
/// </summary>
public sealed class MemoryJtiReplayStore(IOptionsMonitor<ClientAuthOptions> options, TimeProvider clock) : IJtiReplayStore
{
    private readonly ConcurrentDictionary<UInt128, long> _expiries = new();
    private readonly Lock _sweeping = new();
    private int _count;

    /// <summary>Entries held now (expired ones included until swept).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public Task<ReplayVerdict> TryRememberAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken) =>
        Task.FromResult(TryRemember(Digest(key), lifetime));

    /// <inheritdoc />
    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    private ReplayVerdict TryRemember(UInt128 id, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var expiry = now + lifetime.Ticks;
        if (!Reserve(now))
        {
            return _expiries.TryGetValue(id, out var held) && held > now ? ReplayVerdict.Replayed : ReplayVerdict.Full;
        }

        if (_expiries.TryAdd(id, expiry))
        {
            return ReplayVerdict.First;
        }

        Interlocked.Decrement(ref _count);

        // Present: a replay, unless the entry expired and was not swept yet; then exactly one caller may take it over.
        while (_expiries.TryGetValue(id, out var existing))
        {
            if (existing > now)
            {
                return ReplayVerdict.Replayed;
            }

            if (_expiries.TryUpdate(id, expiry, existing))
            {
                return ReplayVerdict.First;
            }
        }

        // Swept in between: start over (the sweep removed it, so it is absent now).
        return TryRemember(id, lifetime);
    }

    /// <summary>Takes one place under the bound, sweeping expired entries once when the bound is reached.</summary>
    private bool Reserve(long now)
    {
        var bound = options.CurrentValue.ReplayCacheMaxEntries;
        if (Interlocked.Increment(ref _count) <= bound)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        Sweep(now);
        if (Interlocked.Increment(ref _count) <= bound)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    private void Sweep(long now)
    {
        // One sweeper at a time; the others go on and, if still over the bound, refuse.
        if (!_sweeping.TryEnter())
        {
            return;
        }

        try
        {
            foreach (var (id, expiry) in _expiries)
            {
                if (expiry <= now && _expiries.TryRemove(new KeyValuePair<UInt128, long>(id, expiry)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            _sweeping.Exit();
        }
    }

    /// <summary>16 bytes of SHA-256: a sixth of the memory of the hex key, collisions out of reach.</summary>
    private static UInt128 Digest(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
