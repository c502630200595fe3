using YamlDotNet.Core;

namespace Omnichannel.Bots.Knowledge;

/// <summary>A document YamlDotNet can read but a knowledge file may not contain; the message is shown as it is.</summary>
internal sealed class YamlRuleException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
