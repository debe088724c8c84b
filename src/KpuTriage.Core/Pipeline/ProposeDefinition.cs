using KpuTriage.Core.Triage;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

public sealed class ProposeDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<ProposeConsumer>("kputriage.propose", options.Value.ProposeConcurrency, options.Value);
