using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The database holds every transcript: its folder is created 0700 and the file 0600 before SQLite opens it, so SQLite
/// gives <c>-wal</c> and <c>-shm</c> the same owner-only mode. (Windows: rights are left to the ACLs.)
/// </summary>
public sealed class FilePermissionTests
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Open_NewDataFolder_FolderDatabaseWalAndShmOwnerOnly()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");

        using var database = Open(data);

        string[] files = [database.FilePath, database.FilePath + "-wal", database.FilePath + "-shm"];
        Assert.All(files, f => Assert.True(File.Exists(f), f + " missing"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(data));
            foreach (var file in files)
            {
                Assert.Equal((file, OwnerFile), (file, File.GetUnixFileMode(file)));
            }
        }
    }

    [Fact]
    public void Open_ExistingWorldReadableDatabase_TightenedWithItsFolder()
    {
        using var temp = new TempDirectory();
        using (Open(temp.Path))
        {
        }

        var file = temp.DatabaseFile;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp.Path, OwnerFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(file, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using var database = Open(temp.Path);

        Assert.Equal(file, database.FilePath);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(temp.Path));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(file + "-wal"));
        }
    }

    private static SqliteDatabase Open(string directory) =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = directory }), NullLogger<SqliteDatabase>.Instance);
}
