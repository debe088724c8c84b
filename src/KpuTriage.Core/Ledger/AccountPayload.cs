using System.Text.Json.Nodes;
using KpuTriage.Core.People;

namespace KpuTriage.Core.Ledger;

/// <summary>What an account change's ledger entry holds: who changed whom, how, and the account's resulting roles and state (never a password or its hash).</summary>
public static class AccountPayload
{
    public const string Created = "created";
    public const string RolesChanged = "roles_changed";
    public const string PasswordSet = "password_set";
    public const string Disabled = "disabled";
    public const string Enabled = "enabled";

    public static LedgerRecord Record(string change, UserAccount user, string actor) => new(LedgerKinds.Account, user.UserName, new JsonObject
    {
        ["change"] = change,
        ["userId"] = user.Id.ToString(),
        ["userName"] = user.UserName,
        ["roles"] = new JsonArray(user.RoleList().Order(StringComparer.Ordinal).Select(r => (JsonNode?)r).ToArray()),
        ["disabled"] = user.Disabled,
        ["external"] = user.External,
        ["by"] = actor,
    });
}
