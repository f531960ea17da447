using Medallion.Delta.Writing;

namespace Medallion.Delta;

/// <summary>Overwrite, replace partitions and replace by a partition predicate.</summary>
public sealed partial class DeltaTransaction
{
    /// <summary>Removes every live file (the files added in this transaction become the whole table).</summary>
    /// <returns>The files removed.</returns>
    /// <remarks>Any concurrent commit that adds or removes a file conflicts with an overwrite.</remarks>
    public IReadOnlyList<AddFile> Overwrite() => ReplaceWhere(_ => true, "the whole table");

    /// <summary>Removes the live files of each partition in <paramref name="partitions"/> (partition column → value in the protocol's string form, null for null).</summary>
    /// <returns>The files removed.</returns>
    /// <remarks>
    /// The partitions count as replaced even when they hold no files yet, so two transactions
    /// that both write a new partition conflict instead of doubling its rows. Throws
    /// <see cref="ArgumentException"/> when a partition does not name exactly the table's partition columns.
    /// </remarks>
    public IReadOnlyList<AddFile> ReplacePartitions(IEnumerable<IReadOnlyDictionary<string, string?>> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var columns = PartitionColumns();
        var wanted = partitions.ToList();
        foreach (var partition in wanted)
        {
            if (!partition.Keys.Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"A partition to replace names [{string.Join(", ", partition.Keys)}] but the table is partitioned by [{string.Join(", ", columns)}].", nameof(partitions));
            }
        }

        var description = wanted.Count == 1
            ? PartitionScope.Describe(wanted[0], columns)
            : $"{wanted.Count} partitions ({string.Join(", ", wanted.Select(partition => PartitionScope.Describe(partition, columns)))})";
        return ReplaceWhere(values => wanted.Any(partition => SamePartition(partition, values, columns)), description);
    }

    /// <summary>Removes the live files whose partition values match <paramref name="partitionPredicate"/> (replace by a predicate on partition columns).</summary>
    /// <param name="partitionPredicate">Tests a file's partition values (column → string form, null for null).</param>
    /// <param name="description">How messages name the replaced set, e.g. <c>event_date &gt;= 2024-01-01</c>.</param>
    /// <returns>The files removed.</returns>
    /// <remarks>A concurrent commit that adds or removes a file matching the predicate is a conflict.</remarks>
    public IReadOnlyList<AddFile> ReplaceWhere(Func<IReadOnlyDictionary<string, string?>, bool> partitionPredicate, string description)
    {
        ArgumentNullException.ThrowIfNull(partitionPredicate);
        return ReplaceFilesWhere(file => partitionPredicate(file.PartitionValues), description);
    }

    /// <summary>
    /// Removes the live files <paramref name="filePredicate"/> selects, and counts the set it
    /// describes as read: a concurrent commit that adds or removes a file it selects is a conflict.
    /// For sets that partition values cannot describe, e.g. "the rows of run key K" by the files' tags,
    /// so that two attempts writing the same rows cannot both commit.
    /// </summary>
    /// <param name="filePredicate">Tests a file (path, partition values, tags, stats). A file another writer removed that this transaction never saw is tested with its path and partition values only.</param>
    /// <param name="description">How messages name the replaced set, e.g. <c>the rows of run key 'r1'</c>.</param>
    /// <returns>The files removed.</returns>
    public IReadOnlyList<AddFile> ReplaceFilesWhere(Func<AddFile, bool> filePredicate, string description)
    {
        ArgumentNullException.ThrowIfNull(filePredicate);
        ArgumentException.ThrowIfNullOrEmpty(description);
        ThrowIfCommitted();
        _replaced.Add(new PartitionScope(description, filePredicate));
        var removed = (ReadSnapshot?.Files ?? []).Where(filePredicate).ToList();
        foreach (var file in removed)
        {
            Remove(file);
        }

        return removed;
    }

    private IReadOnlyList<string> PartitionColumns() =>
        (_newMetadata ?? ReadSnapshot?.Metadata)?.PartitionColumns
        ?? throw new InvalidOperationException("Set the table's metadata before replacing partitions of a new table.");

    private static bool SamePartition(IReadOnlyDictionary<string, string?> left, IReadOnlyDictionary<string, string?> right, IReadOnlyList<string> columns) =>
        columns.All(column => string.Equals(NullIfEmpty(left.GetValueOrDefault(column)), NullIfEmpty(right.GetValueOrDefault(column)), StringComparison.Ordinal));

    /// <summary>The protocol stores a null partition value as an empty string.</summary>
    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
