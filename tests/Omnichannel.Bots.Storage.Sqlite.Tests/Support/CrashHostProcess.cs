using Omnichannel.Bots.Testing;
using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The crash test host (tests/Omnichannel.Bots.CrashTestHost) running as a separate process: feed it
/// "id TAB conversation TAB text" lines, wait for what it prints, kill it.
/// </summary>
public sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];
    private readonly StringBuilder _errors = new();

    private CrashHostProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything it printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return $"stdout:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}{Environment.NewLine}stderr:{Environment.NewLine}{_errors}";
            }
        }
    }

    public static CrashHostProcess Start(string dataDirectory, string? crashAt = null, string? crashMessage = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        if (crashAt is not null)
        {
            start.ArgumentList.Add("--crash-at");
            start.ArgumentList.Add(crashAt);
            start.ArgumentList.Add("--crash-message");
            start.ArgumentList.Add(crashMessage ?? throw new ArgumentNullException(nameof(crashMessage)));
        }

        var process = new Process { StartInfo = start };
        var host = new CrashHostProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (host._gate)
                {
                    host._output.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (host._gate)
                {
                    host._errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Writes one message line per (id, conversation, text).</summary>
    public void Feed(params (string Id, string Conversation, string Text)[] messages)
    {
        foreach (var (id, conversation, text) in messages)
        {
            _process.StandardInput.Write($"{id}\t{conversation}\t{text}\n");
        }

        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until the process has printed <paramref name="line"/>; fails the test if it exits or takes too long.</summary>
    public Task WaitForLineAsync(string line) =>
        Eventually.UntilAsync(
            () =>
            {
                lock (_gate)
                {
                    if (_output.Contains(line))
                    {
                        return true;
                    }
                }

                return _process.HasExited && HasExitedAndPrinted(line);
            },
            $"the crash host to print \"{line}\"",
            () => Output);

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(Eventually.Limit);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The crash host did not exit within {Eventually.Limit.TotalSeconds:0} s.{Environment.NewLine}{Output}");
        }

        Assert.True(_process.ExitCode == 0, $"The crash host exited with {_process.ExitCode}.{Environment.NewLine}{Output}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private bool HasExitedAndPrinted(string line)
    {
        // The process is gone: all its output has been read once WaitForExit returns.
        _process.WaitForExit();
        lock (_gate)
        {
            if (_output.Contains(line))
            {
                return true;
            }
        }

        throw new Xunit.Sdk.XunitException($"The crash host exited ({_process.ExitCode}) without printing \"{line}\".{Environment.NewLine}{Output}");
    }

    /// <summary>The host's build output: tests/Omnichannel.Bots.CrashTestHost/bin/{configuration}/{framework}, built by this project's reference.</summary>
    private static string HostDll
    {
        get
        {
            var configuration = typeof(CrashHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Omnichannel.Bots.sln")))
            {
                root = root.Parent;
            }

            if (root is null)
            {
                throw new InvalidOperationException($"Omnichannel.Bots.sln was not found above {AppContext.BaseDirectory}.");
            }

            var dll = Path.Combine(root.FullName, "tests", "Omnichannel.Bots.CrashTestHost", "bin", configuration, framework, "Omnichannel.Bots.CrashTestHost.dll");
            return File.Exists(dll)
                ? dll
                : throw new InvalidOperationException($"The crash test host is not built at {dll}; build this test project (it references the host).");
        }
    }
}
