namespace KpuTriage.Core.Blobs;

/// <summary>What one run of <see cref="BlobMigration"/> found and did.</summary>
public sealed class BlobMigrationReport
{
    /// <summary>Blobs in the folder.</summary>
    public int Found { get; init; }

    /// <summary>Blobs this run stored in the database, read back whole.</summary>
    public int Stored { get; set; }

    /// <summary>Blobs the database already held whole (from an earlier run, or stored there since).</summary>
    public int AlreadyThere { get; set; }

    /// <summary>Blobs the database held damaged, stored again from the folder.</summary>
    public int Repaired { get; set; }

    /// <summary>Files of the folder whose content does not match their name: not stored.</summary>
    public List<string> Damaged { get; } = [];

    public long BytesStored { get; set; }

    /// <summary>Documents whose content the database does not hold after the run.</summary>
    public int DocumentsWithoutBlob { get; set; }

    /// <summary>Every blob is in the database, whole, and no document lacks its content: the folder may go.</summary>
    public bool Complete => Damaged.Count == 0 && DocumentsWithoutBlob == 0 && Stored + AlreadyThere + Repaired == Found;
}
