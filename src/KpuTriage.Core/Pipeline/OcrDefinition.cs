using KpuTriage.Core.Extraction;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// The OCR stage: a queue of its own (kputriage.ocr) with its own concurrency, so a scan that
/// takes minutes holds an OCR slot and never the extract stage's, where ordinary letters pass.
/// </summary>
public sealed class OcrDefinition(IOptions<PipelineOptions> options)
    : StageDefinition<OcrConsumer>("kputriage.ocr", options.Value.OcrConcurrency, options.Value);
