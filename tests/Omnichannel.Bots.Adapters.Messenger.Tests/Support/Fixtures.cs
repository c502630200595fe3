using System.Text;
using System.Text.Json;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>The webhook bodies in Fixtures/ (each file names the Messenger Platform page it follows), byte for byte as written there.</summary>
public static class Fixtures
{
    public static byte[] Body(string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")));
        return Encoding.UTF8.GetBytes(file.RootElement.GetProperty("body").GetRawText());
    }
}
