namespace KpuTriage.Web.Desk;

/// <summary>
/// Marker for the desk's strings: Resources/Desk.SharedResource.resx (Bahasa Indonesia, the
/// neutral language) and .en.resx. Keys are short names, so a missing string shows as its key.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>: never instantiated, but must be a type argument.
public sealed class SharedResource;
#pragma warning restore CA1052
