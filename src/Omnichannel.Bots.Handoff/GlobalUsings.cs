global using Omnichannel.Bots.Storage;
