namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Microsoft's Web Chat bundle (botframework-webchat's dist/webchat.js), which tests/run.sh fetches with npm pack into
/// tests/.cache/botframework-webchat/ (git-ignored) and exports as OMNIBOT_WEBCHAT_BUNDLE.
/// </summary>
public static class WebChatBundle
{
    /// <summary>The version tests/run.sh fetches.</summary>
    public const string Version = "4.18.1";

    /// <summary>OMNIBOT_WEBCHAT_BUNDLE, else tests/.cache/botframework-webchat/webchat.js; throws when the file is missing.</summary>
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("OMNIBOT_WEBCHAT_BUNDLE") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : System.IO.Path.Combine(RepoPaths.Root, "tests", ".cache", "botframework-webchat", "webchat.js");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The Web Chat bundle was not found at '{path}'. Run the tests with tests/run.sh, which fetches " +
                    $"botframework-webchat@{Version} (npm pack) into tests/.cache/botframework-webchat/, or set " +
                    "OMNIBOT_WEBCHAT_BUNDLE to a webchat.js.",
                    path);
            }

            return path;
        }
    }
}
