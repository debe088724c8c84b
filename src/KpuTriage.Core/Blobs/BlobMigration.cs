using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// Moves an office's blobs from its data folder into PostgreSQL (<c>kputriage blobs migrate</c>).
/// Each blob is stored in its own transaction, checked against its name while it is written and
/// read back whole afterwards, so the run can be stopped at any point (even killed) and run again:
/// a blob the database already holds whole is only read back, one it holds damaged is replaced,
/// a file whose content does not match its name is reported and left alone. The folder is never
/// changed; it may be removed once a run reports every blob there and no document without one.
/// </summary>
public sealed class BlobMigration(PostgresBlobStore database, FolderBlobStore folder, TriageDb db)
{
    public string Folder => folder.Root;

    /// <param name="progress">Told how many of the folder's blobs have been seen, after each.</param>
    public async Task<BlobMigrationReport> RunAsync(Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var blobs = folder.All().ToList();
        var report = new BlobMigrationReport { Found = blobs.Count };
        foreach (var (sha256, path) in blobs)
        {
            await MoveAsync(sha256, path, report, cancellationToken);
            progress?.Invoke(report.Stored + report.AlreadyThere + report.Repaired + report.Damaged.Count, blobs.Count);
        }

        // Documents whose content is nowhere in the database, whatever the folder held.
        report.DocumentsWithoutBlob = await db.Documents.CountAsync(d => !db.Set<StoredBlob>().Any(b => b.Sha256 == d.Sha256), cancellationToken);
        return report;
    }

    private async Task MoveAsync(string sha256, string path, BlobMigrationReport report, CancellationToken cancellationToken)
    {
        var held = await ReadBackAsync(sha256, cancellationToken);
        if (held == Held.Whole)
        {
            report.AlreadyThere++;
            return;
        }

        if (held == Held.Damaged)
        {
            await database.DeleteAsync(sha256, cancellationToken);
        }

        long size;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            size = file.Length;
            try
            {
                await database.StoreAsync(file, sha256, size, cancellationToken);
            }
            catch (InvalidDataException)
            {
                report.Damaged.Add(path);
                return;
            }
        }

        if (await ReadBackAsync(sha256, cancellationToken) != Held.Whole)
        {
            throw new InvalidOperationException($"blob {sha256} was stored but does not read back whole: the database is not keeping what it is given");
        }

        if (held == Held.Damaged)
        {
            report.Repaired++;
        }
        else
        {
            report.Stored++;
        }

        report.BytesStored += size;
    }

    private enum Held
    {
        Absent,
        Whole,
        Damaged,
    }

    // Read to the end, the blob stream checks size and hash itself.
    private async Task<Held> ReadBackAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var content = await database.OpenStoredAsync(sha256, cancellationToken);
        if (content is null)
        {
            return Held.Absent;
        }

        try
        {
            await content.CopyToAsync(Stream.Null, cancellationToken);
            return Held.Whole;
        }
        catch (InvalidDataException)
        {
            return Held.Damaged;
        }
    }
}
