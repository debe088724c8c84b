using System.Globalization;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Localization;

namespace KpuTriage.Web.Desk;

/// <summary>
/// The desk speaks Bahasa Indonesia unless the signed-in person chose English (stored on the
/// account, carried in the session's claims). Before sign-in, ?lang=en switches the form.
/// The browser's Accept-Language is ignored on purpose: an office's shared PCs often say en-US.
/// </summary>
public static class UserCulture
{
    public static IReadOnlyList<CultureInfo> Supported { get; } = [new("id-ID"), new("en-GB")];

    public static RequestLocalizationOptions Options() => new()
    {
        DefaultRequestCulture = new RequestCulture("id-ID"),
        SupportedCultures = [.. Supported],
        SupportedUICultures = [.. Supported],
        RequestCultureProviders =
        [
            new CustomRequestCultureProvider(context => Task.FromResult(Culture(
                context.User.FindFirst(DeskCookie.LanguageClaim)?.Value ?? context.Request.Query["lang"].ToString()))),
        ],
    };

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";

    private static ProviderCultureResult? Culture(string? language) => language switch
    {
        "en" => new ProviderCultureResult("en-GB"),
        "id" => new ProviderCultureResult("id-ID"),
        _ => null,
    };
}
