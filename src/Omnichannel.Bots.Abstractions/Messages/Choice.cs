using System.Text.Json.Serialization;

namespace Omnichannel.Bots;

/// <summary>An option offered to the customer: a button where the channel has them, a numbered line where it does not.</summary>
[method: JsonConstructor]
public sealed record Choice(string Value, string Title)
{
    /// <summary>A choice whose value is its title.</summary>
    public Choice(string title)
        : this(title, title)
    {
    }
}
