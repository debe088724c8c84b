namespace KpuTriage.Core.Ledger;

/// <summary>What a ledger entry records.</summary>
public static class LedgerKinds
{
    /// <summary>A clerk's (and co-approver's) decision committed a letter to the register.</summary>
    public const string Decision = "decision";

    /// <summary>An account was created, or its roles, password or state changed.</summary>
    public const string Account = "account";

    /// <summary>An admin made a new draft prompt version by an edit.</summary>
    public const string PromptEdit = "prompt_edit";

    /// <summary>A prompt version was promoted to live, or an earlier one made live again by a rollback (the payload's action says which).</summary>
    public const string PromptPromotion = "prompt_promotion";

    /// <summary>The office's signing key was rotated; the checkpoint of this entry, signed by the old key, announces the new one.</summary>
    public const string KeyRotation = "key_rotation";
}
