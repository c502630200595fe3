namespace Omnichannel.Bots.Storage.Sqlite;

public enum SqliteDurability
{
    Full,
    Normal,
}
