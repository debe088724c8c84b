using System.Security.Cryptography;
using System.Text;
using KpuTriage.Core.Blobs;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Intake;

public sealed class FolderBlobStoreSpecs : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Should_remove_the_spool_files_of_uploads_a_killed_process_left_when_the_next_upload_arrives()
    {
        var incoming = Directory.CreateDirectory(Path.Combine(root.Path, "incoming")).FullName;
        var left = Path.Combine(incoming, "left-by-a-killed-host");
        var receiving = Path.Combine(incoming, "another-upload-in-progress");
        await File.WriteAllTextAsync(left, "half a letter");
        File.SetLastWriteTimeUtc(left, DateTime.UtcNow.AddHours(-2));
        await File.WriteAllTextAsync(receiving, "being written now");
        var store = new FolderBlobStore(root.Path);

        using var pending = await store.ReceiveAsync(Content("surat baru"), 1000, CancellationToken.None);
        await pending.CommitAsync(CancellationToken.None);

        Assert.False(File.Exists(left), "a spool file untouched for two hours is a leftover");
        Assert.True(File.Exists(receiving), "a spool file being written is another upload's");
    }

    [Fact]
    public async Task Should_store_content_at_its_sha256_when_committed()
    {
        var store = new FolderBlobStore(root.Path);

        using var pending = await store.ReceiveAsync(Content("surat"), 1000, CancellationToken.None);
        await pending.CommitAsync(CancellationToken.None);

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("surat")));
        Assert.Equal(sha, pending.Sha256);
        Assert.Equal(Path.Combine(root.Path, sha[..2], sha[2..4], sha), store.PathOf(sha));
        Assert.Equal("surat", await File.ReadAllTextAsync(store.PathOf(sha)));
    }

    [Fact]
    public async Task Should_keep_one_copy_when_the_same_content_is_stored_twice()
    {
        var store = new FolderBlobStore(root.Path);

        foreach (var _ in new[] { 1, 2 })
        {
            using var pending = await store.ReceiveAsync(Content("sama"), 1000, CancellationToken.None);
            await pending.CommitAsync(CancellationToken.None);
        }

        Assert.Single(Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_leave_nothing_behind_when_content_exceeds_the_limit()
    {
        var store = new FolderBlobStore(root.Path);

        using (var pending = await store.ReceiveAsync(Content(new string('x', 5000)), 1000, CancellationToken.None))
        {
            Assert.Equal(1000, pending.ExceededLimit);
            await Assert.ThrowsAsync<InvalidOperationException>(() => pending.CommitAsync(CancellationToken.None));
        }

        Assert.Empty(Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_delete_the_temporary_file_when_not_committed()
    {
        var store = new FolderBlobStore(root.Path);

        using (await store.ReceiveAsync(Content("batal"), 1000, CancellationToken.None))
        {
            Assert.Single(Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories));
        }

        Assert.Empty(Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Should_refuse_an_address_that_is_not_a_sha256_when_asked_for_a_path()
    {
        var store = new FolderBlobStore(root.Path);

        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
    }
}
