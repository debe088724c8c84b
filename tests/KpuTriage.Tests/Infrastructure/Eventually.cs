namespace KpuTriage.Tests.Infrastructure;

/// <summary>Polls a condition that other threads or processes make true, until it holds or the time is up.</summary>
internal static class Eventually
{
    /// <returns>Whether the condition held before <paramref name="timeout"/>; the caller asserts with its own message.</returns>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout) => TrueAsync(() => Task.FromResult(condition()), timeout);
}
