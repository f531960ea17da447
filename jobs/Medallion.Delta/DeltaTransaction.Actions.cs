using System.Text.Json.Nodes;
using Medallion.Delta.Log;
using Medallion.Delta.Writing;

namespace Medallion.Delta;

/// <summary>The commit's actions, and the table state right after it (for the checkpoint).</summary>
public sealed partial class DeltaTransaction
{
    private List<JsonObject> BuildActions(string operation, IReadOnlyDictionary<string, JsonNode?>? operationParameters, IReadOnlyDictionary<string, JsonNode?>? extras, long version, long now)
    {
        var commitInfo = new JsonObject
        {
            ["timestamp"] = now,
            ["operation"] = operation,
            ["operationParameters"] = LogJson.ToObject(operationParameters ?? new Dictionary<string, JsonNode?>(), value => value?.DeepClone()),
        };
        if (ReadSnapshot is not null)
        {
            commitInfo["readVersion"] = ReadSnapshot.Version;
        }

        commitInfo["isBlindAppend"] = _removes.Count == 0 && _replaced.Count == 0 && _newMetadata is null;
        foreach (var (key, value) in extras ?? new Dictionary<string, JsonNode?>())
        {
            commitInfo[key] = value?.DeepClone();
        }

        var actions = new List<JsonObject> { new() { ["commitInfo"] = commitInfo } };
        if (ReadSnapshot is null)
        {
            actions.Add(ActionWriter.Protocol(DeltaProtocol.Default));
        }

        if (_newMetadata is not null)
        {
            actions.Add(ActionWriter.Metadata(_newMetadata));
        }

        actions.AddRange(_appTransactions.Select(pair => ActionWriter.Transaction(new AppTransaction(pair.Key, pair.Value, now))));
        actions.AddRange(_commitVersionApps.Select(appId => ActionWriter.Transaction(new AppTransaction(appId, version, now))));
        actions.AddRange(_removes.Select(ActionWriter.Remove));
        actions.AddRange(_adds.Select(ActionWriter.Add));
        return actions;
    }

    /// <summary>
    /// The table right after this commit: the read snapshot, then the commits that won earlier
    /// versions (disjoint by construction), then this commit's actions.
    /// </summary>
    private DeltaSnapshot BuildCommittedSnapshot(long version, DeltaMetadata metadata)
    {
        var files = (ReadSnapshot?.Files ?? []).ToDictionary(file => file.Path, StringComparer.Ordinal);
        var transactions = new Dictionary<string, long>(ReadSnapshot?.AppTransactions ?? new Dictionary<string, long>(), StringComparer.Ordinal);
        var tombstones = (ReadSnapshot?.Tombstones ?? []).ToDictionary(remove => remove.Path, StringComparer.Ordinal);
        foreach (var winner in _winners)
        {
            Apply(winner.Removes, winner.Adds, winner.Transactions.Select(transaction => (transaction.AppId, transaction.Version)));
        }

        Apply(_removes, _adds, _appTransactions.Select(pair => (pair.Key, pair.Value)).Concat(_commitVersionApps.Select(appId => (appId, version))));

        return new DeltaSnapshot(
            _tablePath,
            version,
            ReadSnapshot?.Protocol ?? DeltaProtocol.Default,
            metadata,
            [.. files.Values.OrderBy(file => file.Path, StringComparer.Ordinal)],
            transactions,
            [.. tombstones.Values.OrderBy(remove => remove.Path, StringComparer.Ordinal)]);

        void Apply(IEnumerable<RemoveFile> removed, IEnumerable<AddFile> added, IEnumerable<(string AppId, long Version)> published)
        {
            foreach (var remove in removed)
            {
                files.Remove(remove.Path);
                tombstones[remove.Path] = remove;
            }

            foreach (var add in added)
            {
                files[add.Path] = add;
                tombstones.Remove(add.Path);
            }

            foreach (var (appId, appVersion) in published)
            {
                transactions[appId] = appVersion;
            }
        }
    }

    private void ValidatePartitionValues(DeltaMetadata metadata)
    {
        foreach (var file in _adds)
        {
            var keys = file.PartitionValues.Keys.Order(StringComparer.Ordinal);
            if (!keys.SequenceEqual(metadata.PartitionColumns.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"The file '{file.Path}' has partition values for [{string.Join(", ", file.PartitionValues.Keys)}] but the table is partitioned by [{string.Join(", ", metadata.PartitionColumns)}].");
            }
        }
    }
}
