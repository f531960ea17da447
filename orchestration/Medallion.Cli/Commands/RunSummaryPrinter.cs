using System.Globalization;
using Medallion.Jobs.Engine;
using Medallion.Orchestration.Runs;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary>
/// The text summary of <c>medallion run</c>: a row per table and layer, then where each table was
/// written and which rules rows broke. Quarantined rows and <c>warn</c> rule hits are apart: warned
/// rows stay in silver, so they are counted in their own column and listed under their own line.
/// </summary>
internal static class RunSummaryPrinter
{
    public static void Print(CliContext context, IReadOnlyList<TableRunOutcome> outcomes, RunRules rules)
    {
        var summary = new Table().AddColumns("table", "layer", "read", "written", "quarantined", "warnings", "duplicates", "filtered", "seconds", "status");
        foreach (var outcome in outcomes)
        {
            foreach (var layer in new[] { outcome.Bronze, outcome.Silver }.OfType<LayerResult>())
            {
                summary.AddRow(
                    Markup.Escape(outcome.Table), layer.Layer, N(layer.RowsRead), N(layer.RowsWritten), N(layer.Quarantined),
                    N(rules.Warnings(outcome.Table, layer.RuleFailures)), N(layer.DuplicatesRemoved), N(layer.Filtered),
                    layer.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), "ok");
            }

            if (outcome.NothingNew)
            {
                summary.AddRow(Markup.Escape(outcome.Table), "-", "", "", "", "", "", "", "", "nothing new");
            }

            if (!outcome.Succeeded)
            {
                summary.AddRow(Markup.Escape(outcome.Table), "-", "", "", "", "", "", "", "", "[red]failed[/]");
            }
        }

        context.Console.Write(summary);
        foreach (var outcome in outcomes)
        {
            context.Output.WriteLine($"run key {outcome.RunKey}: {outcome.Table}");
            if (outcome.Ingestion is { NothingNew: true } ingestion)
            {
                context.Output.WriteLine($"  {ingestion.Describe()}: nothing written, nothing to validate or promote");
            }
            else if (outcome.Ingestion is { } read)
            {
                context.Output.WriteLine($"  raw files   {N(outcome.InputFiles.Count)} ({read.Mode})");
            }

            if (outcome.Bronze is { } bronze)
            {
                context.Output.WriteLine($"  bronze      {bronze.TablePath} (version {bronze.DeltaVersion})");
            }

            if (outcome.Silver is { } silver)
            {
                var (quarantine, warn) = rules.Split(outcome.Table, silver.RuleFailures);
                context.Output.WriteLine($"  silver      {silver.TablePath} (version {silver.DeltaVersion})");
                context.Output.WriteLine($"  quarantine  {silver.QuarantinePath} (version {silver.QuarantineDeltaVersion})");
                Rules(context, quarantine);
                if (warn.Count > 0)
                {
                    context.Output.WriteLine("  warnings    (rows kept in silver)");
                    Rules(context, warn);
                }
            }

            if (outcome.Error is { } error)
            {
                context.Error.WriteLine($"error: {outcome.Table}: {error}");
            }
        }
    }

    private static void Rules(CliContext context, IEnumerable<KeyValuePair<string, long>> counts)
    {
        foreach (var (rule, count) in counts)
        {
            context.Output.WriteLine($"    {rule}: {N(count)} row(s)");
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
