namespace KpuTriage.Core.Triage;

/// <summary>Where in the extracted text a proposed value was read: page (from 1), character offset within that page's text, and the quoted text.</summary>
public sealed record Evidence(int Page, int Start, int Length, string Quote);
