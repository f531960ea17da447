using Medallion.Delta.Log;
using Medallion.Delta.Schema;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Reading;

/// <summary>
/// The versions of a table whose commit set its schema (a <c>metaData</c> action with another
/// schema than before), read from the commit files still in the log: when the table was created and
/// each column change since, such as columns added by <c>schema_evolution: add_columns</c>.
/// </summary>
public static class DeltaSchemaHistory
{
    /// <summary>One schema change.</summary>
    /// <param name="Version">The version whose commit set the schema.</param>
    /// <param name="Timestamp">The commit's time (commitInfo, else the file's modification time).</param>
    /// <param name="Schema">The schema from that version on.</param>
    /// <param name="Change">How it differs from the schema before; null for the first schema the log still holds.</param>
    public sealed record Entry(long Version, DateTimeOffset Timestamp, DeltaSchema Schema, DeltaSchemaDiff? Change);

    /// <summary>The schema changes, oldest first; commits that only repeat the schema (e.g. a configuration change) are left out.</summary>
    public static async Task<IReadOnlyList<Entry>> ReadAsync(IObjectStore store, string tablePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tablePath);
        var files = await LogFiles.ListAsync(store, tablePath, cancellationToken);
        var entries = new List<Entry>();
        foreach (var (version, info) in files.Commits)
        {
            // Only commit files that mention metadata are parsed: most commits only add and remove files.
            if (await store.TryReadAsync(info.Path, cancellationToken) is not { } content
                || !System.Text.Encoding.UTF8.GetString(content).Contains("\"metaData\"", StringComparison.Ordinal))
            {
                continue;
            }

            var commit = ActionParser.ParseCommitFile(version, content, store.Describe(info.Path));
            if (commit.Metadata is not { } metadata)
            {
                continue;
            }

            var previous = entries.Count > 0 ? entries[^1].Schema : null;
            if (previous is not null && previous.ToJson() == metadata.Schema.ToJson())
            {
                continue;
            }

            var timestamp = commit.CommitInfo is { } commitInfo && LogJson.Long(commitInfo, "timestamp") is { } milliseconds
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : info.LastModified;
            entries.Add(new Entry(version, timestamp, metadata.Schema, previous is null ? null : DeltaSchemaDiff.Between(previous, metadata.Schema)));
        }

        return entries;
    }
}
