using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Delivery;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// Twilio's two webhooks (mapped only when SMS is enabled), both checked with <c>X-Twilio-Signature</c> before anything
/// is stored (401 otherwise), 413 over <see cref="SmsOptions.MaxBodyBytes"/>, 400 for a body that is not a form Twilio
/// sends. <c>POST /api/channels/sms</c>: an incoming message, stored in the inbox (a repeated <c>MessageSid</c> is stored
/// once), answered at once with an empty TwiML <c>&lt;Response/&gt;</c>; the replies go through the REST API.
/// <c>POST /api/channels/sms/status</c>: a status callback, handed to <see cref="IDeliveryReports"/>; 200 also for a SID
/// no outbound message carries (yet) and for statuses before "sent" (queued, sending), so Twilio does not retry.
/// </summary>
internal sealed partial class SmsWebhookEndpoints : IBotEndpoints
{
    public const string Path = "/api/channels/sms";
    public const string StatusPath = "/api/channels/sms/status";
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private readonly TwilioMessageMapper _mapper;
    private readonly IMessageInbox _inbox;
    private readonly IDeliveryReports _reports;
    private readonly IOptions<SmsOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SmsWebhookEndpoints> _logger;

    public SmsWebhookEndpoints(
        TwilioMessageMapper mapper, IMessageInbox inbox, IDeliveryReports reports, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsWebhookEndpoints> logger)
    {
        _mapper = mapper;
        _inbox = inbox;
        _reports = reports;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (_options.Value.Enabled)
        {
            endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
            endpoints.MapPost(StatusPath, (Func<HttpContext, Task<IResult>>)StatusAsync);
        }
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var (request, problem) = await ReadAsync(http, Path).ConfigureAwait(false);
        if (request is null)
        {
            return Results.Text(problem!.Message, statusCode: problem.StatusCode);
        }

        BotMessage message;
        try
        {
            message = _mapper.Map(request);
        }
        catch (InboundMessageRejectedException ex)
        {
            LogRejected(_logger, ex.Message);
            return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(message.Text) && message.Attachments.Count == 0)
        {
            LogIgnored(_logger, message.Id);
            return Twiml();
        }

        try
        {
            var receipt = await _inbox.SubmitAsync(message, http.RequestAborted).ConfigureAwait(false);
            if (receipt.IsDuplicate)
            {
                LogDuplicate(_logger, message.Id);
            }
        }
        catch (InboundMessageRejectedException ex)
        {
            return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        return Twiml();
    }

    private async Task<IResult> StatusAsync(HttpContext http)
    {
        var (request, problem) = await ReadAsync(http, StatusPath).ConfigureAwait(false);
        if (request is null)
        {
            return Results.Text(problem!.Message, statusCode: problem.StatusCode);
        }

        var (report, notAReport) = TwilioStatus.Read(request, _time.GetUtcNow());
        if (notAReport is not null)
        {
            LogRejected(_logger, notAReport);
            return Results.Text(notAReport, statusCode: StatusCodes.Status400BadRequest);
        }

        if (report is not null && !await _reports.RecordAsync(report, http.RequestAborted).ConfigureAwait(false))
        {
            LogUnknownSid(_logger, report.ProviderMessageId, report.Status);
        }

        return Results.Ok();
    }

    private async Task<(TwilioRequest? Request, BodyProblem? Problem)> ReadAsync(HttpContext http, string path)
    {
        var options = _options.Value;
        var (request, problem) = await TwilioRequest.ReadAsync(http.Request, path, options, new TwilioSignature(options.AuthToken!)).ConfigureAwait(false);
        if (problem?.StatusCode == StatusCodes.Status401Unauthorized)
        {
            LogBadSignature(_logger, path, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        return (request, problem);
    }

    private static IResult Twiml() => Results.Text(EmptyTwiml, "text/xml; charset=utf-8");

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a Twilio call to {Path} from {Remote}: X-Twilio-Signature is missing or does not sign the request")]
    private static partial void LogBadSignature(ILogger logger, string path, string remote);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refused a Twilio webhook body: {Problem}")]
    private static partial void LogRejected(ILogger logger, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Twilio message {MessageSid} was already stored (a redelivery)")]
    private static partial void LogDuplicate(ILogger logger, string messageSid);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Twilio message {MessageSid} ignored: no text and no media")]
    private static partial void LogIgnored(ILogger logger, string messageSid);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Twilio status {Status} for {MessageSid}, which no outbound message carries yet (kept a while)")]
    private static partial void LogUnknownSid(ILogger logger, string messageSid, DeliveryStatus status);
}
