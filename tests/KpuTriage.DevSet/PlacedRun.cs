namespace KpuTriage.DevSet;

/// <summary>A piece of text where a word processor would put it: points from the page's top-left, baseline.</summary>
internal sealed record PlacedRun(int Line, double X, double Baseline, string Text, double Size, bool Bold);
