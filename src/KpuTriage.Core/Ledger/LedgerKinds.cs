namespace KpuTriage.Core.Ledger;

/// <summary>What a ledger entry records.</summary>
public static class LedgerKinds
{
    /// <summary>A clerk's (and co-approver's) decision committed a letter to the register.</summary>
    public const string Decision = "decision";

    /// <summary>An account was created, or its roles, password or state changed.</summary>
    public const string Account = "account";

    /// <summary>A prompt version was promoted to live (recorded by the prompt tuning feature).</summary>
    public const string PromptPromotion = "prompt_promotion";
}
