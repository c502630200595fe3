using System.Diagnostics;

namespace Omnichannel.Bots.Knowledge.Onnx.Tests;

/// <summary>
/// Writes the test models once per test class with tests/tools/write_test_onnx_model.py (Debian's /usr/bin/python3 with
/// python3-onnx; tests/run.sh installs it) into a temporary folder, from the bundled word-vector table.
/// </summary>
public sealed class TestOnnxModel : IDisposable
{
    public const int Words = 3000;

    public TestOnnxModel()
    {
        var repo = FindRepositoryRoot();
        Directory = System.IO.Directory.CreateTempSubdirectory("omnibot-onnx-").FullName;
        var script = Path.Combine(repo, "tests", "tools", "write_test_onnx_model.py");
        var table = Path.Combine(repo, "src", "Omnichannel.Bots.Knowledge", "Embeddings", "Data", "glove-100d-100k.obwv");
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            throw new InvalidOperationException($"{python} is missing: the ONNX tests need Debian's python3 with python3-onnx (apt-get install python3 python3-onnx python3-numpy; tests/run.sh installs them).");
        }

        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, Directory, "--table", table, "--words", Words.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var hint = stderr.Contains("No module named", StringComparison.Ordinal) || process.ExitCode == 3
                ? " Install Debian's ONNX package: apt-get install python3-onnx python3-numpy (tests/run.sh does this)."
                : "";
            throw new InvalidOperationException($"{python} {script} failed with exit code {process.ExitCode}: {stderr.Trim()}{hint}");
        }

        _ = stdout.Result;
    }

    public string Directory { get; }

    public string ModelPath => Path.Combine(Directory, "model.onnx");

    public string PooledModelPath => Path.Combine(Directory, "pooled.onnx");

    public string VocabPath => Path.Combine(Directory, "vocab.txt");

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichannel.Bots.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Omnichannel.Bots.sln not found above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
