using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// An export folder, read for offline verification: <c>ledger.jsonl</c> (one entry a line),
/// <c>checkpoints.jsonl</c> (the office's signed checkpoints, as published),
/// <c>office-public-key.pem</c> (the office's public keys, oldest first, the current one last)
/// and <c>manifest.json</c>. Nothing here needs the database.
/// </summary>
public sealed class ExportedLedger : ILedgerSource
{
    public const string EntriesFile = "ledger.jsonl";
    public const string CheckpointsFile = "checkpoints.jsonl";
    public const string PublicKeyFile = "office-public-key.pem";
    public const string ManifestFile = "manifest.json";

    private readonly List<LedgerEntry> entries;
    private readonly Dictionary<string, long> sequenceOfHash;

    private ExportedLedger(string office, List<LedgerEntry> entries, List<CheckpointMessage> checkpoints, List<byte[]> publicKeys)
    {
        Office = office;
        this.entries = entries;
        Checkpoints = checkpoints;
        FirstKey = publicKeys[0];
        PublicKey = publicKeys[^1];
        sequenceOfHash = entries.GroupBy(e => e.Hash).ToDictionary(g => g.Key, g => g.First().Sequence);
    }

    public string Office { get; }
    public IReadOnlyList<CheckpointMessage> Checkpoints { get; }
    public byte[] PublicKey { get; }

    /// <summary>The office's first key, where the export's own chain of keys starts.</summary>
    public byte[] FirstKey { get; }
    public string KeyId => OfficeKey.IdOf(PublicKey);

    /// <exception cref="InvalidDataException">A file is missing or malformed; the message names the file and line.</exception>
    public static ExportedLedger Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"no export folder at {folder}.");
        }

        var manifest = ReadJson(folder, ManifestFile, File.ReadAllText(Required(folder, ManifestFile)));
        var office = (string?)manifest["office"] ?? throw new InvalidDataException($"{ManifestFile} names no office.");
        var pem = File.ReadAllText(Required(folder, PublicKeyFile));
        var publicKeys = new List<byte[]>();
        try
        {
            for (var rest = pem.AsMemory(); System.Security.Cryptography.PemEncoding.TryFind(rest.Span, out var fields); rest = rest[fields.Location.End..])
            {
                using var key = System.Security.Cryptography.ECDsa.Create();
                key.ImportFromPem(rest.Span[fields.Location]);
                publicKeys.Add(key.ExportSubjectPublicKeyInfo());
            }
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidDataException($"{PublicKeyFile} holds no EC public key: {e.Message}", e);
        }

        if (publicKeys.Count == 0)
        {
            throw new InvalidDataException($"{PublicKeyFile} holds no EC public key.");
        }

        var entries = Lines(folder, EntriesFile).Select(l => Entry(l.Number, ReadJson(folder, $"{EntriesFile} line {l.Number}", l.Text))).ToList();
        var checkpoints = File.Exists(Path.Combine(folder, CheckpointsFile))
            ? Lines(folder, CheckpointsFile).Select(l => Checkpoint(folder, $"{CheckpointsFile} line {l.Number}", l.Text)).ToList()
            : [];
        return new ExportedLedger(office, entries, checkpoints, publicKeys);
    }

    public static CheckpointMessage Checkpoint(string folder, string where, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointMessage>(json) is { Office: not null, Hash: not null, Signature: not null, PublicKey: not null, SignedAt: not null, KeyId: not null } message
                ? message
                : throw new InvalidDataException($"{Path.Combine(folder, where)}: not a checkpoint (office, sequence, hash, signedAt, keyId, publicKey and signature are required).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path.Combine(folder, where)}: not JSON: {e.Message}", e);
        }
    }

    public static IEnumerable<(int Number, string Text)> Lines(string folder, string file) =>
        File.ReadLines(Required(folder, file)).Select((text, i) => (i + 1, text)).Where(l => l.text.Trim().Length > 0);

    /// <summary>
    /// Verifies the export: its chain, its own checkpoints under the keys it carries (from the
    /// first through each announced successor) or, when <paramref name="pinned"/> is given, from
    /// that key the verifier trusted beforehand, and any checkpoints of the same office that
    /// someone else held (<paramref name="heldElsewhere"/>).
    /// </summary>
    /// <param name="pinned">A key of the office the verifier holds, and where it came from.</param>
    public Task<LedgerVerdict> VerifyAsync(IEnumerable<TrustedCheckpoint> heldElsewhere, (byte[] Key, string From)? pinned, CancellationToken ct) =>
        ChainVerifier.VerifyAsync(this, [
            .. OfficeKeyChain.Resolve(
                pinned?.Key ?? FirstKey,
                pinned is { } pin ? $"the pinned key {OfficeKey.IdOf(pin.Key)} ({pin.From})" : $"the export's first key {OfficeKey.IdOf(FirstKey)}",
                Checkpoints.Select(c => new OfficeKeyChain.Held(c, "the export's own"))),
            .. heldElsewhere,
        ], ct);

    public async IAsyncEnumerable<IReadOnlyList<LedgerEntry>> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield return entries;
    }

    public Task<long?> SequenceOfHashAsync(string hash, CancellationToken ct) =>
        Task.FromResult(sequenceOfHash.TryGetValue(hash, out var sequence) ? sequence : (long?)null);

    public Task<IReadOnlyDictionary<long, string>> RecordProblemsAsync(IReadOnlyList<LedgerEntry> page, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(new Dictionary<long, string>());

    public Task<LedgerBreak?> AfterWalkAsync(LedgerEntry? last, CancellationToken ct) => Task.FromResult<LedgerBreak?>(null);

    /// <summary>One line of ledger.jsonl, as <see cref="LedgerExport"/> writes it.</summary>
    public static JsonObject Line(LedgerEntry entry) => new()
    {
        ["sequence"] = entry.Sequence,
        ["kind"] = entry.Kind,
        ["subject"] = entry.Subject,
        ["recordedAt"] = LedgerTime.Format(entry.RecordedAt),
        ["previousHash"] = entry.PreviousHash,
        ["hash"] = entry.Hash,
        ["payload"] = JsonNode.Parse(entry.PayloadJson),
    };

    private static LedgerEntry Entry(int line, JsonObject json)
    {
        try
        {
            return new LedgerEntry
            {
                Sequence = (long)json["sequence"]!,
                Kind = (string)json["kind"]!,
                Subject = (string)json["subject"]!,
                RecordedAt = DateTimeOffset.Parse((string)json["recordedAt"]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                PreviousHash = (string)json["previousHash"]!,
                Hash = (string)json["hash"]!,
                PayloadJson = CanonicalJson.Serialize(json["payload"] as JsonObject ?? throw new InvalidDataException("no payload object")),
            };
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{EntriesFile} line {line}: not a ledger entry (sequence, kind, subject, recordedAt, previousHash, hash, payload): {e.Message}", e);
        }
    }

    private static JsonObject ReadJson(string folder, string where, string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"{Path.Combine(folder, where)}: not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path.Combine(folder, where)}: not JSON: {e.Message}", e);
        }
    }

    private static string Required(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path) ? path : throw new InvalidDataException($"the export has no {file} (looked at {path}).");
    }
}
