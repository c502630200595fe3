using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// The link-code journey every adapter's tests run: a web chat visitor asks to continue on the adapter's channel, gets
/// a code, and sends it there; afterwards every conversation belongs to one customer, merged for the link code.
/// </summary>
public static partial class LinkCodeJourney
{
    /// <summary>Web chat's Direct Line secret on the host (the visitor starts their conversation with it).</summary>
    public const string WebChatSecret = "test-directline-secret-0123456789abcdef";

    /// <summary>Configuration for the host: web chat's Direct Line secret.</summary>
    public static IEnumerable<string> Settings => [$"Channels:WebChat:Secret={WebChatSecret}"];

    /// <summary>The code as shown in an offer (<c>7KQ2M-X9P4D</c>).</summary>
    public static string CodeIn(string offer) =>
        ShownCode().Match(offer) is { Success: true } match ? match.Value : throw new InvalidOperationException($"No code in \"{offer}\".");

    /// <summary>The customers the host's conversations belong to (one, once linked), and the reasons of the merges recorded.</summary>
    public static (IReadOnlyList<string> Customers, IReadOnlyList<string> MergeReasons) Customers(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetRequiredService<SqliteDatabase>();
        return database.Read(db =>
        {
            List<string> customers = [];
            using (var reader = db.Query("SELECT DISTINCT customer_id FROM conversations"))
            {
                while (reader.Read())
                {
                    customers.Add(reader.GetString(0));
                }
            }

            List<string> reasons = [];
            using (var reader = db.Query("SELECT reason FROM customer_merges"))
            {
                while (reader.Read())
                {
                    reasons.Add(reader.GetString(0));
                }
            }

            return ((IReadOnlyList<string>)customers, (IReadOnlyList<string>)reasons);
        });
    }

    [GeneratedRegex("[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex ShownCode();
}
