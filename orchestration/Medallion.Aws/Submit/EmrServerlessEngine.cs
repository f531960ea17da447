using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;

namespace Medallion.Aws.Submit;

/// <summary>
/// Spark on EMR Serverless as the orchestrator runs it (<c>engine: spark</c>). The first layer
/// uploads the bundle, its microsoft-spark jar and the conf; each layer is then one job run of the
/// job host for the run's tables (one per table when only some of them go on to silver), polled
/// until it ends; Ctrl+C cancels it. <c>medallion submit</c> starts the same job runs through the
/// same <see cref="SparkJobLauncher"/>. Nothing reaches AWS before the first layer, so
/// <c>medallion plan</c> can describe a Spark run without an <c>aws:</c> block.
/// </summary>
/// <remarks>
/// The ledger is the job host's to write, and this engine never writes it. Each job keeps every
/// table's <c>_run.json</c> through <see cref="RunLifecycle"/> where the layer runs: only the job
/// knows when its Delta commits have landed, and its bronze job leaves the entry <c>running</c> for
/// the silver job to continue. Writing the entry here as well would give one file two writers with
/// nothing ordering them: a status written from here could overwrite the job's <c>failed</c> and its
/// reason, or the <c>succeeded</c> that <c>_SUCCESS</c> vouches for, and the silver job would resume
/// an entry its bronze job did not leave. This engine reads the entries once a job run has ended.
/// </remarks>
public sealed class EmrServerlessEngine : IRunEngine
{
    public const string EngineName = "spark";

    private readonly RunEngineContext _context;
    private readonly string _confDirectory;
    private readonly string _bundle;
    private S3ArtifactStore? _artifacts;
    private IObjectStore? _lake;
    private SparkJobLauncher? _launcher;

    // One attempt per engine, that is per run command: its client tokens make a retried call idempotent.
    private readonly string _attempt = JobAttempt.New();

    private EmrServerlessEngine(RunEngineContext context, string confDirectory, string bundle)
    {
        _context = context;
        _confDirectory = confDirectory;
        _bundle = bundle;
    }

    public string Name => EngineName;

    /// <summary>The engine for <paramref name="context"/>'s environment.</summary>
    /// <param name="confDirectory">The conf folder, uploaded beside the bundle for the record.</param>
    /// <param name="bundle">The zip <c>medallion package</c> wrote, or null for its default place.</param>
    /// <exception cref="ArgumentException"><c>--input</c> was given: the jobs read the environment's <c>raw_root</c>.</exception>
    public static EmrServerlessEngine Open(RunEngineContext context, string confDirectory, string? bundle)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environment = context.Environment;
        if (context.Input is not null)
        {
            throw new ArgumentException(
                $"--input cannot be used on environment `{environment.Name}`: it runs on spark, whose EMR jobs read its raw_root ({environment.RawRoot}).");
        }

