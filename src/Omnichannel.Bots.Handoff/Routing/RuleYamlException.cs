using YamlDotNet.Core;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>A document YamlDotNet can read but a rules file may not contain; the message is shown as it is.</summary>
internal sealed class RuleYamlException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
