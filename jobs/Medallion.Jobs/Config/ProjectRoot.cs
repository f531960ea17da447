namespace Medallion.Jobs.Config;

/// <summary>
/// Relative roots in <c>medallion.yaml</c> (<c>lake_root</c>, <c>raw_root</c>, <c>duckdb.temp_directory</c>)
/// name folders of the project: they resolve against the conf folder's parent, never the working
/// directory, so every command (and <c>--conf</c> from anywhere) reads and writes the same lake.
/// The loader resolves them once; what the rest of the code sees is absolute, or a URI as written.
/// </summary>
internal static class ProjectRoot
{
    /// <summary>The settings with every relative root made absolute against the project root of <paramref name="settingsPath"/>.</summary>
    public static MedallionConfig Resolve(MedallionConfig settings, string settingsPath)
    {
        var conf = Path.GetDirectoryName(Path.GetFullPath(settingsPath))!;
        var project = Path.GetDirectoryName(conf) ?? conf;
        return settings with
        {
            Environments = settings.Environments.ToDictionary(
                pair => pair.Key,
                pair => pair.Value with
                {
                    LakeRoot = Against(project, pair.Value.LakeRoot),
                    RawRoot = Against(project, pair.Value.RawRoot),
                    DuckDb = pair.Value.DuckDb with { TempDirectory = Against(project, pair.Value.DuckDb.TempDirectory) },
                },
                StringComparer.Ordinal),
        };
    }

    /// <summary>A local relative path made absolute against <paramref name="project"/>; an absolute path or a URI (<c>s3://…</c>) as written.</summary>
    public static string Against(string project, string root) =>
        root.Length == 0 || root.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(root)
            ? root
            : Path.GetFullPath(Path.Combine(project, root));
}
