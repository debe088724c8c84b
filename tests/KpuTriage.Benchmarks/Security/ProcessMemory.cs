using System.Globalization;

namespace KpuTriage.Benchmarks.Security;

/// <summary>
/// Samples, from /proc, the resident memory of a process and, apart, of all its descendants (the
/// OCR and rendering tools it starts), keeping the peaks. The kernel's own high-water mark
/// (VmHWM) of the process is read at the end, so a spike between samples still counts.
/// </summary>
internal sealed class ProcessMemory(int pid) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task? sampling;

    public long PeakBytes { get; private set; }
    public long PeakToolBytes { get; private set; }

    public void Start() => sampling = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            PeakBytes = Math.Max(PeakBytes, Read(pid, "VmRSS:"));
            PeakToolBytes = Math.Max(PeakToolBytes, Descendants(pid).Sum(child => Read(child, "VmRSS:")));
            await Task.Delay(50).ConfigureAwait(false);
        }
    });

    /// <summary>The kernel's high-water mark of the process's resident memory.</summary>
    public long HighWaterBytes => Read(pid, "VmHWM:");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (sampling is not null)
        {
            await sampling;
        }

        stop.Dispose();
    }

    private static long Read(int process, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // The process ended between listing and reading.
        }
    }

    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var id))
            {
                try
                {
                    // "pid (comm) state ppid …": the name may hold spaces and parentheses, so read after the last ')'.
                    var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[id] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // Gone already.
                }
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }
}
