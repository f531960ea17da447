using System.CommandLine;
using System.Globalization;
using Medallion.Cli.Commands.TableShow;
using Medallion.Delta;
using Medallion.Delta.Reading;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion table show</c>: rows of a Delta table, so a result can be checked without another
/// tool. A dataset's table is found in the environment's lake by layer; any other table by folder or
/// <c>s3://</c> URI. The files are read by DuckDB (an S3 table's live files are downloaded first).
/// </summary>
internal static class TableShowCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("dataset-or-table") { Description = "A dataset name (its table in the environment's lake), or a table folder (with a /, e.g. ./t) or s3://bucket/prefix/table." };
        var table = CommonOptions.Table();
        table.Description = "The dataset's table (needed when it has several).";
        var environment = CommonOptions.Environment();
        var layer = new Option<ShowLayer>("--layer", "-l")
        {
            Description = "A dataset's table: current (promoted, the default), silver (a run's staged table), bronze or quarantine (rejected rows, broken rules first).",
            DefaultValueFactory = _ => ShowLayer.Current,
        };
        var runKey = CommonOptions.RunKey("Only this run's rows; for --layer silver, the run whose staged table to show (default: the newest).");
        var where = new Option<string?>("--where") { Description = "A SQL condition on the table's columns, e.g. \"currency = 'EUR'\" (one expression; it reads only this table)." };
        var columns = new Option<string[]>("--columns", "-c")
        {
            Description = "Only these columns, comma-separated or repeated (default: all; a quarantine's broken rules first).",
            AllowMultipleArgumentsPerToken = true,
        };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many rows.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of row objects (typed: numbers, lists, nulls)." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV with a header row (an empty field is NULL, \"\" an empty string)." };
        var command = new Command("show", "Print rows of a Delta table: a dataset's current, silver, bronze or quarantine table, or any table folder or s3:// URI.")
        {
            target, table, environment, layer, runKey, where, columns, limit, json, csv, TableLocation.Region, TableLocation.EndpointUrl,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(csv))
            {
                result.AddError("--json and --csv cannot be used together.");
            }

            if (result.GetValue(limit) < 0)
            {
                result.AddError("--limit must be 0 or more.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var argument = parseResult.GetValue(target)!;
            var key = parseResult.GetValue(runKey);
            var shownLayer = parseResult.GetValue(layer);
            using var shown = ShowTarget.IsPath(argument)
                ? ShowTarget.OpenPath(parseResult, argument)
                : await ShowTarget.OpenDatasetAsync(
                    parseResult.GetValue(CommonOptions.Conf)!, argument, parseResult.GetValue(table), parseResult.GetValue(environment), shownLayer, key, cancellationToken);
            DeltaSnapshot snapshot;
            try
            {
                snapshot = await new DeltaTable(shown.Store, shown.TablePath).LoadSnapshotAsync(cancellationToken: cancellationToken);
            }
            catch (DeltaUnsupportedFeatureException unsupported)
            {
                await context.Error.WriteLineAsync($"error: cannot read {shown.Description}: {unsupported.Message}");
                return ExitCodes.Failed;
            }

            var staging = Path.Combine(Path.GetTempPath(), $"medallion-show-{Guid.NewGuid():N}");
            try
            {
                var folder = await DeltaFileStaging.StageAsync(shown.Store, snapshot, staging, cancellationToken: cancellationToken);
                using var query = RowQuery.Open(snapshot, folder);
                var select = query.Select(Split(parseResult.GetValue(columns)), parseResult.GetValue(where), key, parseResult.GetValue(limit));
                if (parseResult.GetValue(json))
                {
                    RowsPrinter.Json(context, query.Json(select, cancellationToken));
                    return ExitCodes.Success;
                }

                var (names, rows) = query.Text(select, cancellationToken);
                if (parseResult.GetValue(csv))
                {
                    RowsPrinter.Csv(context, names, rows);
                    return ExitCodes.Success;
                }

                RowsPrinter.Table(context, names, rows);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{rows.Count:N0} row(s) of {shown.Description} (version {snapshot.Version}){(rows.Count == parseResult.GetValue(limit) ? $"; --limit {rows.Count} reached" : "")}"));
                return ExitCodes.Success;
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        });
        return command;
    }

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
