using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Which raw objects the next run of each table would read, and how they were chosen, as the
/// embedded engine chooses them (<c>medallion plan --inputs</c>): it lists the raw root and reads
/// the bronze snapshot, and writes nothing.
/// </summary>
public static class RawInputsPreview
{
    /// <returns>
    /// One line per table: its name, how the objects are chosen, the objects (paths below the raw root), those of them
    /// bronze holds an earlier version of (read again, their earlier rows replaced), and how many objects the glob matches.
    /// </returns>
    /// <exception cref="MedallionException">A root cannot be opened or listed.</exception>
    public static async Task<IReadOnlyList<(string Table, RunIngestion Ingestion, IReadOnlyList<string> Files, IReadOnlyList<string> Changed, int Matching)>> ChooseAsync(
        RunEngineContext context, PipelineSelection selection, RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        using var staging = RunStaging.Open(selection.Environment, context.Input ?? selection.Environment.RawRoot);
        var ledger = new RunLedger(staging.Lake);
        // A key no run has taken: the choice of a fresh run, never a recorded retry.
        var run = new EngineRun(selection.Dataset, request.Table, selection.Environment, "preview", [LayerNames.Bronze], context.Clock.GetUtcNow())
        {
            Files = request.Files,
            Reprocess = request.Reprocess,
        };
        var lines = new List<(string, RunIngestion, IReadOnlyList<string>, IReadOnlyList<string>, int)>();
        foreach (var table in selection.Tables)
        {
            var matched = await staging.Raw.ResolveAsync(table, cancellationToken);
            var layout = new LakeLayout(selection.Dataset.Name, table.Name, table.SchemaVersion);
            var choice = await new RawSelection(staging.Lake, ledger).ChooseAsync(run, table, layout, matched, cancellationToken);
            lines.Add((table.Name, choice.Ingestion, [.. choice.Files.Select(f => f.Path)], choice.Changed, matched.Count));
        }

        return lines;
    }
}
