using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Leases;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Runs a dataset's tables through bronze and silver on the engine the environment names (or the
/// request overrides): the embedded engine, or any other <paramref name="engines"/> has. Each table's
/// ledger (<c>_run.json</c>, then <c>_SUCCESS</c> last) is kept where its layers run; see <see cref="IRunEngine"/>.
/// </summary>
/// <param name="engines">The engines this host can run; by default the embedded engine only.</param>
public sealed class PipelineRunner(MedallionConfiguration configuration, TimeProvider clock, IRunReporter reporter, RunEngineCatalog? engines = null)
{
    private readonly RunEngineCatalog _engines = engines ?? RunEngineCatalog.Embedded();

    /// <summary>
    /// Runs every selected table; a failing table does not stop the others (its silver layer is skipped).
    /// First takes the run key of every table (a lease in the lake, see docs/orchestration.md): two attempts
    /// of one key never write at once.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown dataset, table or environment, or a bad run key (usage errors).</exception>
    /// <exception cref="MedallionException">
    /// Another attempt holds the run key of a table (nothing was written), another attempt took it over
    /// meanwhile, a root cannot be opened or listed, or this host cannot run the environment's engine.
    /// </exception>
    public async Task<IReadOnlyList<TableRunOutcome>> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dataset, tables, environment) = PipelineSelection.Resolve(configuration, request.Dataset, request.Table, request.Environment);
        var runKey = request.RunKey is null ? RunKey.Generate(clock) : RunKey.Validate(request.RunKey);
        var expiry = request.LeaseExpiry ?? RunRequest.DefaultLeaseExpiry;
        if (expiry <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The lease expiry must be positive; got {expiry.TotalSeconds} s.", nameof(request));
        }

        // The engine first: it refuses what it cannot run (usage errors) before the lake is touched.
        using var engine = _engines.Open(request.Engine ?? environment.Engine, new RunEngineContext(configuration, environment, request.Input, clock, reporter));
        var lake = LakeResolver.OpenStore(environment.LakeRoot, environment);
        using var owned = lake as IDisposable;
        await using var leases = await RunKeyLeases.AcquireAsync(
            lake, [.. tables.Select(t => new LakeLayout(dataset.Name, t.Name, t.SchemaVersion))], runKey, expiry, clock, reporter, cancellationToken);
        CrashPoints.Reach(CrashPoints.RunKeyLeased);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leases.Lost);
        try
        {
            return await RunLayersAsync(engine, request, dataset, tables, environment, runKey, running.Token);
        }
        catch (OperationCanceledException) when (leases.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MedallionException(leases.LostReason ?? "Another attempt took the run key over while this one ran.");
        }
    }

    private async Task<IReadOnlyList<TableRunOutcome>> RunLayersAsync(
        IRunEngine engine, RunRequest request, DatasetSpec dataset, IReadOnlyList<TableSpec> tables, EnvironmentSpec environment, string runKey, CancellationToken cancellationToken)
    {
        var layers = request.Layer == RunLayer.All ? new[] { LayerNames.Bronze, LayerNames.Silver } : [request.Layer.ToString().ToLowerInvariant()];
        var run = new EngineRun(dataset, request.Table, environment, runKey, layers, clock.GetUtcNow(), request.ExecutionArn)
        {
            Files = request.Files,
            Reprocess = request.Reprocess,
        };

        var outcomes = new Dictionary<string, TableRunOutcome>(StringComparer.Ordinal);
        var next = tables;
        if (layers.Contains(LayerNames.Bronze))
        {
            foreach (var outcome in await engine.RunBronzeAsync(run, next, cancellationToken))
            {
                outcomes[outcome.Table] = outcome;
            }

            next = [.. next.Where(t => outcomes[t.Name].Succeeded)];
        }

        if (layers.Contains(LayerNames.Silver) && next.Count > 0)
        {
            foreach (var outcome in await engine.RunSilverAsync(run, next, cancellationToken))
            {
                outcomes[outcome.Table] = outcome;
            }
        }

        return [.. tables.Select(t => outcomes[t.Name])];
    }
}
