namespace Medallion.Samples;

/// <summary>
/// The <c>mortgage_transactions</c> sample: one <c>transactions</c> table as CSV (or NDJSON),
/// all five columns text, with bad rows of every <see cref="MortgageBadKind"/> in exact numbers.
/// </summary>
internal static class MortgageTransactionsGenerator
{
    public const string Dataset = "mortgage_transactions";
    private const string Table = "transactions";
    private const int RecentRows = 256;

    // Two-problem kinds appear half as often as the single-problem ones.
    private static readonly MortgageBadKind[] Cycle =
    [
        MortgageBadKind.NullId, MortgageBadKind.BadAmount, MortgageBadKind.BadTimestamp,
        MortgageBadKind.BadCurrency, MortgageBadKind.DuplicateId, MortgageBadKind.Malformed,
        MortgageBadKind.NullId, MortgageBadKind.BadAmount, MortgageBadKind.BadTimestamp,
        MortgageBadKind.BadCurrency, MortgageBadKind.DuplicateId, MortgageBadKind.Malformed,
        MortgageBadKind.BadCurrencyAndAmount, MortgageBadKind.BadTimestampAndAmount,
    ];

    public static SampleGenerationResult Write(SampleRequest request, CancellationToken cancellationToken)
    {
        var ndjson = request.Format == SampleFormat.Ndjson;
        var fileName = ndjson ? "transactions.ndjson" : "transactions.csv";
        var schedule = new BadRowSchedule<MortgageBadKind>(
            request.Rows, request.BadShare, Cycle, SplitMix64.ForStream(request.Seed, 1));
        var random = SplitMix64.ForStream(request.Seed, 2);
        var faker = new TransactionFaker(request.Rows, random);
        var counts = new long[Enum.GetValues<MortgageBadKind>().Length];
        var recent = new TransactionRecord[RecentRows];
        long recentCount = 0;

        using (var writer = SampleFile.Create(request.OutputDirectory, fileName))
        {
            if (!ndjson)
            {
                writer.Write(TransactionLineWriter.CsvHeader);
                writer.Write('\n');
            }

            for (long row = 0; row < request.Rows; row++)
            {
                if ((row & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // Always draw the clean row first, so a bad row never shifts the rows after it.
                var record = faker.Clean(row);
                var kind = schedule.KindAt(row);
                if (kind == MortgageBadKind.DuplicateId && recentCount > 0)
                {
                    record = recent[random.NextLong(Math.Min(recentCount, RecentRows))];
                    counts[(int)kind]++;
                }
                else if (kind is { } broken && broken != MortgageBadKind.DuplicateId)
                {
                    record = faker.Break(record, broken);
                    counts[(int)broken]++;
                }
                else
                {
                    // Clean (also a duplicate scheduled before any clean row exists: nothing to repeat).
                    recent[recentCount++ % RecentRows] = record;
                }

                if (ndjson)
                {
                    TransactionLineWriter.WriteNdjson(writer, record);
                }
                else
                {
                    TransactionLineWriter.WriteCsv(writer, record);
                }
            }
        }

        var table = Expect(request.Rows, counts, fileName, SampleFile.Length(request.OutputDirectory, fileName));
        return new SampleGenerationResult(Dataset, request.Rows, request.BadShare, request.Seed, request.Format, [table], []);
    }

    /// <summary>What the committed <c>mortgage_transactions.yaml</c> must report, derived from the kinds written.</summary>
    private static SampleTableResult Expect(long rows, long[] counts, string fileName, long bytes)
    {
        long Count(MortgageBadKind kind) => counts[(int)kind];
        var currencyAndAmount = Count(MortgageBadKind.BadCurrencyAndAmount);
        var timestampAndAmount = Count(MortgageBadKind.BadTimestampAndAmount);
        var ruleFailures = new Dictionary<string, long>
        {
            ["malformed"] = Count(MortgageBadKind.Malformed),
            ["not_null_transaction_id"] = Count(MortgageBadKind.NullId),
            ["cast_transaction_amount"] = Count(MortgageBadKind.BadAmount) + currencyAndAmount + timestampAndAmount,
            ["cast_transaction_timestamp"] = Count(MortgageBadKind.BadTimestamp) + timestampAndAmount,
            ["accepted_values_currency"] = Count(MortgageBadKind.BadCurrency) + currencyAndAmount,
            ["unique_transaction_id"] = Count(MortgageBadKind.DuplicateId),
        };
        var badRows = Enum.GetValues<MortgageBadKind>().ToDictionary(SnakeCase.Of, Count);
        var quarantined = counts.Sum();
        return new SampleTableResult(
            Table, fileName, bytes, badRows,
            RowsRead: rows,
            SilverRows: rows - quarantined,
            QuarantinedRows: quarantined,
            DuplicatesRemoved: 0,
            FilteredRows: 0,
            ruleFailures,
            RowsWithMultipleFailures: currencyAndAmount + timestampAndAmount);
    }
}
