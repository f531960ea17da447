using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Rollback;
using Medallion.Orchestration.Validation;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary>How validation reports, promotions and rollbacks are printed, the same from every command.</summary>
internal static class GatePrinter
{
    public static void Print(CliContext context, string table, ValidationReport report)
    {
        var checks = new Table().AddColumns("check", "threshold", "measured", "result", "detail");
        foreach (var check in report.Checks)
        {
            var result = check.Result switch
            {
                ValidationCheck.FailedResult => "[red]failed[/]",
                ValidationCheck.SkippedResult => "[grey]skipped[/]",
                _ => "[green]passed[/]",
            };
            checks.AddRow(
                Markup.Escape(check.Name), Markup.Escape(check.Threshold?.ToString() ?? "-"), Markup.Escape(check.Measured?.ToString() ?? "-"),
                result, Markup.Escape(check.Detail));
        }

        context.Output.WriteLine($"validation of run {report.RunKey}: {table} — {(report.Passed ? "passed" : "FAILED")}");
        context.Console.Write(checks);
        if (!report.Passed)
        {
            context.Error.WriteLine($"error: {table}: run {report.RunKey} failed validation: {report.DescribeFailures()}");
        }
    }

    public static void Print(CliContext context, PromotionResult result)
    {
        var record = result.Record;
        context.Output.WriteLine(result.AlreadyPromoted
            ? $"promote {result.Table}: run {record.RunKey} was already promoted (current/ version {record.CurrentVersion}); nothing changed"
            : $"promote {result.Table}: run {record.RunKey} → current/ version {record.CurrentVersion} ({record.Mode}, {result.FilesCopied} file(s), " +
              $"partitions replaced: {Partitions(record)}; {record.Counts.CurrentRows:N0} row(s) live{Merged(record)})");
    }

    /// <summary>A merge's keys by outcome; empty for the other modes.</summary>
    public static string Merged(PromotionRecord record) => record.Counts.Merge is { } merge
        ? $"; keys inserted {merge.Inserted:N0}, updated {merge.Updated:N0}, deleted {merge.Deleted:N0}; rows unchanged {merge.Unchanged:N0}"
        : "";

    public static void Print(CliContext context, RollbackResult result)
    {
        var record = result.Record;
        context.Output.WriteLine(result.Changed
            ? $"rollback {result.Table}: current/ version {record.CurrentVersion} restores run {record.RunKey} (version {record.RestoredVersion}); " +
              $"rolled back run {record.RolledBackRunKey}: {result.FilesRemoved} file(s) removed, {result.FilesReadded} re-added, {record.Counts.CurrentRows:N0} row(s) live"
            : $"rollback {result.Table}: current/ already holds run {record.RunKey} (version {record.CurrentVersion}); nothing changed");
    }

    /// <summary>The first few partitions and a count; _LATEST.json lists them all.</summary>
    private static string Partitions(PromotionRecord record) => record.PartitionsReplaced.Count switch
    {
        0 => "none",
        <= 3 => string.Join(", ", record.PartitionsReplaced.Select(p => p.Length == 0 ? "(whole table)" : p)),
        var count => $"{string.Join(", ", record.PartitionsReplaced.Take(3))} and {count - 3} more",
    };
}
