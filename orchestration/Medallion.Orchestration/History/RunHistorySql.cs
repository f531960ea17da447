using System.Globalization;

namespace Medallion.Orchestration.History;

/// <summary>
/// A <see cref="RunHistoryRow"/> as one DuckDB <c>SELECT</c> of typed literals, in the column order
/// of <see cref="RunHistoryTable.Schema"/> without the partition column (Delta keeps partition
/// values in the log, not in the files). Every text goes through <see cref="Text"/>: run keys and
/// names were checked at the edge, but errors and ARNs are free text.
/// </summary>
internal static class RunHistorySql
{
    public static string Select(RunHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string[] columns =
        [
            Column(Text(row.Table), "VARCHAR", "table"), Column(Text(row.RunKey), "VARCHAR", "run_key"), Column(Text(row.Engine), "VARCHAR", "engine"),
            Column(Text(row.Environment), "VARCHAR", "environment"), Column(Text(row.SchemaVersion), "VARCHAR", "schema_version"),
            Column(Text(row.Status), "VARCHAR", "status"), Column(Text(row.Error), "VARCHAR", "error"),
            Column(Time(row.StartedAt), "TIMESTAMPTZ", "started_at"), Column(Time(row.FinishedAt), "TIMESTAMPTZ", "finished_at"),
            Column(Time(row.RecordedAt), "TIMESTAMPTZ", "recorded_at"),
            Column(Number(row.BronzeSeconds), "DOUBLE", "bronze_seconds"), Column(Number(row.SilverSeconds), "DOUBLE", "silver_seconds"),
            Column(Number(row.InputFiles), "BIGINT", "input_files"), Column(Number(row.BronzeRowsRead), "BIGINT", "bronze_rows_read"),
            Column(Number(row.RowsRead), "BIGINT", "rows_read"), Column(Number(row.SilverRows), "BIGINT", "silver_rows"),
            Column(Number(row.Quarantined), "BIGINT", "quarantined"), Column(Number(row.DuplicatesRemoved), "BIGINT", "duplicates_removed"),
            Column(Number(row.Filtered), "BIGINT", "filtered"), Column(Number(row.Malformed), "BIGINT", "malformed"),
            Map(row.RuleFailures.ToDictionary(p => p.Key, p => Number(p.Value)), "BIGINT", "rule_failures"),
            Column(row.ValidationPassed is { } passed ? (passed ? "true" : "false") : "NULL", "BOOLEAN", "validation_passed"),
            Map(row.ValidationChecks.ToDictionary(p => p.Key, p => Text(p.Value)), "VARCHAR", "validation_checks"),
            Column(Number(row.PromotedVersion), "BIGINT", "promoted_version"),
            Column(Text(row.ExecutionArn), "VARCHAR", "execution_arn"), Column(Text(row.StateMachine), "VARCHAR", "state_machine"),
            Map(row.EmrJobRunIds.ToDictionary(p => p.Key, p => Text(p.Value)), "VARCHAR", "emr_job_run_ids"),
        ];
        return "SELECT " + string.Join(", ", columns);
    }

    public static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Column(string literal, string type, string name) => $"CAST({literal} AS {type}) AS {Identifier(name)}";

    /// <summary>Sorted by key, so two rows of the same run read alike.</summary>
    private static string Map(IReadOnlyDictionary<string, string> values, string valueType, string name)
    {
        var sorted = values.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return $"map(CAST([{string.Join(", ", sorted.Select(p => Text(p.Key)))}] AS VARCHAR[]), CAST([{string.Join(", ", sorted.Select(p => p.Value))}] AS {valueType}[])) AS {Identifier(name)}";
    }

    private static string Time(DateTimeOffset at) => Text(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture));

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "NULL";

    private static string Number(double? value) => value is { } number && double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "NULL";
}
