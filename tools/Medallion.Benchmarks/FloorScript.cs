using System.Text.RegularExpressions;
using Medallion.Jobs.Sql;

namespace Medallion.Benchmarks;

/// <summary>
/// The benchmark's floor (<c>Floor.sql</c>): the fewest hand-written DuckDB statements that write the
/// bronze, silver and quarantine files Medallion writes for the bench's table, without a Delta log,
/// a ledger or staging. The statements live in one SQL file, each with a comment saying what
/// Medallion does there that the floor skips; this class picks the ones for a source format and
/// fills in its paths.
/// </summary>
internal static partial class FloorScript
{
    private static readonly Lazy<IReadOnlyList<(string Tags, string Sql)>> Statements = new(Parse);

    /// <summary>The statements for one table read from <paramref name="source"/>, in order.</summary>
    /// <param name="source">The source format: csv, ndjson or parquet (typed columns: no casts).</param>
    /// <param name="sourceGlob">The raw files.</param>
    /// <param name="outputDirectory">Where bronze, silver and quarantine go (bronze.parquet, silver/, quarantine.parquet).</param>
    public static IReadOnlyList<FloorStatement> For(string source, string sourceGlob, string outputDirectory, string runKey)
    {
        var sql = DuckDbDialect.Instance;
        var typed = source == "parquet";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = sql.StringLiteral(sourceGlob),
            ["run_key"] = sql.StringLiteral(runKey),
            ["ingested_at"] = "CAST(now() AS TIMESTAMPTZ)",
            ["bronze"] = sql.StringLiteral(Path.Combine(outputDirectory, "bronze.parquet")),
            ["silver"] = sql.StringLiteral(Path.Combine(outputDirectory, "silver")),
            ["quarantine"] = sql.StringLiteral(Path.Combine(outputDirectory, "quarantine.parquet")),
            ["amount"] = typed ? "transaction_amount" : "TRY_CAST(transaction_amount AS DECIMAL(18,2))",
            ["timestamp"] = typed ? "transaction_timestamp" : "TRY_CAST(transaction_timestamp AS TIMESTAMPTZ)",
        };
        return Statements.Value
            .Where(s => s.Tags.Length == 0 || s.Tags.Split(' ').Contains(source, StringComparer.Ordinal))
            .Select(s => new FloorStatement(
                Placeholder().Replace(s.Sql, m => values[m.Groups[1].Value]),
                s.Sql.Contains("{{silver}}", StringComparison.Ordinal) ? FloorOutput.Silver
                    : s.Sql.Contains("{{quarantine}}", StringComparison.Ordinal) ? FloorOutput.Quarantine : FloorOutput.Other))
            .ToList();
    }

    /// <summary>The statements of <c>Floor.sql</c> with their tags (<c>[csv ndjson]</c> at the start of their first comment).</summary>
    private static IReadOnlyList<(string Tags, string Sql)> Parse()
    {
        using var stream = typeof(FloorScript).Assembly.GetManifestResourceStream("Medallion.Benchmarks.Floor.sql")
            ?? throw new InvalidOperationException("Floor.sql is not embedded in Medallion.Benchmarks.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return StatementEnd().Split(text)
            .Select(s => s.Trim())
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))
            .Select(s => (Tag().Match(s) is { Success: true } m ? m.Groups[1].Value : string.Empty, s))
            .ToList();
    }

    [GeneratedRegex(@";[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"^-- \[([a-z ]+)\]", RegexOptions.Multiline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
