using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Admins' customer data rights API over <see cref="ICustomerPrivacy"/>: <c>GET /api/agent/customers/{id}/export</c>
/// (everything stored about the customer, as a JSON download) and <c>POST /api/agent/customers/{id}/erase</c> (deletes
/// it all; answers what was deleted per feature). Mapped behind <see cref="AgentRequestGuard.Admin"/> (403 for agents);
/// 404 for an unknown customer; each use is logged with the admin's id.
/// </summary>
internal sealed partial class AgentCustomerPrivacyApi
{
    /// <summary>Customer ids are short (<c>cus_</c> and hex); anything longer is not one.</summary>
    public const int MaxCustomerIdLength = 200;

    private readonly IServiceProvider _services;
    private readonly ILogger<AgentCustomerPrivacyApi> _logger;

    public AgentCustomerPrivacyApi(IServiceProvider services, ILogger<AgentCustomerPrivacyApi> logger)
    {
        _services = services;
        _logger = logger;
    }

    /// <summary>The storage's implementation, resolved when first used (<c>AddSqliteStorage()</c> registers it).</summary>
    private ICustomerPrivacy? Privacy => (ICustomerPrivacy?)_services.GetService(typeof(ICustomerPrivacy));

    public Task<IResult> ExportAsync(HttpContext http, AgentSession session) => ForCustomerAsync(
        http,
        (privacy, id, ct) => privacy.ExportAsync(id, ct),
        (id, export) =>
        {
            LogExported(_logger, session.Agent.Id, id);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"customer-{SafeFileName(id)}.json\"";
            return Results.Text(export, "application/json; charset=utf-8");
        });

    public Task<IResult> EraseAsync(HttpContext http, AgentSession session) => ForCustomerAsync(
        http,
        (privacy, id, ct) => privacy.EraseAsync(id, ct),
        (id, erasure) =>
        {
            LogErased(_logger, session.Agent.Id, id);
            return AgentJson.Ok(new ErasureView(erasure.CustomerId, erasure.ErasedAt, erasure.RowsByFeature, erasure.Files, erasure.Compacted));
        });

    /// <summary>Checks the route's id and that the host keeps customers, runs <paramref name="act"/>; 404 when it finds no such customer.</summary>
    private async Task<IResult> ForCustomerAsync<T>(HttpContext http, Func<ICustomerPrivacy, string, CancellationToken, Task<T?>> act, Func<string, T, IResult> found)
        where T : class
    {
        var id = http.Request.RouteValues["id"] as string ?? "";
        if (id.Length is 0 or > MaxCustomerIdLength || id.Any(char.IsControl))
        {
            return AgentJson.Error(StatusCodes.Status400BadRequest, $"A customer id is 1 to {MaxCustomerIdLength} printable characters.");
        }

        if (Privacy is not { } privacy)
        {
            return AgentJson.Error(StatusCodes.Status501NotImplemented, "This host keeps no customer data to export or erase (add AddSqliteStorage() to the bot).");
        }

        return await act(privacy, id, http.RequestAborted).ConfigureAwait(false) is { } result
            ? found(id, result)
            : AgentJson.Error(StatusCodes.Status404NotFound, $"There is no customer '{id}' (never was, merged into another, or erased).");
    }

    private static string SafeFileName(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {AgentId} exported customer {CustomerId}.")]
    private static partial void LogExported(ILogger logger, string agentId, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {AgentId} erased customer {CustomerId}.")]
    private static partial void LogErased(ILogger logger, string agentId, string customerId);

    private sealed record ErasureView(string CustomerId, DateTimeOffset ErasedAt, IReadOnlyDictionary<string, int> Rows, int Files, bool Compacted);
}
