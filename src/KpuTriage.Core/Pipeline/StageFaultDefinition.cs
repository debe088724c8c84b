using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

public sealed class StageFaultDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<StageFaultConsumer>("kputriage.stage-faults", 4, options.Value);
