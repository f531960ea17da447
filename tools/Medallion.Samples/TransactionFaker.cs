using System.Globalization;

namespace Medallion.Samples;

/// <summary>
/// Makes clean transactions and breaks them in the ways <see cref="MortgageBadKind"/> names.
/// Timestamps march evenly from 2023-01-01 to 2024-12-31 (UTC) with jitter, so any row count
/// covers all 24 months of both years.
/// </summary>
internal sealed class TransactionFaker(long rows, SplitMix64 random)
{
    private static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly long SpanSeconds = (long)(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) - Start).TotalSeconds;

    private static readonly string[] BadAmounts = ["12,34.5x", "N/A", "1.234.56", "12O.50", "--45.00", "EUR 100"];
    private static readonly string[] BadTimestamps = ["not-a-date", "2023-13-45T10:00:00Z", "31/02/2024 10:00", "2024-02-30T25:61:00Z", "yesterday"];
    private static readonly string[] BadCurrencies = ["JPY", "CHF", "SEK", "XXX", "EURO", "US$"];
    private static readonly string[] BlankIds = ["", "   "];

    public TransactionRecord Clean(long row)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"TX{row + 1:D10}");
        var customer = string.Create(CultureInfo.InvariantCulture, $"C{random.NextInt(1, 50_000):D6}");
        return new TransactionRecord(id, customer, Amount(), Currency(), Timestamp(row));
    }

    public TransactionRecord Break(TransactionRecord clean, MortgageBadKind kind) => kind switch
    {
        MortgageBadKind.NullId => clean with { TransactionId = random.Pick(BlankIds) },
        MortgageBadKind.BadAmount => clean with { Amount = random.Pick(BadAmounts) },
        MortgageBadKind.BadTimestamp => clean with { Timestamp = random.Pick(BadTimestamps) },
        MortgageBadKind.BadCurrency => clean with { Currency = random.Pick(BadCurrencies) },
        MortgageBadKind.Malformed => clean with { Damage = random.NextLong(2) == 0 ? LineDamage.MissingField : LineDamage.ExtraField },
        MortgageBadKind.BadCurrencyAndAmount => clean with { Currency = random.Pick(BadCurrencies), Amount = random.Pick(BadAmounts) },
        MortgageBadKind.BadTimestampAndAmount => clean with { Timestamp = random.Pick(BadTimestamps), Amount = random.Pick(BadAmounts) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Duplicates are copies of earlier rows, not broken rows."),
    };

    private string Amount()
    {
        var roll = random.NextDouble();
        long cents = roll switch
        {
            < 0.85 => random.NextLong(3_100_00) + 400_00,     // monthly repayments
            < 0.95 => random.NextLong(245_000_00) + 5_000_00, // overpayments and drawdowns
            _ => -(random.NextLong(490_00) + 10_00),           // refunds and reversals
        };
        return (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private string Currency()
    {
        var roll = random.NextLong(20);
        return roll switch
        {
            < 12 => "EUR",
            < 17 => "GBP",
            _ => "USD",
        };
    }

    private string Timestamp(long row)
    {
        var step = Math.Max(1, SpanSeconds / Math.Max(1, rows));
        var offset = (long)((Int128)SpanSeconds * row / Math.Max(1, rows)) + random.NextLong(step);
        var instant = Start.AddSeconds(Math.Min(offset, SpanSeconds - 1));
        return instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
