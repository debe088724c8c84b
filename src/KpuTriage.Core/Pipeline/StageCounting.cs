using MassTransit;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// Counts each message of one stage's endpoint into <see cref="StageCounters"/>. It sits
/// outside the stage's retry, so a message is received and completed or failed once per
/// delivery, however many retries it took; a broker redelivery (after a consumer died or
/// a connection dropped) counts as received again and as redelivered.
/// </summary>
public sealed class StageCounting(StageCounters counters, string stage) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        counters.Count(stage, "received");
        if (context.ReceiveContext.Redelivered)
        {
            counters.Count(stage, "redelivered");
        }

        try
        {
            await next.Send(context);
        }
        catch
        {
            counters.Count(stage, "failed");
            throw;
        }

        counters.Count(stage, "completed");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("stageCounting").Add("stage", stage);
}
