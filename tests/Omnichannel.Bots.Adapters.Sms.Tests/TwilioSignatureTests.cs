using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// Our X-Twilio-Signature check against the official <c>twilio</c> npm package (twilio@6.2.0, installed by
/// tests/run.sh; its node_modules folder named by <c>OMNIBOT_TWILIO_NODE_MODULES</c>): over a table of URLs (ports, query
/// strings, trailing slashes, http and https) and parameter sets, twilio's signatures are accepted, altered ones
/// refused, and twilio's own validator accepts the signatures we compute.
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345abcdef67890abcdef1234567890";

    private static readonly string[] Urls =
    [
        "https://bot.example.com/api/channels/sms",
        "https://bot.example.com/api/channels/sms/",
        "https://bot.example.com:443/api/channels/sms",
        "https://bot.example.com:8443/api/channels/sms",
        "http://localhost:5080/api/channels/sms",
        "http://bot.example.com/api/channels/sms/status",
        "https://bot.example.com/api/channels/sms?tenant=acme&x=1",
        "https://bot.example.com/api/channels/sms?q=a%20b&empty=",
        "https://Bot.Example.com/prefix/api/channels/sms",
    ];

    private static readonly List<KeyValuePair<string, string>>[] ParameterSets =
    [
        [],
        TwilioForms.Incoming("SM0123456789abcdef0123456789abcdef", "+14155550100", "Hello, is my order shipped?"),
        TwilioForms.Incoming("MM0123456789abcdef0123456789abcdef", "+447700900123", "Photo 📷 attached — ça va? Ünïcödé",
            ("https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME1", "image/jpeg")),
        [new("Body", "a=b&c=d + e%20f"), new("body", "lower-case name"), new("Z", string.Empty), new("a", "first")],
        [new("MediaUrl", "https://x.example/2.png"), new("MediaUrl", "https://x.example/1.png"), new("To", "+15005550006")],
        TwilioForms.Status("SM0123456789abcdef0123456789abcdef", "undelivered", "30003"),
    ];

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Urls.Length * ParameterSets.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsValid_TwilioPackageSignatures_AcceptedAndAlteredRefused(int index)
    {
        var url = Urls[index / ParameterSets.Length];
        var parameters = ParameterSets[index % ParameterSets.Length];
        var validator = new TwilioSignature(Token);
        var ours = validator.Sign(new Uri(url), parameters);

        var result = (await RunTwilioAsync([(url, parameters, ours)]))[0];

        Assert.True(result.AcceptsOurs, $"twilio's validateRequest refused our signature for {url}");
        Assert.True(validator.IsValid(new Uri(url), parameters, result.Signature), $"our validator refused twilio's signature for {url}");
        Assert.False(validator.IsValid(new Uri(url), [.. parameters, new("Extra", "1")], result.Signature), "an added parameter");
        Assert.False(validator.IsValid(new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&y=2" : "?y=2")), parameters, result.Signature), "another query string");
        Assert.False(validator.IsValid(new Uri(url.Replace("/api/", "/apx/", StringComparison.Ordinal)), parameters, result.Signature), "another path");
        Assert.False(validator.IsValid(new Uri(url), parameters, Flip(result.Signature)), "a changed signature");
        Assert.False(new TwilioSignature(Token + "x").IsValid(new Uri(url), parameters, result.Signature), "another auth token");
        if (parameters.Count > 0)
        {
            var altered = parameters.Select((p, i) => i == 0 ? new KeyValuePair<string, string>(p.Key, p.Value + "!") : p).ToList();
            Assert.False(validator.IsValid(new Uri(url), altered, result.Signature), "a changed value");
        }
    }

    [Fact]
    public async Task IsValid_DefaultPortSignedOrNot_BothAccepted()
    {
        var parameters = ParameterSets[1];
        var results = await RunTwilioAsync(
        [
            ("https://bot.example.com:443/api/channels/sms", parameters, string.Empty),
            ("https://bot.example.com/api/channels/sms", parameters, string.Empty),
            ("http://bot.example.com:80/api/channels/sms", parameters, string.Empty),
        ]);
        var validator = new TwilioSignature(Token);

        Assert.True(validator.IsValid(new Uri("https://bot.example.com/api/channels/sms"), parameters, results[0].Signature));
        Assert.True(validator.IsValid(new Uri("https://bot.example.com:443/api/channels/sms"), parameters, results[1].Signature));
        Assert.True(validator.IsValid(new Uri("http://bot.example.com/api/channels/sms"), parameters, results[2].Signature));
        Assert.False(validator.IsValid(new Uri("https://bot.example.com:8443/api/channels/sms"), parameters, results[1].Signature));
        Assert.False(validator.IsValid(new Uri("http://bot.example.com/api/channels/sms"), parameters, results[1].Signature));
    }

    private static string Flip(string signature) => (signature[0] == 'A' ? "B" : "A") + signature[1..];

    private static async Task<List<(string Signature, bool AcceptsOurs)>> RunTwilioAsync(
        IReadOnlyList<(string Url, List<KeyValuePair<string, string>> Parameters, string Ours)> cases)
    {
        var modules = Environment.GetEnvironmentVariable("OMNIBOT_TWILIO_NODE_MODULES");
        Assert.False(
            string.IsNullOrEmpty(modules),
            "OMNIBOT_TWILIO_NODE_MODULES is not set: run tests/run.sh, which installs twilio@6.2.0 into tests/.cache/twilio and sets it "
            + "(or: npm install --prefix tests/.cache/twilio twilio@6.2.0 --no-audit --no-fund; export OMNIBOT_TWILIO_NODE_MODULES=$PWD/tests/.cache/twilio/node_modules).");
        Assert.True(Directory.Exists(Path.Combine(modules!, "twilio")), $"OMNIBOT_TWILIO_NODE_MODULES ({modules}) holds no twilio package: run tests/run.sh.");

        var input = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["authToken"] = Token,
            ["url"] = c.Url,
            ["params"] = Params(c.Parameters),
            ["ours"] = c.Ours,
        })]);
        var start = new ProcessStartInfo("node", Path.Combine(AppContext.BaseDirectory, "Signatures", "twilio-signatures.js"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OMNIBOT_TWILIO_NODE_MODULES"] = modules;
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(input.ToJsonString());
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {await errors}");
        return [.. JsonDocument.Parse(await output).RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("signature").GetString()!, r.GetProperty("acceptsOurs").GetBoolean()))];
    }

    /// <summary>The parameters as an Express-style object: a repeated name's values as an array.</summary>
    private static JsonObject Params(List<KeyValuePair<string, string>> parameters)
    {
        var result = new JsonObject();
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            var values = group.Select(p => p.Value).ToList();
            result[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
        }

        return result;
    }
}
