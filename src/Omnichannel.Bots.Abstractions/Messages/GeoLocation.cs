namespace Omnichannel.Bots;

public sealed record GeoLocation(double Latitude, double Longitude, string? Name = null, string? Address = null);
