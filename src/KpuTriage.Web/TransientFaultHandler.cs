using KpuTriage.Core.Pipeline;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Diagnostics;

namespace KpuTriage.Web;

/// <summary>
/// A request that fails because the database or the broker is away answers 503 with Retry-After,
/// not 500: the caller did nothing wrong and the same request will succeed when the service is
/// back (submissions are idempotent by externalId). Integrations retry a 503 on their own; a 500
/// reads as a defect to fix. A person at the desk (a browser asking for a page, not the API)
/// gets the same status as a short page in their language (<see cref="UnavailablePage"/>).
/// </summary>
internal sealed class TransientFaultHandler(IProblemDetailsService problems, ILogger<TransientFaultHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFault.Is(exception) || http.Response.HasStarted)
        {
            return false;
        }

        logger.LogWarning("{Method} {Path} answered 503: {Reason}", http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (UnavailablePage.IsFor(http.Request))
        {
            await UnavailablePage.WriteAsync(http, RetryAfterSeconds);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = $"the database or the message broker is unreachable for now; send the same request again after {RetryAfterSeconds} s.",
                Extensions = { ["code"] = "temporarily_unavailable" },
            },
        });
    }
}
