using KpuTriage.Core.Review;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

public sealed class ReviewDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<ReviewConsumer>("kputriage.review", 16, options.Value);
