using Microsoft.Extensions.Localization;

namespace KpuTriage.Web.Desk;

/// <summary>A field's label in the person's language, or its name when the desk has no label for it.</summary>
public static class FieldLabel
{
    public static string Of(IStringLocalizer text, string field) =>
        text["field." + field] is { ResourceNotFound: false } label ? label.Value : field;
}
