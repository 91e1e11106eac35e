using System.Buffers;

namespace CdsBone.Api.CdsHooks;

/// <summary>
/// A request body in an array rented from <see cref="ArrayPool{T}.Shared"/>; returned on dispose, cleared, so that one
/// request's patient data does not linger in a buffer the next rental receives.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[] _buffer;

    public PooledBody(int initialCapacity) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The body read so far. Valid until dispose, so a JsonDocument parsed over it must not outlive it.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>At least <paramref name="sizeHint"/> free bytes after the written ones, growing the rental when needed.</summary>
    public Memory<byte> FreeSpace(int sizeHint)
    {
        if (_buffer.Length - Length < sizeHint)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + sizeHint));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = larger;
        }

        return _buffer.AsMemory(Length);
    }

    /// <summary>Records <paramref name="count"/> bytes written into <see cref="FreeSpace"/>.</summary>
    public void Advance(int count) => Length += count;

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        Length = 0;
    }
}
