using System.CommandLine;
using System.Globalization;
using Medallion.Delta;
using Medallion.Delta.Maintenance;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion table vacuum</c>: deletes the data files no version within the retention needs,
/// and copies a crashed writer left that no version ever named. <c>_delta_log</c> is never touched.
/// </summary>
internal static class TableVacuumCommand
{
    public static Command Create(CliContext context)
    {
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var retention = new Option<string?>("--retention")
        {
            Description = "Keep the files every version of this long ago and later needs, e.g. 7d, 168h or 'interval 14 days' " +
                "(default: the table's delta.deletedFileRetentionDuration, else 7 days).",
        };
        var force = new Option<bool>("--force") { Description = "Allow a retention shorter than the table's: time travel and rollbacks to older versions stop working." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the files that would be deleted, and delete nothing." };
        var command = new Command("vacuum", "Delete data files no version within the retention references, and files a crashed writer left unreferenced (VACUUM); --dry-run lists them.")
        {
            MaintenanceTargets.Target, table, environment, MaintenanceTargets.Layer, retention, force, dryRun, TableLocation.Region, TableLocation.EndpointUrl,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(retention) is { } text && !DeltaRetention.TryParseInterval(text, out _))
            {
                result.AddError($"--retention '{text}' is not a duration such as 7d, 168h or 'interval 14 days'.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var targets = MaintenanceTargets.Open(parseResult, table, environment);
            foreach (var one in targets.Tables)
            {
                var snapshot = await new DeltaTable(targets.Store, one.TablePath).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
                if (snapshot is null)
                {
                    await context.Output.WriteLineAsync($"{one.Name}: no Delta table yet; nothing to vacuum.");
                    continue;
                }

                var minimum = DeltaRetention.DeletedFileRetention(snapshot.Metadata);
                var wanted = parseResult.GetValue(retention) is { } text && DeltaRetention.TryParseInterval(text, out var given) ? given : minimum;
                if (wanted < minimum && !parseResult.GetValue(force))
                {
                    await context.Error.WriteLineAsync(
                        $"error: {one.Name}: --retention {Describe(wanted)} is shorter than the table's {DeltaRetention.DeletedFileRetentionProperty} ({Describe(minimum)}): " +
                        $"time travel, and rollbacks to promotions of the last {Describe(minimum)}, need the files it would delete. Pass --force to vacuum anyway.");
                    return ExitCodes.Usage;
                }

                var vacuum = new DeltaVacuum(targets.Store, one.TablePath, context.Clock);
                var plan = await vacuum.PlanAsync(wanted, cancellationToken);
                var cutoff = plan.Cutoff.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                if (parseResult.GetValue(dryRun))
                {
                    foreach (var file in plan.Files)
                    {
                        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"would delete {file.Path} ({file.Size:N0} bytes, {(file.Untracked ? "never in the table" : "removed before " + cutoff)})"));
                    }

                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{one.Name}: {plan.Files.Count:N0} file(s) ({plan.Bytes:N0} bytes) would be deleted, {plan.FilesKept:N0} kept; dry run, nothing deleted."));
                    continue;
                }

                var version = await vacuum.ExecuteAsync(plan, cancellationToken);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{one.Name}: deleted {plan.Files.Count:N0} file(s) ({plan.Bytes:N0} bytes) that no version since {cutoff} needs, {plan.Files.Count(f => f.Untracked):N0} of them never in the table; " +
                    $"{plan.FilesKept:N0} kept{(version is { } v ? $"; version {v}" : "")}."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} days")
        : span.TotalHours == Math.Floor(span.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} minutes");
}
