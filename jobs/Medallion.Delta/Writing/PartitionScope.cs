namespace Medallion.Delta.Writing;

/// <summary>
/// A set of files a transaction replaces (and so has read): a description for messages and the
/// test for a file. Usually partitions; for Medallion's replace-by-run-key commits, the files of one run.
/// </summary>
internal sealed record PartitionScope(string Description, Func<AddFile, bool> Contains)
{
    /// <summary>Renders partition values as <c>k=v/j=null</c>, in the table's column order.</summary>
    public static string Describe(IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> columns) =>
        columns.Count == 0
            ? "the unpartitioned table"
            : "partition " + string.Join('/', columns.Select(column => $"{column}={(values.TryGetValue(column, out var value) && value is not null ? value : "null")}"));
}
