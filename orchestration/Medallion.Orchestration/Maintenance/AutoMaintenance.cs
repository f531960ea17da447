using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Maintenance;

/// <summary>
/// The maintenance an environment asks for after each promotion (<c>maintenance:</c> in
/// <c>medallion.yaml</c>): OPTIMIZE of the partitions of <c>current/</c> that hold more than
/// <c>optimize_small_files</c> small files. Off unless configured.
/// </summary>
/// <remarks>
/// It runs after the promotion is committed and published, so it can never undo or delay what
/// readers see; a failure (a concurrent promotion that kept winning, a full disk) is a warning and
/// the next promotion tries again.
/// </remarks>
internal static class AutoMaintenance
{
    public static async Task AfterPromotionAsync(LakeTable table, TimeProvider clock, IRunReporter reporter, CancellationToken cancellationToken)
    {
        if (table.Environment is not { Maintenance.OptimizeSmallFiles: { } smallFiles } environment)
        {
            return;
        }

        try
        {
            var optimizer = new TableOptimizer(table.Store, table.Layout.SilverCurrent, environment.DuckDb, clock);
            var options = new OptimizeOptions(environment.Maintenance.TargetFileSize, MinFiles: Math.Max(2, smallFiles + 1));
            var result = await optimizer.OptimizeAsync(options, cancellationToken);
            if (result.Version is { } version)
            {
                reporter.Progress($"{table.Name}: compacted {result.FilesRemoved} small file(s) of current/ into {result.FilesAdded} (OPTIMIZE, version {version}).");
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            reporter.Warning($"{table.Name}: automatic OPTIMIZE of current/ after the promotion failed ({error.Message}); the promotion stands. Run `medallion table optimize {table.Dataset.Name} --table {table.Table.Name}`.");
        }
    }
}
