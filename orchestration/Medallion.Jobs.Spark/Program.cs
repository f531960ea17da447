using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Outcomes;
using Medallion.Orchestration.Runs;
using Medallion.Orchestration.Tracing;
using Microsoft.Spark.Sql;

namespace Medallion.Jobs.Spark;

/// <summary>
/// One step of a run on EMR Serverless (or a local Spark):
/// <c>--conf DIR --dataset D [--table T] --step bronze|silver|promote --run-key K --env E</c>.
/// bronze and silver run on Spark, table by table; promote is the orchestrator's gate
/// (<see cref="RunGate"/>: validate, then promote) and needs no Spark session.
/// Exit codes as <c>medallion run</c>: 0 success, 1 the run (or its validation) failed, 2 usage or configuration.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The stores this program ships: EMR jobs read and write s3:// lakes.
        ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory());
        SparkJobArguments arguments;
        PipelineSelection selection;
        IReadOnlyList<JobSetup> setups;
        try
        {
            arguments = SparkJobArguments.Parse(args);
            selection = PipelineSelection.Resolve(ConfigLoader.Load(arguments.Conf), arguments.Dataset, arguments.Table, arguments.Environment);
            setups = arguments.IsLayer ? JobSetup.Load(selection, arguments, TimeProvider.System) : [];
        }
        catch (Exception usage) when (usage is ArgumentException or ConfigurationException or MedallionException)
        {
            // A bad root is the environment's configuration: exit 2 with its message, before Spark starts.
            await Console.Error.WriteLineAsync(usage.Message);
            return 2;
        }

        if (!arguments.IsLayer)
        {
            try
            {
                return await RunGate.ValidateAndPromoteAsync(selection, arguments.RunKey, Console.Out, TimeProvider.System, Trace(arguments)) ? 0 : 1;
            }
            catch (MedallionException error)
            {
                await Console.Error.WriteLineAsync($"{arguments.Dataset} promote {arguments.RunKey} failed: {error.Message}");
                return 1;
            }
            finally
            {
                await WriteOutcomeAsync(selection, arguments);
            }
        }

        var builder = SparkSession.Builder().AppName($"medallion {arguments.Dataset} {arguments.Step} {arguments.RunKey}");
        foreach (var (key, value) in SparkSessionSettings.Values)
        {
            builder = builder.Config(key, value);
        }

        var spark = builder.GetOrCreate();
        try
        {
            var succeeded = true;
            foreach (var setup in setups)
            {
                // A failing table does not stop the others, as in `medallion run`.
                succeeded &= await RunStepAsync(spark, setup, arguments);
            }

            return succeeded ? 0 : 1;
        }
        finally
        {
            spark.Stop();
            await WriteOutcomeAsync(selection, arguments);
        }
    }

    /// <summary>The step's outcome file, which the state machine's notifications quote (which table, which checks).</summary>
    private static async Task WriteOutcomeAsync(PipelineSelection selection, SparkJobArguments arguments)
    {
        try
        {
            if (await StepOutcomeWriter.TryWriteAsync(RunGate.OpenTables(selection), arguments.RunKey, arguments.Step) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{arguments.Dataset} {arguments.Step} {arguments.RunKey}: {problem}");
            }
        }
        catch (MedallionException error)
        {
            await Console.Error.WriteLineAsync($"{arguments.Dataset} {arguments.Step} {arguments.RunKey}: the step's outcome file was not written: {error.Message}");
        }
    }

    /// <summary>What the launcher said ran this step: the state machine's execution and the earlier steps' job runs.</summary>
    private static RunTrace Trace(SparkJobArguments arguments) =>
        new(arguments.ExecutionArn, arguments.StateMachine, arguments.JobRunIds ?? new Dictionary<string, string>());

    /// <summary>One table's step through the run lifecycle the embedded engine uses, so <c>_run.json</c> means the same on both.</summary>
    private static async Task<bool> RunStepAsync(SparkSession spark, JobSetup setup, SparkJobArguments arguments)
    {
        var step = arguments.Step;
        var name = $"{setup.Layout.Dataset}.{setup.Layout.Table} {step} {setup.Run.RunKey}";
        try
        {
            // The execution is known from the first step on, so even a failed run's ledger names it.
            var fresh = Trace(arguments).ApplyTo(setup.NewEntry(step));
            RunLedgerEntry entry;
            if (step == SparkJobArguments.Bronze)
            {
                // The objects to read are chosen as the embedded engine chooses them, and recorded before any is read.
                var started = await new BronzeJobStart(setup.Lake, setup.Raw, setup.Lifecycle).StartAsync(setup.EngineRun(arguments.ExecutionArn), setup.Plan.Table, fresh);
                if (started.NothingNew)
                {
                    await Console.Out.WriteLineAsync($"{name}: {RunLedgerEntry.NothingNew} ({started.Entry.Ingestion!.Describe()}); bronze and silver are left as they are.");
                    return true;
                }

                entry = await setup.Lifecycle.RunAsync(started.Entry, [async _ => await BronzeJob.RunAsync(spark, setup, started.Files)]);
            }
            else
            {
                if (await new RunLedger(setup.Lake).ReadAsync(setup.Layout, setup.Run.RunKey) is { Status: RunLedgerEntry.NothingNew } done)
                {
                    // Its bronze job found nothing new and wrote nothing: there is no silver to compute (the promote step skips it too).
                    await Console.Out.WriteLineAsync($"{name}: {RunLedgerEntry.NothingNew} ({done.Ingestion?.Describe() ?? "nothing new"}); nothing to do.");
                    return true;
                }

                entry = await setup.Lifecycle.StartAsync(fresh, resume: true);
                entry = await setup.Lifecycle.RunAsync(entry, [async _ => await SilverJob.RunAsync(spark, setup)]);
            }

            if (entry.Status == RunLedgerEntry.Failed)
            {
                // Printed for the EMR log; the ledger holds the same reason for the orchestrator.
                await Console.Error.WriteLineAsync($"{name} failed: {entry.Error}");
                return false;
            }

            await Console.Out.WriteLineAsync($"{name}: {entry.Status}");
            return true;
        }
        catch (RunFailedException error)
        {
            // Chosen before the ledger was started (a retry's recorded object is gone): nothing was written.
            await Console.Error.WriteLineAsync($"{name} failed: {error.Message}");
            return false;
        }
        catch (MedallionException error)
        {
            // The ledger itself could not be written (the lake is unreachable): nothing else can record it.
            await Console.Error.WriteLineAsync($"{name} failed, and its ledger could not be written: {error.Message}");
            return false;
        }
    }
}
