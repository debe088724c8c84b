using KpuTriage.Core.Extraction;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

public sealed class ExtractTextDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<ExtractTextConsumer>("kputriage.extract", options.Value.ExtractConcurrency, options.Value);
