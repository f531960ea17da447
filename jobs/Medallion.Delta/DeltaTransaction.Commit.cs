using System.Text;
using System.Text.Json.Nodes;
using Medallion.Delta.Cleanup;
using Medallion.Delta.Log;
using Medallion.Delta.Writing;

namespace Medallion.Delta;

/// <summary>Writing the commit: put-if-absent, conflict checking and retry, then the checkpoint.</summary>
public sealed partial class DeltaTransaction
{
    /// <summary>Commits between the read snapshot and this transaction's version, applied when building its checkpoint.</summary>
    private readonly List<LogCommit> _winners = [];

    /// <summary>Writes the commit and returns its version.</summary>
    /// <remarks>
    /// Throws <see cref="DeltaConflictException"/> when a concurrent commit conflicts and
    /// <see cref="DeltaConcurrentCommitException"/> (its base) when the version was lost more
    /// times than the table allows; both are transient (redo the operation from a fresh snapshot), and <see cref="InvalidOperationException"/> when creating a
    /// table without metadata or committing twice. A checkpoint that fails after the commit does
    /// not fail the call; it is reported through the table's warning callback.
    /// </remarks>
    public async Task<long> CommitAsync(
        string operation,
        IReadOnlyDictionary<string, JsonNode?>? operationParameters = null,
        IReadOnlyDictionary<string, JsonNode?>? commitInfoExtras = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ThrowIfCommitted();
        var metadata = _newMetadata ?? ReadSnapshot?.Metadata
            ?? throw new InvalidOperationException("A new Delta table needs SetMetadata before its first commit.");
        ValidatePartitionValues(metadata);

        // Only the txn actions stamped with the commit's own version differ between attempts.
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        byte[] Content(long version) => Encoding.UTF8.GetBytes(string.Join('\n', BuildActions(operation, operationParameters, commitInfoExtras, version, now)
            .Select(line => line.ToJsonString(LogJson.Options))) + "\n");
        var version = await WriteWithRetryAsync(Content, cancellationToken);
        _committed = true;
        if (version > 0 && version % TableProperties.CheckpointInterval(metadata) == 0)
        {
            await TryCheckpointAsync(version, metadata, cancellationToken);
        }

        return version;
    }

    private async Task<long> WriteWithRetryAsync(Func<long, byte[]> content, CancellationToken cancellationToken)
    {
        var location = _store.Describe(_tablePath);
        var checker = new ConflictChecker(location, ReadSnapshot, [.. _removes.Select(remove => remove.Path)], _replaced, [.. _appTransactions.Keys, .. _commitVersionApps]);
        var version = NextVersion;
        for (var attempt = 1; ; attempt++)
        {
            if (await _store.PutIfAbsentAsync(LogFiles.CommitPath(_tablePath, version), content(version), cancellationToken))
            {
                return version;
            }

            if (attempt >= _settings.MaxCommitAttempts)
            {
                throw new DeltaConcurrentCommitException(
                    $"Another writer committed version {version} of the Delta table at '{location}' first, and this transaction (read version {ReadSnapshot?.Version ?? -1}) " +
                    $"lost {attempt} times in a row; giving up. Retry the operation later.",
                    version,
                    ReadSnapshot?.Version ?? -1);
            }

            var winners = await ReadCommitsFromAsync(version, cancellationToken);
            foreach (var winner in winners)
            {
                checker.Check(winner, version);
            }

            _winners.AddRange(winners);
            version += winners.Count;

            // Writers that lost together would otherwise collide again at once: back off a
            // random time that grows with each loss (full jitter, capped).
            var ceiling = Math.Min(1000, 20 << Math.Min(attempt - 1, 6));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling)), cancellationToken);
        }
    }

    /// <summary>Reads the consecutive commits that exist from <paramref name="version"/> on.</summary>
    private async Task<List<LogCommit>> ReadCommitsFromAsync(long version, CancellationToken cancellationToken)
    {
        var commits = new List<LogCommit>();
        for (var next = version; ; next++)
        {
            var path = LogFiles.CommitPath(_tablePath, next);
            if (await _store.TryReadAsync(path, cancellationToken) is not { } content)
            {
                return commits;
            }

            commits.Add(ActionParser.ParseCommitFile(next, content, _store.Describe(path)));
        }
    }

    private async Task TryCheckpointAsync(long version, DeltaMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            await CheckpointWriter.WriteAsync(_store, BuildCommittedSnapshot(version, metadata), _timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The commit is already durable; throwing now would invite a retry that commits
            // twice. A missing checkpoint only means readers replay more JSON until the next one.
            _settings.OnWarning?.Invoke(new DeltaTableWarning(
                _store.Describe(_tablePath),
                version,
                $"Version {version} of the Delta table at '{_store.Describe(_tablePath)}' was committed, but writing its checkpoint failed: {exception.Message} " +
                "The table is intact; readers replay the JSON commits until the next checkpoint.",
                exception));
            return;
        }

        try
        {
            await LogCleanup.RunAsync(_store, _tablePath, metadata, version, _timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Expired log files that stay only cost listing time; the next checkpoint tries again.
            _settings.OnWarning?.Invoke(new DeltaTableWarning(
                _store.Describe(_tablePath),
                version,
                $"Version {version} of the Delta table at '{_store.Describe(_tablePath)}' was committed and checkpointed, but removing expired log files failed: {exception.Message} " +
                "The table is intact; the next checkpoint tries again.",
                exception));
        }
    }
}
