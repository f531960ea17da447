using System.Runtime.CompilerServices;
using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Spark;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Backfill;

/// <summary>
/// <c>medallion backfill</c>: runs the slices of <see cref="BackfillPlanner"/> in date order, each
/// as its own run key over exactly its files (<see cref="RunRequest.Files"/>), validated and
/// promoted like <c>medallion run</c> before the next starts. Resumable: a slice whose run key
/// every table it touches has already promoted (the promotion commits in <c>current/</c>'s Delta
/// log, what <c>_LATEST.json</c> points to) is skipped, so a backfill killed after slice 3 and
/// started again promotes slices 4 and on only. It stops at the first slice that fails.
/// </summary>
public sealed class BackfillRunner(MedallionConfiguration configuration, TimeProvider clock, IRunReporter reporter, RunEngineCatalog? engines = null)
{
    /// <param name="template">The run every slice is made from (dataset, table, environment, input, engine); its run key and files are the slice's.</param>
    public async IAsyncEnumerable<BackfillSliceOutcome> RunAsync(
        RunRequest template, IReadOnlyList<BackfillSlice> slices, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(slices);
        var selection = PipelineSelection.Resolve(configuration, template.Dataset, template.Table, template.Environment);
        var tables = RunGate.OpenTables(selection);
        foreach (var slice in slices)
        {
            var touched = tables.Where(t => slice.Files.Any(f => RawInputs.Matches(t.Table, f))).ToList();
            if (await AllPromotedAsync(touched, slice.RunKey, cancellationToken))
            {
                reporter.Progress($"{slice.RunKey}: already promoted, skipped");
                yield return new BackfillSliceOutcome(slice, BackfillSliceStatus.AlreadyPromoted);
                continue;
            }

            var outcome = await RunSliceAsync(template, selection, slice, touched, cancellationToken);
            yield return outcome;
            if (outcome.Status == BackfillSliceStatus.Failed)
            {
                yield break;
            }

            CrashPoints.Reach(CrashPoints.BackfillSlicePromoted);
        }
    }

    private async Task<BackfillSliceOutcome> RunSliceAsync(RunRequest template, PipelineSelection selection, BackfillSlice slice, IReadOnlyList<LakeTable> touched, CancellationToken cancellationToken)
    {
        reporter.Progress($"{slice.RunKey}: {slice.Files.Count} file(s)");
        var request = template with { RunKey = slice.RunKey, Layer = RunLayer.All, Files = slice.Files, Reprocess = false };
        // A day that only some tables have files for runs those tables only: the others have nothing to re-run.
        var requests = template.Table is null && touched.Count < selection.Tables.Count
            ? touched.Select(t => request with { Table = t.Table.Name }).ToList()
            : [request];
        var outcomes = new List<TableRunOutcome>();
        foreach (var one in requests)
        {
            outcomes.AddRange(await new PipelineRunner(configuration, clock, reporter, engines).RunAsync(one, cancellationToken));
        }

        if (outcomes.FirstOrDefault(o => !o.Succeeded) is { } failed)
        {
            return new BackfillSliceOutcome(slice, BackfillSliceStatus.Failed, $"{failed.Table}: {failed.Error}");
        }

        var ran = touched.Where(t => outcomes.Any(o => o.Table == t.Table.Name && o.Silver is not null)).ToList();
        await foreach (var gate in new RunGate(clock, reporter).PassAsync(ran, slice.RunKey, promote: true, cancellationToken))
        {
            if (!gate.Passed)
            {
                return new BackfillSliceOutcome(slice, BackfillSliceStatus.Failed, $"{gate.Table.Name}: run {slice.RunKey} failed validation: {gate.Report.DescribeFailures()}");
            }
        }

        return new BackfillSliceOutcome(slice, BackfillSliceStatus.Promoted);
    }

    private static async Task<bool> AllPromotedAsync(IReadOnlyList<LakeTable> tables, string runKey, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            // The snapshot's txn marker of the run says it was promoted, without reading the history.
            var snapshot = await new DeltaTable(table.Store, table.Layout.SilverCurrent).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
            if (await PromotionLog.FindPromotionAsync(table, snapshot, runKey, promotedVersion: null, cancellationToken) is null)
            {
                return false;
            }
        }

        return tables.Count > 0;
    }
}