        return new EmrServerlessEngine(context, confDirectory, bundle ?? SparkJobLauncher.DefaultBundle(environment.Name));
    }

    /// <summary>
    /// Refuses what the job runs this engine starts cannot carry yet: their bronze job chooses its raw objects
    /// itself (the table's <c>ingestion:</c>, a retry's recorded set), and the launcher passes it no list.
    /// Refused before anything is written, rather than read objects other than the ones asked for.
    /// </summary>
    /// <exception cref="ArgumentException"><c>--files</c>, <c>--object</c>, <c>--reprocess</c> or a backfill slice on this engine (a usage error).</exception>
    public Task PrepareAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Layers.Contains(SparkJob.Bronze) && (run.Files is not null || run.Reprocess))
        {
            throw new ArgumentException(
                $"--files, --object, --reprocess and backfill cannot be used on environment `{run.Environment.Name}` yet: its EMR bronze job reads what " +
                "each table's ingestion chooses (new or changed objects, or all of them with `ingestion: full`). An S3 event's state machine " +
                "execution passes --object to the job itself.");
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TableRunOutcome>> RunBronzeAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default) =>
        RunStepAsync(SparkJob.Bronze, run, tables, cancellationToken);

    public Task<IReadOnlyList<TableRunOutcome>> RunSilverAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default) =>
        RunStepAsync(SparkJob.Silver, run, tables, cancellationToken);

    public EngineScript DescribePlan(DatasetSpec dataset, TableSpec table) => new(
        SparkPlanScript.Bronze(dataset, table, LakeResolver.Location(_context.Environment.RawRoot)),
        SparkPlanScript.Silver(dataset, table, LakeResolver.Location(_context.Environment.LakeRoot)));

    public void Dispose()
    {
        _artifacts?.Dispose();
        (_lake as IDisposable)?.Dispose();
    }

    private async Task<IReadOnlyList<TableRunOutcome>> RunStepAsync(string step, EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tables);
        var launcher = await LauncherAsync(run, cancellationToken);
        // One job for the tables the run was asked for, as submit and the state machine start it; once
        // some have failed, one job per table that goes on (the job host takes one table or all of them).
        var selected = run.Table is null ? run.Dataset.Tables.Count : 1;
        IReadOnlyList<(string? Table, IReadOnlyList<TableSpec> Covered)> jobs = tables.Count == selected
            ? [(run.Table, tables)]
            : [.. tables.Select(t => ((string?)t.Name, (IReadOnlyList<TableSpec>)[t]))];
        var outcomes = new List<TableRunOutcome>();
        foreach (var (table, covered) in jobs)
        {
            var name = table is null ? run.Dataset.Name : $"{run.Dataset.Name}.{table}";
            var started = await launcher.StartAsync(run.Dataset.Name, table, step, run.RunKey, _attempt, cancellationToken);
            _context.Reporter.Progress($"{name}: {step} job run {started.JobRunId} on EMR Serverless application {started.ApplicationId}; logs {launcher.LogLocation(started)}");
            var finished = await launcher.WaitAsync(started, r => _context.Reporter.Progress($"{name}: {step} job run {r.JobRunId} {r.State}"), cancellationToken);
            foreach (var spec in covered)
            {
                outcomes.Add(await OutcomeAsync(run, spec, step, finished, cancellationToken));
            }
        }

        return outcomes;
    }

    /// <summary>A table's outcome as the job left its ledger.</summary>
    private async Task<TableRunOutcome> OutcomeAsync(EngineRun run, TableSpec table, string step, EmrJobRun finished, CancellationToken cancellationToken)
    {
        var layout = new LakeLayout(run.Dataset.Name, table.Name, table.SchemaVersion);
        _lake ??= LakeResolver.OpenStore(run.Environment.LakeRoot, run.Environment);
        var entry = await new RunLedger(_lake).ReadAsync(layout, run.RunKey, cancellationToken);
        if (finished.State == EmrJobRunState.Success)
        {
            return entry is not null
                ? TableRunOutcome.From(entry)
                : Failed(table, run, $"the {step} job run {finished.JobRunId} succeeded, but run '{run.RunKey}' has no ledger at {_lake.Describe(layout.RunLedger(run.RunKey))}");
        }

        // A job that did not succeed may have stopped before writing anything: only a `failed` entry is this attempt's own account.
        return entry is { Status: RunLedgerEntry.Failed }
            ? TableRunOutcome.From(entry)
            : Failed(table, run, $"the {step} job run {finished.JobRunId} ended {finished.State}: {finished.StateDetails}");
    }

    /// <summary>Checks the environment's <c>aws:</c> settings and uploads the artifacts, once per run.</summary>
    private async Task<SparkJobLauncher> LauncherAsync(EngineRun run, CancellationToken cancellationToken)
    {
        if (_launcher is not null)
        {
            return _launcher;
        }

        var aws = AwsEnvironment.Resolve(_context.Configuration, _context.Environment.Name,
            AwsEnvironment.Setting.ArtifactsPrefix, AwsEnvironment.Setting.EmrApplicationId, AwsEnvironment.Setting.JobRoleArn);
        if (run.ExecutionArn is not null)
        {
            _context.Reporter.Warning($"--execution-arn is not recorded on environment `{aws.Name}`: its EMR jobs write the ledger.");
        }

        var emr = new AwsClients(aws.Aws, _context.Clock).EmrServerless();
        _artifacts = S3ArtifactStore.Create(aws.Aws);
        var launcher = new SparkJobLauncher(aws, _artifacts, emr, new JobRunWaiter(emr, _context.Clock));
        _context.Reporter.Progress(await launcher.UploadAsync(_bundle, _confDirectory, cancellationToken));
        return _launcher = launcher;
    }

    private static TableRunOutcome Failed(TableSpec table, EngineRun run, string reason) =>
        new(table.Name, run.RunKey, Bronze: null, Silver: null, reason, InputFiles: []);
}
