using System.Security.Cryptography;
using KpuTriage.Core.Blobs;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Blobs;

/// <summary>The blob store of Storage:Provider=postgres, on the real server: chunked, whole or absent, checked by hash.</summary>
public sealed class PostgresBlobStoreSpecs : IAsyncLifetime
{
    private BlobDatabase office = null!;

    public async Task InitializeAsync() => office = await BlobDatabase.CreateAsync();

    public async Task DisposeAsync() => await office.DisposeAsync();

    private static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<string> CommitAsync(IBlobStore store, byte[] content)
    {
        using var pending = await store.ReceiveAsync(new MemoryStream(content), 50 * 1024 * 1024, CancellationToken.None);
        await pending.CommitAsync(CancellationToken.None);
        return pending.Sha256;
    }

    private static async Task<byte[]> ReadAllAsync(Stream? content)
    {
        Assert.NotNull(content);
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task Should_read_back_every_byte_from_1_MiB_chunks_when_a_file_larger_than_a_chunk_is_committed()
    {
        var content = RandomBytes((2 * PostgresBlobStore.ChunkSize) + 12_345);
        var store = office.Store();

        var sha = await CommitAsync(store, content);

        Assert.Equal(Sha(content), sha);
        Assert.Equal(content, await ReadAllAsync(await store.OpenReadAsync(sha, CancellationToken.None)));
        var chunks = await office.QueryAsync(db => db.Set<BlobChunk>().Where(c => c.Sha256 == sha).OrderBy(c => c.Index).Select(c => c.Data.Length).ToListAsync());
        Assert.Equal([PostgresBlobStore.ChunkSize, PostgresBlobStore.ChunkSize, 12_345], chunks);
    }

    [Fact]
    public async Task Should_keep_one_copy_when_hosts_commit_the_same_content_at_once()
    {
        var content = RandomBytes((2 * PostgresBlobStore.ChunkSize) + 1);
        var hosts = Enumerable.Range(0, 6).Select(_ => office.Store()).ToList();

        var shas = await Task.WhenAll(hosts.Select(host => CommitAsync(host, content)));

        Assert.Single(shas.Distinct());
        Assert.Equal(1, await office.QueryAsync(db => db.Set<StoredBlob>().CountAsync()));
        Assert.Equal(3, await office.QueryAsync(db => db.Set<BlobChunk>().CountAsync()));
        Assert.Equal(content, await ReadAllAsync(await hosts[5].OpenReadAsync(shas[0], CancellationToken.None)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(BlobSpool.InMemoryLimit, false)]
    [InlineData(BlobSpool.InMemoryLimit + 1, true)]
    [InlineData(BlobSpool.InMemoryLimit + 81_920 + 7, true)]
    public async Task Should_spool_to_a_file_only_when_the_content_outgrows_memory(int length, bool spooledToFile)
    {
        var content = RandomBytes(length);
        var store = office.Store();

        using (var pending = await store.ReceiveAsync(new MemoryStream(content), 50 * 1024 * 1024, CancellationToken.None))
        {
            Assert.Equal(spooledToFile, Directory.EnumerateFiles(office.Data.Path, "*", SearchOption.AllDirectories).Any());
            Assert.Equal(Sha(content), pending.Sha256);
            await pending.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(content, await ReadAllAsync(await store.OpenReadAsync(Sha(content), CancellationToken.None)));
        Assert.Empty(Directory.EnumerateFiles(office.Data.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_store_nothing_and_leave_no_spool_file_when_content_exceeds_the_limit()
    {
        var store = office.Store();

        using (var pending = await store.ReceiveAsync(new MemoryStream(RandomBytes(5000)), 1000, CancellationToken.None))
        {
            Assert.Equal(1000, pending.ExceededLimit);
            await Assert.ThrowsAsync<InvalidOperationException>(() => pending.CommitAsync(CancellationToken.None));
        }

        Assert.Equal(0, await office.QueryAsync(db => db.Set<StoredBlob>().CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(office.Data.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_store_nothing_when_content_does_not_match_its_address()
    {
        var content = RandomBytes(PostgresBlobStore.ChunkSize + 10);
        var store = office.Store();

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => store.StoreAsync(new MemoryStream(content), Sha([1, 2, 3]), content.Length, CancellationToken.None));

        Assert.Contains("nothing was stored", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await office.QueryAsync(db => db.Set<StoredBlob>().CountAsync()));
        Assert.Equal(0, await office.QueryAsync(db => db.Set<BlobChunk>().CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_to_read_a_blob_when_a_chunk_was_altered_in_the_database()
    {
        var store = office.Store();
        var sha = await CommitAsync(store, RandomBytes((2 * PostgresBlobStore.ChunkSize) + 7));
        await office.ExecuteAsync($"""UPDATE "BlobChunks" SET "Data" = set_byte("Data", 100, (get_byte("Data", 100) + 1) % 256) WHERE "Sha256" = '{sha}' AND "Index" = 1""");

        var content = await store.OpenReadAsync(sha, CancellationToken.None);

        var damaged = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(content));

        Assert.Contains($"blob {sha} in the database is damaged", damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_read_a_blob_when_a_chunk_is_missing_from_the_database()
    {
        var store = office.Store();
        var sha = await CommitAsync(store, RandomBytes((2 * PostgresBlobStore.ChunkSize) + 7));
        await office.ExecuteAsync($"""DELETE FROM "BlobChunks" WHERE "Sha256" = '{sha}' AND "Index" = 2""");

        var content = await store.OpenReadAsync(sha, CancellationToken.None);

        var damaged = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(content));

        Assert.Contains("chunk 2 of 3 is missing", damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_read_a_blob_the_data_folder_still_holds_until_it_is_migrated()
    {
        var content = RandomBytes(3000);
        var former = await CommitAsync(new FolderBlobStore(office.Folder), content);
        var store = office.Store();

        Assert.Equal(content, await ReadAllAsync(await store.OpenReadAsync(former, CancellationToken.None)));
        Assert.Null(await store.OpenStoredAsync(former, CancellationToken.None));
    }

    [Fact]
    public async Task Should_give_tools_a_copy_on_disk_and_remove_it_when_they_are_done()
    {
        var content = RandomBytes(PostgresBlobStore.ChunkSize + 99);
        var store = office.Store();
        var sha = await CommitAsync(store, content);

        string path;
        using (var file = await store.OpenFileAsync(sha, CancellationToken.None))
        {
            Assert.NotNull(file);
            path = file.Path;
            Assert.Equal(content, await File.ReadAllBytesAsync(path));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Should_answer_none_when_no_blob_has_the_address()
    {
        var store = office.Store();
        var absent = Sha([4, 5, 6]);

        Assert.Null(await store.OpenReadAsync(absent, CancellationToken.None));
        Assert.Null(await store.OpenFileAsync(absent, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../../etc/passwd", CancellationToken.None));
    }
}
