using System.Runtime.InteropServices;

namespace Medallion.Delta.Storage;

/// <summary>
/// Publishes a fully written temp file under a new name only if that name does not exist yet,
/// atomically. On Unix, .NET's <c>File.Move(overwrite: false)</c> checks for the target and then
/// renames, so two racing writers could both "win" a Delta version (seen in the eight-writer test);
/// <c>link(2)</c> creates the name or fails with EEXIST in one step, and readers never see a
/// half-written file because the content was complete before the link.
/// </summary>
internal static partial class AtomicCreate
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    /// <summary>True when <paramref name="target"/> now names <paramref name="temp"/>'s content; false when it already existed.</summary>
    /// <exception cref="IOException">The link failed for another reason.</exception>
    public static bool TryPublish(string temp, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            // MoveFileEx without MOVEFILE_REPLACE_EXISTING is atomic on Windows.
            try
            {
                File.Copy(temp, target, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                return false;
            }
        }

        if (Link(temp, target) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists
            ? false
            : throw new IOException($"Could not create '{target}': link(2) failed with errno {error}.");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
