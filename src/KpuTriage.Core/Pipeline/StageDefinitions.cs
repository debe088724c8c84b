using KpuTriage.Core.Extraction;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

// The stages' queues, by name. Names are part of the operating contract (dashboards, alerts).
public sealed class ExtractTextDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<ExtractTextConsumer>("kputriage.extract", options.Value.ExtractConcurrency);

public sealed class ProposeDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<ProposeConsumer>("kputriage.propose", options.Value.ProposeConcurrency);

public sealed class ReviewDefinition()
    : StageDefinition<ReviewConsumer>("kputriage.review", 16);

public sealed class StageFaultDefinition()
    : StageDefinition<StageFaultConsumer>("kputriage.stage-faults", 4);
