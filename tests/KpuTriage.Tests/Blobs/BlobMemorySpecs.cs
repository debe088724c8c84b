using System.Security.Cryptography;
using KpuTriage.Core.Blobs;
using Xunit.Abstractions;

namespace KpuTriage.Tests.Blobs;

/// <summary>
/// A 50 MB letter (Intake:MaxBytes' default) passes through the PostgreSQL blob store in and
/// out without ever being in memory whole: the bytes the process allocates while it does are
/// counted, and they stay a small fraction of the file. Run alone, so no other test's
/// allocations are counted.
/// </summary>
[Collection(Name)]
public sealed class BlobMemorySpecs(ITestOutputHelper output) : IAsyncLifetime
{
    public const string Name = "Alone, for allocation counts";
    private const long FileSize = 50L * 1024 * 1024;
    private const long Allowed = 8L * 1024 * 1024;

    private BlobDatabase office = null!;

    public async Task InitializeAsync() => office = await BlobDatabase.CreateAsync();

    public async Task DisposeAsync() => await office.DisposeAsync();

    [Fact]
    public async Task Should_allocate_under_8_MiB_when_a_50_MB_file_is_stored_and_read_back()
    {
        var store = office.Store();
        var expected = Convert.ToHexStringLower(await SHA256.HashDataAsync(new LetterBytes(FileSize)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        string sha;
        using (var pending = await store.ReceiveAsync(new LetterBytes(FileSize), FileSize, CancellationToken.None))
        {
            await pending.CommitAsync(CancellationToken.None);
            sha = pending.Sha256;
        }

        var storing = GC.GetTotalAllocatedBytes(precise: true) - before;
        var storedIn = clock.Elapsed;
        clock.Restart();
        before = GC.GetTotalAllocatedBytes(precise: true);
        string read;
        await using (var content = await store.OpenReadAsync(sha, CancellationToken.None))
        {
            Assert.NotNull(content);
            read = Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
        }

        var reading = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"50 MiB: {storing / 1024.0 / 1024:0.00} MiB allocated storing ({storedIn.TotalSeconds:0.00} s), {reading / 1024.0 / 1024:0.00} MiB reading ({clock.Elapsed.TotalSeconds:0.00} s)");

        Assert.Equal(expected, sha);
        Assert.Equal(expected, read);
        Assert.True(storing < Allowed, $"storing 50 MiB allocated {storing:N0} bytes");
        Assert.True(reading < Allowed, $"reading 50 MiB allocated {reading:N0} bytes");
    }

    /// <summary>Bytes made as they are read (a letter as a client streams it), never held.</summary>
    private sealed class LetterBytes(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - position);
            for (var i = 0; i < count; i++)
            {
                var at = (ulong)(position + i);
                buffer[i] = (byte)((at * 0x9E3779B97F4A7C15UL) >> 56);
            }

            position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
