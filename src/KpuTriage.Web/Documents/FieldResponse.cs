using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Documents;

public sealed record FieldResponse(string? Value, double Confidence, bool LowConfidence, Evidence? Evidence);
