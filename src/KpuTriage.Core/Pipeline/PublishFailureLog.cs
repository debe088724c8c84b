using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// What the log says while hand-offs cannot be published. During a broker outage (or with no
/// queue bound to an event) every letter's hand-off and every redrive fails; a warning with a
/// stack trace for each wrote 80–100 MB of log per host in half an hour. Here each cause is
/// logged once with its exception, then one line per event per <see cref="PipelineOptions.OutageLogInterval"/>
/// with the count, and one line when publishing works again.
/// </summary>
public sealed class PublishFailureLog(ILogger<Handoff> log, IOptions<PipelineOptions> options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly HashSet<string> causes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> uncounted = new(StringComparer.Ordinal);
    private int failedSinceSuccess;
    private DateTimeOffset windowStart;
    private volatile bool failing;

    public void Failed(string message, Guid documentId, Exception e)
    {
        var cause = Cause(e);
        bool first;
        Dictionary<string, int>? counts = null;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!failing)
            {
                windowStart = now;
                failing = true;
            }

            first = causes.Add(cause);
            failedSinceSuccess++;
            if (!first)
            {
                uncounted[message] = uncounted.GetValueOrDefault(message) + 1;
            }

            if (now - windowStart >= options.Value.OutageLogInterval && uncounted.Count > 0)
            {
                counts = new Dictionary<string, int>(uncounted, StringComparer.Ordinal);
                uncounted.Clear();
                windowStart = now;
            }
        }

        if (first)
        {
            log.LogWarning(
                e,
                "Could not publish {Message} for document {DocumentId}; the redriver will publish it again. Further failures for this cause ({Cause}) are counted and logged once per {Interval}",
                message, documentId, cause, options.Value.OutageLogInterval);
        }

        foreach (var (kind, count) in counts ?? [])
        {
            log.LogWarning("Could not publish {Count} {Message} events in the last {Interval}; the redriver will publish them again", count, kind, options.Value.OutageLogInterval);
        }
    }

    public void Published(string message)
    {
        if (!failing)
        {
            return;
        }

        int failed;
        lock (gate)
        {
            if (!failing)
            {
                return;
            }

            failed = failedSinceSuccess;
            failing = false;
            failedSinceSuccess = 0;
            causes.Clear();
            uncounted.Clear();
        }

        log.LogWarning("Publishing works again ({Message} was taken) after {Failed} failed hand-offs", message, failed);
    }

    // The kind of failure, not the letter: the same outage gives the same cause for every letter.
    private static string Cause(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, e) ? e.GetType().Name : $"{e.GetType().Name} ← {inner.GetType().Name}";
    }
}
