using CdsBone.Api.CdsHooks;

namespace CdsBone.Api.Tests.Services;

/// <summary>The pooled request body keeps every byte across growth and gives nothing back after dispose.</summary>
public sealed class PooledBodyTests
{
    [Fact]
    public void Write_BeyondTheFirstRental_KeepsEveryByteInOrder()
    {
        var expected = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
        using var body = new PooledBody(16);

        for (var written = 0; written < expected.Length;)
        {
            var free = body.FreeSpace(4096);
            var count = Math.Min(free.Length, Math.Min(3000, expected.Length - written));
            expected.AsSpan(written, count).CopyTo(free.Span);
            body.Advance(count);
            written += count;
        }

        Assert.Equal(expected.Length, body.Length);
        Assert.True(body.Memory.Span.SequenceEqual(expected));
    }

    [Fact]
    public void Dispose_LeavesAnEmptyBody()
    {
        var body = new PooledBody(1024);
        body.FreeSpace(10).Span.Fill(7);
        body.Advance(10);

        body.Dispose();
        body.Dispose();

        Assert.Equal(0, body.Length);
        Assert.True(body.Memory.IsEmpty);
    }
}
