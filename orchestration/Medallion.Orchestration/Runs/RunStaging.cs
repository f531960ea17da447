using Medallion.Delta.Storage;
using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// The stores one <c>medallion run</c> reads and writes, and the local folders the embedded engine
/// works in. DuckDB here has no httpfs, so for an S3 root the engine works in a staging folder
/// below <c>duckdb.temp_directory</c> (raw objects are downloaded into it, Parquet files are written
/// into it and then uploaded); for a local root the folder is the root itself, so nothing is copied.
/// Disposing deletes the staging folder, whether the run succeeded or not.
/// </summary>
internal sealed class RunStaging : IDisposable
{
    private readonly string? _folder;

    private RunStaging(IObjectStore lake, IObjectStore raw, string? folder)
    {
        _folder = folder;
        Lake = lake;
        LakeDirectory = LocalRoot(lake) ?? Path.Combine(folder!, "lake");
        Raw = new RawFiles(raw, LocalRoot(raw) ?? Path.Combine(folder!, "raw"));
    }

    /// <summary>The lake's store: every Delta commit, ledger and uploaded data file goes through it.</summary>
    public IObjectStore Lake { get; }

    /// <summary>The local folder the engine writes a table's Parquet files into (table paths below it).</summary>
    public string LakeDirectory { get; }

    public RawFiles Raw { get; }

    /// <summary>Where staged copies go, or null when both roots are local folders.</summary>
    public string? Folder => _folder;

    /// <exception cref="MedallionException">A root cannot be opened.</exception>
    public static RunStaging Open(EnvironmentSpec environment, string rawRoot)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var lake = LakeResolver.OpenStore(environment.LakeRoot, environment);
        IObjectStore raw;
        try
        {
            raw = LakeResolver.OpenStore(rawRoot, environment);
        }
        catch
        {
            (lake as IDisposable)?.Dispose();
            throw;
        }

        string? folder = null;
        if (LocalRoot(lake) is null || LocalRoot(raw) is null)
        {
            // A folder per run: runs of other datasets may stage beside it at the same time.
            folder = Path.Combine(Path.GetFullPath(environment.DuckDb.TempDirectory), $"staging-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
        }

        return new RunStaging(lake, raw, folder);
    }

    public void Dispose()
    {
        (Lake as IDisposable)?.Dispose();
        Raw.Dispose();
        if (_folder is null || !Directory.Exists(_folder))
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Dispose must not throw over the run's own outcome; the folder is below temp_directory, which is scratch space.
        }
    }

    private static string? LocalRoot(IObjectStore store) => (store as LocalObjectStore)?.RootDirectory;
}
