using System.Reflection;

namespace Medallion.Testing;

/// <summary>
/// Where the repository and the shared material live. The shared folder is one setting:
/// <c>MEDALLION_SHARED</c> when set, otherwise <c>../shared</c> beside the repository.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("MEDALLION_SHARED") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Root, "..", "shared"));

    public static string Conf => Path.Combine(Root, "conf");

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>
    /// A folder under the shared material, or <see langword="null"/> with the reason it is
    /// missing (tests skip with that reason only where <c>../shared</c> is absent).
    /// </summary>
    public static string SharedFolder(string relative)
    {
        var path = Path.Combine(Shared, relative);
        if (!Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"This test needs the shared material at '{path}'. Clone the project beside ../shared or set MEDALLION_SHARED.");
        }

        return path;
    }

    private static string FindRoot()
    {
        var fromBuild = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Medallion.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Medallion.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Medallion.sln not found above the test binaries.");
    }
}
