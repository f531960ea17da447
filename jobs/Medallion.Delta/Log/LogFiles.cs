using System.Globalization;
using System.Text.RegularExpressions;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Log;

/// <summary>Names of the files in <c>_delta_log</c> and what a listing of it holds.</summary>
internal sealed partial class LogFiles
{
    private LogFiles(SortedDictionary<long, ObjectInfo> commits, SortedDictionary<long, ObjectInfo> checkpointFiles)
    {
        Commits = commits;
        CheckpointFiles = checkpointFiles;
        Checkpoints = [.. checkpointFiles.Keys];
    }

    /// <summary>Commit files by version.</summary>
    public SortedDictionary<long, ObjectInfo> Commits { get; }

    /// <summary>Versions that have a classic single-file checkpoint.</summary>
    public SortedSet<long> Checkpoints { get; }

    /// <summary>Classic single-file checkpoints by version, with their listing entry (log cleanup reads their age).</summary>
    public SortedDictionary<long, ObjectInfo> CheckpointFiles { get; }

    public static string LogFolder(string tablePath) => ObjectPath.Combine(tablePath, "_delta_log");

    public static string CommitPath(string tablePath, long version) =>
        ObjectPath.Combine(LogFolder(tablePath), $"{version:D20}.json");

    public static string CheckpointPath(string tablePath, long version) =>
        ObjectPath.Combine(LogFolder(tablePath), $"{version:D20}.checkpoint.parquet");

    public static string LastCheckpointPath(string tablePath) =>
        ObjectPath.Combine(LogFolder(tablePath), "_last_checkpoint");

    public static async Task<LogFiles> ListAsync(IObjectStore store, string tablePath, CancellationToken cancellationToken)
    {
        var commits = new SortedDictionary<long, ObjectInfo>();
        var checkpoints = new SortedDictionary<long, ObjectInfo>();
        foreach (var item in await store.ListAsync(LogFolder(tablePath), cancellationToken))
        {
            var name = item.Path[(item.Path.LastIndexOf('/') + 1)..];
            var match = LogFileName().Match(name);
            if (!match.Success)
            {
                continue;
            }

            var version = long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["checkpoint"].Success)
            {
                checkpoints[version] = item;
            }
            else
            {
                commits[version] = item;
            }
        }

        return new LogFiles(commits, checkpoints);
    }

    // Multi-part and UUID-named (v2) checkpoints are not matched: v2 checkpoints need a reader
    // feature Medallion refuses, and a table with only multi-part checkpoints still has its commits.
    [GeneratedRegex(@"^(?<version>\d{20})(?:\.json|(?<checkpoint>\.checkpoint\.parquet))$")]
    private static partial Regex LogFileName();
}
