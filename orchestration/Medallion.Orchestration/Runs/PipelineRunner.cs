using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
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

    /// <summary>Runs every selected table; a failing table does not stop the others (its silver layer is skipped).</summary>
    /// <exception cref="ArgumentException">An unknown dataset, table or environment, or a bad run key (usage errors).</exception>
    /// <exception cref="MedallionException">A root cannot be opened or listed, or this host cannot run the environment's engine.</exception>
    public async Task<IReadOnlyList<TableRunOutcome>> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dataset, tables, environment) = PipelineSelection.Resolve(configuration, request.Dataset, request.Table, request.Environment);
        var runKey = request.RunKey is null ? RunKey.Generate(clock) : RunKey.Validate(request.RunKey);
        using var engine = _engines.Open(request.Engine ?? environment.Engine, new RunEngineContext(configuration, environment, request.Input, clock, reporter));
        var layers = request.Layer == RunLayer.All ? new[] { LayerNames.Bronze, LayerNames.Silver } : [request.Layer.ToString().ToLowerInvariant()];
        var run = new EngineRun(dataset, request.Table, environment, runKey, layers, clock.GetUtcNow(), request.ExecutionArn);

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
