using System.Data.Common;
using Npgsql;

namespace KpuTriage.Core.Persistence;

/// <summary>
/// The office's PostgreSQL connection string, with Npgsql's Kerberos probe off unless the office
/// asks for it. Npgsql 10 tries GSS encryption on every new connection by default: it loads the
/// Kerberos libraries and looks the server's name up for a ticket (and, where a krb5.conf names
/// a realm, may ask its KDC) — reaching for more than the database. The desk signs in with a
/// password; an office that uses Kerberos sets "GSS Encryption Mode" or PGGSSENCMODE itself.
/// <para>
/// Each host also gets at most <see cref="DefaultPoolSize"/> connections unless the string says
/// otherwise. Npgsql's own default is 100 per host, PostgreSQL's max_connections is 100 for the
/// whole server: one busy Web host answering 100 uploads at once could take every connection,
/// and the other hosts (and the test run beside it) were refused with "too many clients". A
/// request that finds the pool busy waits for a connection (Timeout, 15 s) instead.
/// </para>
/// </summary>
public static class PostgresConnection
{
    public const int DefaultPoolSize = 20;

    public static string Prepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var prepared = new NpgsqlConnectionStringBuilder(connectionString);
        if (!(given.ContainsKey("GSS Encryption Mode") || given.ContainsKey("GssEncryptionMode")
            || Environment.GetEnvironmentVariable("PGGSSENCMODE") is { Length: > 0 }))
        {
            prepared.GssEncryptionMode = GssEncryptionMode.Disable;
        }

        if (!(given.ContainsKey("Maximum Pool Size") || given.ContainsKey("Max Pool Size") || given.ContainsKey("MaxPoolSize")))
        {
            prepared.MaxPoolSize = DefaultPoolSize;
        }

        return prepared.ConnectionString;
    }
}
