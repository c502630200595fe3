namespace Omnichannel.Bots.AspNetCore;

/// <summary>Why a request body was refused: the HTTP status (400, or 413 for a body over the limit) and a message naming what was wrong.</summary>
public sealed record BodyProblem(int StatusCode, string Message);
