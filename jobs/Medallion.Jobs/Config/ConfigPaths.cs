namespace Medallion.Jobs.Config;

/// <summary>
/// What a run would later refuse about the roots and folders of an environment, checked when the
/// configuration loads, so <c>medallion datasets</c> reports it and <c>run</c> never starts on it.
/// Only reads the file system (nothing is created): a path whose existing part is a file, or a
/// folder nobody may write, can never hold a temp directory.
/// </summary>
internal static class ConfigPaths
{
    /// <summary>Why <paramref name="root"/> is not a lake or raw root; null when it can be one.</summary>
    public static string? RootProblem(string root)
    {
        if (root.Trim().Length == 0)
        {
            return "it is empty; write a folder such as ./lake or a URI such as s3://bucket/prefix";
        }

        var separator = root.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
        {
            // A root may be read-only (a reader's view of a lake); only a file in the way is fatal.
            return LocalFolderProblem(root, writable: false);
        }

        var scheme = root[..separator];
        var rest = root[(separator + 3)..];
        return scheme switch
        {
            "s3" when rest.Length == 0 || rest.StartsWith('/') => "an s3:// root needs a bucket, e.g. s3://acme-lake/medallion",
            "s3" => null,
            "file" => Uri.TryCreate(root, UriKind.Absolute, out var uri) && uri.IsFile ? LocalFolderProblem(uri.LocalPath, writable: false) : "it is not a valid file:// URI",
            _ => $"`{scheme}://` is not a store Medallion knows; use a local folder, file:// or s3://",
        };
    }

    /// <summary>Why <paramref name="folder"/> cannot be (or become) a local folder, one that can be written when <paramref name="writable"/>; null when it can.</summary>
    public static string? LocalFolderProblem(string folder, bool writable)
    {
        if (folder.Trim().Length == 0)
        {
            return "it is empty";
        }

        string full;
        try
        {
            full = Path.GetFullPath(folder);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return error.Message;
        }

        if (folder.Any(char.IsControl))
        {
            return "it holds a control character";
        }

        // The deepest part that exists decides: a file there means the folder can never be created.
        for (var path = full; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return $"{path} is a file, not a folder";
            }

            if (Directory.Exists(path))
            {
                return !writable || OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0
                    ? null
                    : $"{path} is read-only (nobody may write in it)";
            }
        }

        return null;
    }
}
