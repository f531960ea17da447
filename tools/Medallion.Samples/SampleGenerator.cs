namespace Medallion.Samples;

/// <summary>
/// Writes deterministic sample datasets with a known number of bad records of each kind, for
/// the committed samples, tests and benchmarks. The same arguments always give the same bytes:
/// a fixed PRNG, invariant formatting and fixed base timestamps (never the clock). Files are
/// streamed through a buffered writer, so gigabyte-sized samples need no more memory than small ones.
/// Beside the data it writes <c>_expected.json</c>: the counts a correct run must report.
/// </summary>
public static class SampleGenerator
{
    /// <summary>The <c>mortgage_transactions</c> sample (one <c>transactions</c> table, CSV or NDJSON), which the benchmark generates.</summary>
    public const string MortgageTransactions = MortgageTransactionsGenerator.Dataset;

    /// <summary>The datasets this generator knows.</summary>
    public static IReadOnlyList<string> Datasets { get; } = [MortgageTransactionsGenerator.Dataset, WordPressGenerator.Dataset];

    /// <summary>Writes <paramref name="dataset"/> into <paramref name="outputDirectory"/> (created when missing).</summary>
    /// <param name="dataset"><c>mortgage_transactions</c> or <c>wordpress_api</c>.</param>
    /// <param name="rows">Records in the main table (transactions, posts), bad ones included.</param>
    /// <param name="outputDirectory">Where the files go; existing files of the same names are replaced.</param>
    /// <param name="badShare">Share of the main table's records that are bad, 0..1; the count is round(rows × share).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="format"><see cref="SampleFormat.Ndjson"/> writes <c>transactions.ndjson</c> instead of CSV (mortgage only).</param>
    /// <param name="cancellationToken">Stops a long write; the partial files are left behind.</param>
    /// <remarks>
    /// Throws <see cref="ArgumentException"/> for an unknown dataset or a format the dataset does not support,
    /// <see cref="ArgumentOutOfRangeException"/> for negative rows or a share outside 0..1, and
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </remarks>
    public static SampleGenerationResult Generate(
        string dataset,
        long rows,
        string outputDirectory,
        double badShare = 0.01,
        ulong seed = 42,
        SampleFormat format = SampleFormat.Default,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (!(badShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(badShare), badShare, "The bad share must be between 0 and 1.");
        }

        Directory.CreateDirectory(outputDirectory);
        var request = new SampleRequest(rows, outputDirectory, badShare, seed, format);
        var result = dataset switch
        {
            MortgageTransactionsGenerator.Dataset => MortgageTransactionsGenerator.Write(request, cancellationToken),
            WordPressGenerator.Dataset when format == SampleFormat.Default => WordPressGenerator.Write(request, cancellationToken),
            WordPressGenerator.Dataset => throw new ArgumentException(
                $"Dataset '{dataset}' is written as JSON arrays only; format {format} is for mortgage_transactions.", nameof(format)),
            _ => throw new ArgumentException(
                $"Unknown sample dataset '{dataset}'; the generator knows {string.Join(", ", Datasets)}.", nameof(dataset)),
        };
        ExpectedJson.Write(result, outputDirectory);
        return result;
    }
}
