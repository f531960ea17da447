namespace Medallion.Samples;

/// <summary>Writes transactions as CSV or newline-delimited JSON lines, damage included.</summary>
internal static class TransactionLineWriter
{
    public const string CsvHeader = "transaction_id,customer_id,transaction_amount,currency,transaction_timestamp";

    public static void WriteCsv(TextWriter writer, in TransactionRecord record)
    {
        CsvField(writer, record.TransactionId ?? string.Empty);
        writer.Write(',');
        CsvField(writer, record.CustomerId);
        writer.Write(',');
        CsvField(writer, record.Amount);
        writer.Write(',');
        CsvField(writer, record.Currency);
        if (record.Damage != LineDamage.MissingField)
        {
            writer.Write(',');
            CsvField(writer, record.Timestamp);
        }

        if (record.Damage == LineDamage.ExtraField)
        {
            // A trailing free-text column that an upstream export added by mistake.
            writer.Write(",manual adjustment");
        }

        writer.Write('\n');
    }

    public static void WriteNdjson(TextWriter writer, in TransactionRecord record)
    {
        var line = JsonLine.Begin(writer);
        line.String("transaction_id", record.TransactionId is { Length: 0 } ? null : record.TransactionId);
        line.String("customer_id", record.CustomerId);
        line.String("transaction_amount", record.Amount);
        line.String("currency", record.Currency);
        if (record.Damage != LineDamage.None)
        {
            // A line cut short mid-object, as a crashed exporter leaves it: not valid JSON.
            writer.Write(",\"transaction_timestamp\":\"");
            writer.Write(record.Timestamp.AsSpan(0, 10));
            writer.Write('\n');
            return;
        }

        line.String("transaction_timestamp", record.Timestamp);
        line.End();
        writer.Write('\n');
    }

    private static void CsvField(TextWriter writer, string value)
    {
        var needsQuotes = value.Length > 0
            && (value.Contains(',', StringComparison.Ordinal)
                || value.Contains('"', StringComparison.Ordinal)
                || char.IsWhiteSpace(value[0])
                || char.IsWhiteSpace(value[^1]));
        if (!needsQuotes)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
