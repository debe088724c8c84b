namespace KpuTriage.Tests.Security;

public sealed class SignInSpecsOnSqlite : SignInSpecs
{
    protected override bool UsePostgres => false;
}
