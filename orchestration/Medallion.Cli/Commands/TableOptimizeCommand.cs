using System.CommandLine;
using System.Globalization;
using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Maintenance;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion table optimize</c>: compacts the small files of each partition into files near a
/// target size, in one Delta commit that changes no rows (<c>dataChange: false</c>).
/// </summary>
internal static class TableOptimizeCommand
{
    public static Command Create(CliContext context)
    {
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var targetSize = new Option<string>("--target-size")
        {
            Description = "The size compacted files aim at, e.g. 64MB or 1GB; files at or above it are left alone.",
            DefaultValueFactory = _ => "128MB",
        };
        var minFiles = new Option<int>("--min-files")
        {
            Description = "Compact a partition only when it has at least this many files below the target size.",
            DefaultValueFactory = _ => 2,
        };
        var command = new Command("optimize", "Compact small files per partition into files near --target-size (OPTIMIZE): one Delta commit, rows unchanged, safe beside running promotions.")
        {
            MaintenanceTargets.Target, table, environment, MaintenanceTargets.Layer, targetSize, minFiles, TableLocation.Region, TableLocation.EndpointUrl,
        };
        command.Validators.Add(result =>
        {
            // A validator sees only what was typed (defaults come later): check the value when one was given.
            if (result.GetValue(targetSize) is { } size && MaintenanceSpec.ParseFileSize(size) is null)
            {
                result.AddError($"--target-size '{result.GetValue(targetSize)}' is not a size from 1KB to 1TB such as 64MB or 1GB.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(minFiles) < 2)
            {
                throw new ArgumentException("--min-files must be 2 or more (one file cannot be compacted).");
            }

            using var targets = MaintenanceTargets.Open(parseResult, table, environment);
            var target = MaintenanceSpec.ParseFileSize(parseResult.GetValue(targetSize) ?? "128MB") ?? OptimizeOptions.Default.TargetFileSize;
            var exit = ExitCodes.Success;
            foreach (var one in targets.Tables)
            {
                var optimizer = new TableOptimizer(targets.Store, one.TablePath, targets.Engine, context.Clock);
                OptimizeResult result;
                try
                {
                    result = await optimizer.OptimizeAsync(new OptimizeOptions(target, parseResult.GetValue(minFiles), one.KeepRunsApart), cancellationToken);
                }
                catch (DeltaTableNotFoundException)
                {
                    await context.Output.WriteLineAsync($"{one.Name}: no Delta table yet; nothing to compact.");
                    continue;
                }
                catch (DeltaUnsupportedFeatureException unsupported)
                {
                    await context.Error.WriteLineAsync($"error: {one.Name}: cannot compact this table: {unsupported.Message}");
                    exit = ExitCodes.Failed;
                    continue;
                }

                await context.Output.WriteLineAsync(result.Version is { } version
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{one.Name}: compacted {result.FilesRemoved:N0} file(s) ({result.BytesRemoved:N0} bytes) in {result.Partitions:N0} partition(s) into {result.FilesAdded:N0} file(s) ({result.BytesAdded:N0} bytes); version {version}.")
                    : $"{one.Name}: nothing to compact (no partition has {parseResult.GetValue(minFiles)} files below {parseResult.GetValue(targetSize)}).");
            }

            return exit;
        });
        return command;
    }
}
