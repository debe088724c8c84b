using System.Threading.RateLimiting;

namespace KpuTriage.Core.Llm;

/// <summary>
/// A provider's quota on this process: at most MaxConcurrency calls in flight, and, when
/// TokensPerMinute is set, a token bucket refilled every second that each call draws its
/// prompt plus its maximum answer from. Calls wait for their turn rather than fail: a 429 from
/// the provider costs a round trip and a Retry-After, a wait here costs nothing.
/// </summary>
public sealed class ProviderThrottle : IDisposable
{
    private readonly SemaphoreSlim _calls;
    private readonly TokenBucketRateLimiter? _tokens;
    private readonly int _tokenLimit;

    public ProviderThrottle(int maxConcurrency, int tokensPerMinute)
    {
        _calls = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        _tokenLimit = tokensPerMinute;
        if (tokensPerMinute > 0)
        {
            _tokens = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokensPerMinute,
                TokensPerPeriod = Math.Max(1, tokensPerMinute / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>Waits for a call slot and <paramref name="tokens"/> of the minute's budget; dispose the result when the call is over.</summary>
    public async Task<IDisposable> EnterAsync(int tokens, CancellationToken cancellationToken)
    {
        await _calls.WaitAsync(cancellationToken);
        try
        {
            if (_tokens is not null)
            {
                // A call larger than the whole minute's budget still runs, alone, once the bucket is full.
                using var lease = await _tokens.AcquireAsync(Math.Clamp(tokens, 1, _tokenLimit), cancellationToken);
            }

            return new Slot(_calls);
        }
        catch
        {
            _calls.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _calls.Dispose();
        _tokens?.Dispose();
    }

    private sealed class Slot(SemaphoreSlim calls) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                calls.Release();
            }
        }
    }
}
