namespace Omnichannel.Bots;

/// <summary>
/// Creates the bot's stored data readable by its owner only: folders 0700, files 0600, set at creation (never a
/// moment with wider rights). On Windows the calls create the folder or file with the default rights (ACLs are left
/// to the operator). Components keeping files under <see cref="BotDataDirectory"/> use these instead of
/// <see cref="Directory.CreateDirectory(string)"/> and <see cref="File.Create(string)"/>.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>Owner read, write and search: 0700.</summary>
    public const UnixFileMode DirectoryUnixMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Owner read and write: 0600.</summary>
    public const UnixFileMode FileUnixMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates <paramref name="path"/> (and missing parents) as 0700, or tightens an existing folder: the folder
    /// becomes 0700, and the files and folders directly in it lose every group and other right (a data folder written
    /// by an earlier version). Returns the full path.
    /// </summary>
    public static string CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, DirectoryUnixMode);
            return full;
        }

        Tighten(full, DirectoryUnixMode);
        foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is null)
            {
                Tighten(entry.FullName, entry.UnixFileMode & ~GroupOrOther);
            }
        }

        return full;
    }

    /// <summary>
    /// Makes sure <paramref name="path"/> exists as an owner-only file before another library opens it (SQLite then
    /// gives its <c>-wal</c> and <c>-shm</c> files the same mode): an empty 0600 file when absent; an existing one
    /// (and its <c>-wal</c>/<c>-shm</c>) loses every group and other right.
    /// </summary>
    public static void EnsureFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = Create(path, FileMode.CreateNew);
            return;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (an earlier start, or another process just created it): tighten below.
        }

        foreach (var file in (string[])[path, path + "-wal", path + "-shm"])
        {
            if (File.Exists(file))
            {
                Tighten(file, File.GetUnixFileMode(file) & ~GroupOrOther);
            }
        }
    }

    /// <summary>Opens <paramref name="path"/> for writing, created as 0600 when <paramref name="mode"/> creates it.</summary>
    public static FileStream Create(string path, FileMode mode = FileMode.Create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileUnixMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to a new or replaced 0600 file.</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var file = Create(path);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode wanted)
    {
        if (File.GetUnixFileMode(path) != wanted)
        {
            File.SetUnixFileMode(path, wanted);
        }
    }
}
