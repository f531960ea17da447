using Medallion.Delta.Log;

namespace Medallion.Delta.Writing;

/// <summary>
/// Decides whether a transaction that lost its version can be committed after the winning
/// commits, or conflicts with one of them (optimistic concurrency, as delta-spark's
/// <c>ConflictChecker</c> does for the operations Medallion performs).
/// </summary>
/// <remarks>
/// Disjoint appends never conflict. A conflict is: the winner changed the protocol or the
/// metadata; it removed a file this transaction also removes; it added or removed a file in a
/// partition (or file set) this transaction replaces; or it published a <c>txn</c> for an app id this
/// transaction also publishes.
/// </remarks>
internal sealed class ConflictChecker(
    string location,
    DeltaSnapshot? readSnapshot,
    IReadOnlyCollection<string> removedPaths,
    IReadOnlyList<PartitionScope> replaced,
    IReadOnlyCollection<string> appIds)
{
    private readonly List<AddFile> _winnerAdds = [];
    private long _attemptedVersion;

    private long ReadVersion => readSnapshot?.Version ?? -1;

    /// <summary>Throws <see cref="DeltaConflictException"/> for the first conflict found in <paramref name="winner"/>.</summary>
    /// <param name="winner">A commit another writer made after the read version.</param>
    /// <param name="attemptedVersion">The version this transaction just failed to write.</param>
    public void Check(LogCommit winner, long attemptedVersion)
    {
        _attemptedVersion = attemptedVersion;
        if (winner.Protocol is not null || winner.Metadata is not null)
        {
            var what = readSnapshot is null ? "created the table" : winner.Protocol is not null ? "changed the table protocol" : "changed the table metadata (schema, partitioning or properties)";
            throw Conflict(winner.Version, what, "this transaction was built against the old definition");
        }

        foreach (var transaction in winner.Transactions.Where(transaction => appIds.Contains(transaction.AppId)))
        {
            throw Conflict(winner.Version, $"published app transaction '{transaction.AppId}' version {transaction.Version}", "this transaction publishes the same app id");
        }

        var removed = removedPaths.ToHashSet(StringComparer.Ordinal);
        foreach (var remove in winner.Removes)
        {
            if (removed.Contains(remove.Path))
            {
                throw Conflict(winner.Version, $"removed the file '{remove.Path}'", "this transaction removes it too");
            }

            var file = KnownFile(remove.Path)
                ?? (remove.PartitionValues is { } partitionValues ? new AddFile(remove.Path, partitionValues, remove.Size ?? 0, 0, remove.DataChange, Stats: null) : null);
            if (file is not null && FindScope(file) is { } scope)
            {
                throw Conflict(winner.Version, $"removed the file '{remove.Path}' in {Describe(file.PartitionValues)}", $"this transaction replaces {scope.Description}");
            }
        }

        foreach (var add in winner.Adds)
        {
            if (FindScope(add) is { } scope)
            {
                throw Conflict(winner.Version, $"added the file '{add.Path}' in {Describe(add.PartitionValues)}", $"this transaction replaces {scope.Description}");
            }
        }

        _winnerAdds.AddRange(winner.Adds);
    }

    /// <summary>The file as the read snapshot or an earlier winner added it (with its tags and stats), when known.</summary>
    private AddFile? KnownFile(string path) =>
        _winnerAdds.LastOrDefault(file => file.Path == path) ?? readSnapshot?.Files.FirstOrDefault(file => file.Path == path);

    private PartitionScope? FindScope(AddFile file) =>
        replaced.FirstOrDefault(scope => scope.Contains(file));

    private string Describe(IReadOnlyDictionary<string, string?> values) =>
        PartitionScope.Describe(values, readSnapshot?.Metadata.PartitionColumns ?? [.. values.Keys]);

    private DeltaConflictException Conflict(long version, string what, string why) => new(
        $"Conflicting commit on the Delta table at '{location}': version {version}, written by another writer after this transaction read version {ReadVersion}, {what}, and {why}. Nothing was committed; read the table again and redo the operation.",
        _attemptedVersion,
        version,
        ReadVersion);
}
