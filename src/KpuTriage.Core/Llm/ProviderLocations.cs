namespace KpuTriage.Core.Llm;

/// <summary>Where a provider runs, which decides what it may see (DESIGN.md, guarantee 5).</summary>
public static class ProviderLocations
{
    public const string Cloud = "cloud";
    public const string OnPremises = "on-premises";
}
