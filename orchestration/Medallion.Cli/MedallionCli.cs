using System.CommandLine;
using Medallion.Cli.Commands;
using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;

namespace Medallion.Cli;

/// <summary>
/// The <c>medallion</c> command line. Exit codes: 0 success, 1 the work failed, 2 a usage or
/// configuration error (nothing written).
/// </summary>
internal static class MedallionCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        // The stores this program ships, so lake roots and table arguments may be s3:// URIs.
        ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory());
        var context = new CliContext(output, error, clock);
        var root = new RootCommand("Medallion: bronze and silver Delta Lake tables from raw files, on DuckDB or Spark, from one YAML per dataset.");
        root.Options.Add(CommonOptions.Conf);
        root.Subcommands.Add(DatasetsCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(BackfillCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(RunsCommand.Create(context));
        root.Subcommands.Add(QualityCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(PromoteCommand.Create(context));
        root.Subcommands.Add(RollbackCommand.Create(context));
        root.Subcommands.Add(AthenaCommand.Create(context));
        root.Subcommands.Add(PackageCommand.Create(context));
        root.Subcommands.Add(SubmitCommand.Create(context));
        root.Subcommands.Add(DeployCommand.Create(context));
        root.Subcommands.Add(ScheduleCommand.Create(context));
        root.Subcommands.Add(TableCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'medallion --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ConfigurationException configuration)
        {
            foreach (var problem in configuration.Errors)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await error.WriteLineAsync($"{configuration.Errors.Count} configuration error(s); nothing was run.");
            return ExitCodes.Usage;
        }
        catch (ArgumentException usage)
        {
            await error.WriteLineAsync($"error: {usage.Message}");
            return ExitCodes.Usage;
        }
        catch (MedallionException failure)
        {
            await error.WriteLineAsync($"error: {failure.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Failed;
        }
        catch (Exception unexpected) when (unexpected is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await error.WriteLineAsync($"error: {unexpected.Message}");
            return ExitCodes.Failed;
        }
    }
}
