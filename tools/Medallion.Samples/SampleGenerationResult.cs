namespace Medallion.Samples;

/// <summary>What <see cref="SampleGenerator.Generate"/> wrote, with the arguments that reproduce it byte for byte.</summary>
/// <param name="Dataset">The dataset name, e.g. <c>mortgage_transactions</c>.</param>
/// <param name="Rows">The requested row count of the main table (transactions, posts).</param>
/// <param name="BadShare">The requested share of bad rows in the main table.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Format">The file format.</param>
/// <param name="Tables">One entry per data file, in the order written.</param>
/// <param name="UnconfiguredFiles">Files written for tables the dataset YAML does not configure (a run skips them with a warning).</param>
public sealed record SampleGenerationResult(
    string Dataset,
    long Rows,
    double BadShare,
    ulong Seed,
    SampleFormat Format,
    IReadOnlyList<SampleTableResult> Tables,
    IReadOnlyList<string> UnconfiguredFiles)
{
    /// <summary>Records written across the configured tables.</summary>
    public long TotalRows => Tables.Sum(t => t.RowsRead);

    /// <summary>Bytes written across the configured tables' files.</summary>
    public long TotalBytes => Tables.Sum(t => t.Bytes);

    /// <summary>The table called <paramref name="table"/>.</summary>
    /// <remarks>Throws <see cref="KeyNotFoundException"/> when the dataset has no such table.</remarks>
    public SampleTableResult this[string table] =>
        Tables.FirstOrDefault(t => t.Table == table)
        ?? throw new KeyNotFoundException($"Sample '{Dataset}' has no table '{table}'; it has {string.Join(", ", Tables.Select(t => t.Table))}.");
}
