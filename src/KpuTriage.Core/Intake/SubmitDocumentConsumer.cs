using MassTransit;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Intake;

/// <summary>
/// The AMQP intake: plain JSON from any client. The message is acknowledged only after the
/// document is recorded; a refused message goes to <c>kputriage.intake_error</c> with the
/// reason in its headers, and is never retried (it would fail the same way).
/// The broker, not an API key, decides who may publish here, so <c>source</c> is taken from
/// the message as given: anyone with publish rights on the queue can write under any source,
/// including an HTTP integration's. Grant those rights only to systems the office trusts as
/// much as its own staff.
/// </summary>
public sealed class SubmitDocumentConsumer(IntakeService intake, ILogger<SubmitDocumentConsumer> log) : IConsumer<SubmitDocument>
{
    public async Task Consume(ConsumeContext<SubmitDocument> context)
    {
        var message = context.Message;
        byte[] content;
        try
        {
            content = Convert.FromBase64String(message.Content ?? "");
        }
        catch (FormatException)
        {
            throw Refuse(message, new IntakeRefusedException(IntakeRefusal.Invalid, "content is not valid base64."));
        }

        if (string.IsNullOrWhiteSpace(message.FileName))
        {
            throw Refuse(message, new IntakeRefusedException(IntakeRefusal.Invalid, "fileName is required."));
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var result = await intake.AcceptAsync(new IntakeRequest(
                message.Source ?? SubmitDocument.DefaultSource, message.ExternalId, message.FileName, message.ContentType,
                message.Metadata?.GetRawText(), stream), context.CancellationToken);
            log.LogInformation("AMQP intake {Outcome} document {DocumentId} ({FileName}) from {Source}",
                result.Duplicate ? "matched existing" : "recorded", result.Document.Id, result.Document.FileName, result.Document.Source);
        }
        catch (IntakeRefusedException refused)
        {
            throw Refuse(message, refused);
        }
    }

    private IntakeRefusedException Refuse(SubmitDocument message, IntakeRefusedException refused)
    {
        log.LogWarning("AMQP intake refused {FileName} (externalId {ExternalId}, source {Source}): {Code}: {Reason}",
            message.FileName, message.ExternalId, message.Source, refused.Code, refused.Message);
        return refused;
    }
}
