namespace KpuTriage.Core.Prompts;

/// <summary>The prompts folder of this host (Prompts:Directory, or prompts/ beside the binaries): where version 1 is seeded from.</summary>
public sealed record PromptFolder(string Path);
