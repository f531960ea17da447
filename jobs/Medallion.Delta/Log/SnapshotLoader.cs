using System.Text.Json.Nodes;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Log;

/// <summary>
/// Rebuilds a snapshot: the newest classic checkpoint at or before the wanted version, then
/// every commit after it, in order (the protocol's action reconciliation).
/// </summary>
internal static class SnapshotLoader
{
    public static async Task<DeltaSnapshot?> LoadAsync(IObjectStore store, string tablePath, long? version, CancellationToken cancellationToken)
    {
        var location = store.Describe(tablePath);
        var files = await LogFiles.ListAsync(store, tablePath, cancellationToken);
        if (files.Commits.Count == 0 && files.Checkpoints.Count == 0)
        {
            return null;
        }

        var latest = Math.Max(files.Commits.Count > 0 ? files.Commits.Keys.Max() : -1, files.Checkpoints.Count > 0 ? files.Checkpoints.Max : -1);
        var target = version ?? latest;
        if (target < 0 || target > latest)
        {
            throw new DeltaVersionNotFoundException($"The Delta table at '{location}' has no version {target}; the latest is {latest}.");
        }

        var checkpoint = await ChooseCheckpointAsync(store, tablePath, files, target, cancellationToken);
        var state = new ReplayState();
        if (checkpoint is { } checkpointVersion)
        {
            state.Apply(await CheckpointReader.ReadAsync(store, tablePath, checkpointVersion, cancellationToken));
        }

        for (var next = (checkpoint ?? -1) + 1; next <= target; next++)
        {
            if (!files.Commits.ContainsKey(next))
            {
                throw new DeltaVersionNotFoundException(
                    $"The Delta table at '{location}' cannot be rebuilt at version {target}: commit {next} is missing and no checkpoint covers it.");
            }

            var path = LogFiles.CommitPath(tablePath, next);
            var content = await store.TryReadAsync(path, cancellationToken)
                ?? throw new DeltaFormatException($"The commit '{store.Describe(path)}' disappeared while the table was being read.");
            state.Apply(ActionParser.ParseCommitFile(next, content, store.Describe(path)));
        }

        return state.ToSnapshot(tablePath, target, location);
    }

    /// <summary>
    /// <c>_last_checkpoint</c> names the newest checkpoint; the listing is checked too, because the
    /// pointer is written after the checkpoint and may lag, and time travel may need an older one.
    /// </summary>
    private static async Task<long?> ChooseCheckpointAsync(IObjectStore store, string tablePath, LogFiles files, long target, CancellationToken cancellationToken)
    {
        long? chosen = null;
        var pointer = await store.TryReadAsync(LogFiles.LastCheckpointPath(tablePath), cancellationToken);
        if (pointer is not null && JsonNode.Parse(pointer) is JsonObject json && LogJson.Long(json, "version") is { } hinted
            && hinted <= target && files.Checkpoints.Contains(hinted))
        {
            chosen = hinted;
        }

        var listed = files.Checkpoints.GetViewBetween(long.MinValue, target);
        if (listed.Count > 0 && (chosen is null || listed.Max > chosen))
        {
            chosen = listed.Max;
        }

        return chosen;
    }

    private sealed class ReplayState
    {
        private readonly Dictionary<string, AddFile> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _transactions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RemoveFile> _tombstones = new(StringComparer.Ordinal);
        private DeltaProtocol? _protocol;
        private DeltaMetadata? _metadata;
        private bool _hasDeletionVectors;

        public void Apply(LogCommit commit)
        {
            _protocol = commit.Protocol ?? _protocol;
            _metadata = commit.Metadata ?? _metadata;
            _hasDeletionVectors |= commit.HasDeletionVectors;
            foreach (var transaction in commit.Transactions)
            {
                _transactions[transaction.AppId] = transaction.Version;
            }

            // Within one commit a path is added or removed, never both, so order does not matter.
            foreach (var remove in commit.Removes)
            {
                _files.Remove(remove.Path);
                _tombstones[remove.Path] = remove;
            }

            foreach (var add in commit.Adds)
            {
                _files[add.Path] = add;
                _tombstones.Remove(add.Path);
            }
        }

        public DeltaSnapshot ToSnapshot(string tablePath, long version, string location)
        {
            var protocol = _protocol ?? throw new DeltaFormatException($"The Delta table at '{location}' has no protocol action up to version {version}.");
            ProtocolCheck.EnsureReadable(protocol, location);
            if (_hasDeletionVectors)
            {
                throw ProtocolCheck.DeletionVectors(location);
            }

            var metadata = _metadata ?? throw new DeltaFormatException($"The Delta table at '{location}' has no metaData action up to version {version}.");
            var files = _files.Values.OrderBy(file => file.Path, StringComparer.Ordinal).ToList();
            var tombstones = _tombstones.Values.OrderBy(remove => remove.Path, StringComparer.Ordinal).ToList();
            return new DeltaSnapshot(tablePath, version, protocol, metadata, files, new Dictionary<string, long>(_transactions), tombstones);
        }
    }
}
