using System.Globalization;
using System.Text;

namespace Benchmarks;

/// <summary>A seeded help centre of N articles on distinct made-up topics, written as real knowledge files.</summary>
public static class SyntheticKnowledge
{
    private static readonly string[] Things =
    [
        "tent", "stove", "lantern", "backpack", "sleeping bag", "jacket", "boot", "glove", "helmet", "kayak", "paddle",
        "compass", "map", "rope", "harness", "carabiner", "water filter", "bottle", "cooler", "chair", "hammock",
        "tarp", "poncho", "gaiter", "sock", "beanie", "scarf", "headlamp", "battery", "charger", "knife", "axe",
        "saw", "shovel", "bike", "wheel", "pump", "lock", "saddle", "pedal", "ski", "pole", "snowshoe", "goggle",
        "sunscreen", "insect spray", "first aid kit", "whistle", "radio", "tripod", "camera", "binocular", "fishing rod",
        "reel", "lure", "net", "wader", "vest", "fleece", "parka", "rain cover", "stuff sack", "mat", "pillow",
    ];

    private static readonly string[] Issues =
    [
        "broken", "missing", "late", "damaged", "wrong size", "wrong colour", "leaking", "torn", "stuck", "noisy",
        "too heavy", "not charging", "scratched", "faded", "loose", "cracked",
    ];

    private static readonly string[] Actions =
    [
        "return", "exchange", "repair", "clean", "store", "register", "assemble", "replace", "insure", "wash",
    ];

    public static string IdOf(int index) => $"topic-{index:D4}";

    public static string PathOf(string folder, int index) => Path.Combine(folder, $"group-{index % 20:D2}", $"{IdOf(index)}.md");

    /// <summary>A question no article has, for the edit number <paramref name="edit"/>.</summary>
    public static string EditPhrase(int edit) => string.Create(CultureInfo.InvariantCulture, $"can a zebra xylophone number {edit} be refitted");

    /// <summary>The article's text with one more example question.</summary>
    public static string WithQuestion(string article, string question)
    {
        const string marker = "questions:\n";
        var at = article.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException("not a synthetic article") : article.Insert(at + marker.Length, $"  - \"{question}\"\n");
    }

    public static void Write(string folder, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var thing = Things[i % Things.Length];
            var issue = Issues[(i / Things.Length) % Issues.Length];
            var action = Actions[random.Next(Actions.Length)];
            var path = PathOf(folder, i);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = new StringBuilder()
                .Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"id: {IdOf(i)}\n")
                .Append(CultureInfo.InvariantCulture, $"title: \"My {thing} is {issue} ({i})\"\n")
                .Append("locale: en\n")
                .Append(CultureInfo.InvariantCulture, $"tags: [{action}]\n")
                .Append("questions:\n")
                .Append(CultureInfo.InvariantCulture, $"  - \"my {thing} is {issue}, item {i}\"\n")
                .Append(CultureInfo.InvariantCulture, $"  - \"what do I do about a {issue} {thing} number {i}\"\n")
                .Append(CultureInfo.InvariantCulture, $"  - \"{thing} {issue} help {i}\"\n")
                .Append(CultureInfo.InvariantCulture, $"  - \"can I {action} a {issue} {thing} ({i})\"\n")
                .Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"If your {thing} is {issue}, you can {action} it within 30 days. Case {i}.\n\n")
                .Append("## Steps\n\n")
                .Append(CultureInfo.InvariantCulture, $"1. Find your order number.\n2. Describe the {issue} {thing}.\n3. We reply within one business day.\n\n")
                .Append("## Short\n\n")
                .Append(CultureInfo.InvariantCulture, $"A {issue} {thing} can be sent for {action} within 30 days.\n")
                .ToString();
            File.WriteAllText(path, text);
        }
    }
}
