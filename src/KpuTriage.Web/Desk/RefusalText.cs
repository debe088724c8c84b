using System.Globalization;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Review;
using Microsoft.Extensions.Localization;

namespace KpuTriage.Web.Desk;

/// <summary>
/// A refusal as the desk shows it: in the person's language, a register field by its label
/// and a time in the office's zone.
/// </summary>
public sealed class RefusalText(IStringLocalizer<SharedResource> text, OfficeTime time)
{
    public string Show(Refusal refusal) => refusal.Text(
        indonesian: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en",
        argument => argument switch
        {
            string field when FinalValues.FieldNames.Contains(field) || TextLimits.OtherFields.Contains(field) => text[$"field.{field}"].Value,
            DateTimeOffset moment => time.Local(moment),
            _ => argument,
        });
}
