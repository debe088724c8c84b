using System.Data.Common;
using Npgsql;

namespace KpuTriage.Core.Persistence;

/// <summary>
/// The office's PostgreSQL connection string, with Npgsql's Kerberos probe off unless the office
/// asks for it. Npgsql 10 tries GSS encryption on every new connection by default: it loads the
/// Kerberos libraries and looks the server's name up for a ticket (and, where a krb5.conf names
/// a realm, may ask its KDC) — reaching for more than the database. The desk signs in with a
/// password; an office that uses Kerberos sets "GSS Encryption Mode" or PGGSSENCMODE itself.
/// </summary>
public static class PostgresConnection
{
    public static string Prepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("GSS Encryption Mode") || given.ContainsKey("GssEncryptionMode")
            || Environment.GetEnvironmentVariable("PGGSSENCMODE") is { Length: > 0 })
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { GssEncryptionMode = GssEncryptionMode.Disable }.ConnectionString;
    }
}
