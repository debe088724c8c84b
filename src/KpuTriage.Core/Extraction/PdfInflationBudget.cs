using System.Diagnostics.CodeAnalysis;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The filters PdfPig decodes one document's streams with, sharing one budget of inflated
/// bytes. PdfPig inflates a stream whole, into memory, however far it goes: a 3 MB file can
/// hold a content stream of 3 GB, which cost 4.4 GB and a minute before this. Every filter is
/// wrapped (<see cref="BudgetedFilter"/>) so the running total is charged and, for deflate,
/// measured before PdfPig allocates anything. Once over, every further decode fails too, so
/// the reader can stop at the page where it happened.
/// </summary>
internal sealed class PdfInflationBudget(long maxBytes) : IFilterProvider
{
    private long _inflated;

    public long MaxBytes => maxBytes;

    /// <summary>Set once the streams decoded so far inflated past the budget.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Bytes that may still be inflated; zero once exceeded.</summary>
    public long Remaining => Exceeded ? 0 : maxBytes - _inflated;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) =>
        Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) =>
        Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    /// <summary>Adds decoded bytes to the total; throws once the total is over the budget.</summary>
    public void Charge(long bytes)
    {
        _inflated += bytes;
        if (_inflated > maxBytes)
        {
            Refuse();
        }
    }

    /// <summary>Marks the budget spent and stops the decode under way.</summary>
    [DoesNotReturn]
    public void Refuse()
    {
        Exceeded = true;
        throw new InvalidDataException($"PDF streams inflate to over {maxBytes} bytes");
    }

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) =>
        [.. filters.Select(filter => (IFilter)new BudgetedFilter(filter, this))];
}
