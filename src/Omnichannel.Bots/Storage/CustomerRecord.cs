namespace Omnichannel.Bots.Storage;

/// <summary>
/// One customer, whatever channels they use. <see cref="IdentityKeys"/> are the keys that link to them, such as
/// <c>sms:+15551234567</c> or <c>phone:+15551234567</c> (see <see cref="IdentityKeys"/>).
/// </summary>
public sealed record CustomerRecord(string Id, IReadOnlyList<string> IdentityKeys, DateTimeOffset CreatedAt);
