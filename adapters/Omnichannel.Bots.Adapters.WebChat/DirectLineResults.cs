using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>Direct Line's error body, <c>{"error":{"code":"...","message":"..."}}</c>, with the status that goes with it.</summary>
internal static class DirectLineResults
{
    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    /// <summary>
    /// 403 with code <c>TokenExpired</c>, as the Direct Line 3.0 reference specifies for a token that was valid and has
    /// expired (401 is for a missing or bad credential). botframework-directlinejs depends on it: a 403 moves it to
    /// <c>ConnectionStatus.ExpiredToken</c>, which the page can act on, while a 401 only fails the one message (a post)
    /// or is retried for 15 minutes (a token refresh, a stream reconnect).
    /// </summary>
    public static IResult TokenExpired() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.");

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult BadArgument(IReadOnlyList<string> problems) => BadArgument(string.Join("; ", problems) + ".");

    public static IResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    /// <summary>A refused request body: 413 <c>MessageSizeTooBig</c> when it was over the limit, else 400 <c>BadArgument</c>.</summary>
    public static IResult Refused(BodyProblem problem) =>
        problem.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(problem.Message) : BadArgument(problem.Message);

    /// <summary>413 <c>QuotaExceeded</c>: the conversation keeps as many uploads as it may.</summary>
    public static IResult QuotaExceeded(string message) => Error(StatusCodes.Status413PayloadTooLarge, "QuotaExceeded", message);

    /// <summary>429 <c>TooManyStreams</c>: the token has as many WebSocket streams open as it may.</summary>
    public static IResult TooManyStreams(string message) => Error(StatusCodes.Status429TooManyRequests, "TooManyStreams", message);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
