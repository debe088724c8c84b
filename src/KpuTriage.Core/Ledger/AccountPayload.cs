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

    /// <summary>The person (or an admin for them) ended every session and token of the account.</summary>
    public const string SignedOutEverywhere = "signed_out_everywhere";

    /// <summary>Recorded when the ledger was introduced, for an account that existed before it.</summary>
    public const string Existing = "existing";

    /// <summary>Roles in the order the ledger keeps them, comma-separated: how verification compares them.</summary>
    public static string RolesText(IEnumerable<string> roles) => string.Join(',', roles.Order(StringComparer.Ordinal));

    public static string RolesText(JsonNode? roles) => RolesText(roles is JsonArray array ? array.Select(r => (string?)r ?? "") : []);

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
