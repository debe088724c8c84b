using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using KpuTriage.Core.People;
using KpuTriage.Core.Review;
using KpuTriage.Web.Desk;
using KpuTriage.Web.Pages;

namespace KpuTriage.Tests.ReviewDesk;

/// <summary>
/// The desk's strings: Bahasa Indonesia and English have the same keys, and every key a page
/// uses exists — a missing one would show the bare key to a clerk.
/// </summary>
public sealed partial class DeskTextSpecs
{
    private static readonly ResourceManager Strings = new("KpuTriage.Web.Resources.Desk.SharedResource", typeof(SharedResource).Assembly);

    private static HashSet<string> Keys(string culture) =>
        Strings.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Should_have_the_same_keys_in_indonesian_and_english()
    {
        var indonesian = Keys(CultureInfo.InvariantCulture.Name);
        var english = Keys("en");

        Assert.NotEmpty(indonesian);
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    [Fact]
    public void Should_have_every_key_the_pages_use()
    {
        var known = Keys(CultureInfo.InvariantCulture.Name);
        var pages = Path.Combine(RepositoryRoot(), "src", "KpuTriage.Web", "Pages");
        var literal = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToList();
        Assert.Contains("nav.inbox", literal); // the scan itself works
        // Keys built from codes: field names, statuses, flags and roles.
        var built = FinalValues.FieldNames.Concat(ItemModel.Context).Select(f => "field." + f)
            .Concat(new[] { InboxQuery.InReview, InboxQuery.ManualTriage, InboxQuery.AwaitingCoApproval }.Select(s => "status." + s))
            .Concat(new[] { InboxFacts.Disagreement, InboxFacts.Injection }.Select(f => "flag." + f))
            .Concat(Roles.ForPeople.Select(r => "role." + r));

        var missing = literal.Concat(built).Where(k => !k.EndsWith('.')).Distinct().Except(known).ToList();

        Assert.True(missing.Count == 0, "missing strings: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KpuTriage.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KpuTriage.sln not found above the test binaries.");
    }

    [GeneratedRegex("""(?:\bT|\btext)\["([a-z][a-z0-9.\-]*)"\s*[\],]""")]
    private static partial Regex KeyPattern();
}
