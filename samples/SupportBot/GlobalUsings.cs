global using Omnichannel.Bots;
