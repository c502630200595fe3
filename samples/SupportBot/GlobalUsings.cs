global using Omnichannel.Bots;
global using Omnichannel.Bots.Journeys;
