namespace KpuTriage.Core.Prompts;

/// <summary>Where a prompt version stands: one version is active at a time; an active one that was replaced is retired.</summary>
public enum PromptVersionState
{
    /// <summary>Made by an edit, not yet live.</summary>
    Draft,

    /// <summary>What the engine sends to the model.</summary>
    Active,

    /// <summary>Was active once; a rollback may make it active again.</summary>
    Retired,
}
