using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// Before a run reads raw files: when no selected table matches a single file, the run would write
/// empty tables and say <c>ok</c>, which hides a wrong <c>--input</c>, <c>raw_root</c> or glob. That is
/// refused (exit 1, nothing written) unless <c>--allow-empty</c> says an empty run is intended.
/// The files are matched as the engines match them (<see cref="RawInputs"/>).
/// </summary>
internal static class RawInputCheck
{
    /// <exception cref="RunFailedException">No selected table matches any raw file.</exception>
    public static async Task RequireAnyAsync(PipelineSelection selection, string? input, CancellationToken cancellationToken)
    {
        var root = input ?? selection.Environment.RawRoot;
        var store = LakeResolver.OpenStore(root, selection.Environment);
        try
        {
            foreach (var table in selection.Tables)
            {
                if ((await RawInputs.ResolveAsync(store, table, cancellationToken)).Count > 0)
                {
                    return;
                }
            }
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }

        var globs = string.Join(", ", selection.Tables.Select(t => $"{t.Name}: {t.Source.Path}"));
        throw new RunFailedException(
            $"No raw file matches any table of {selection.Dataset.Name} under {LakeResolver.Location(root)} ({globs}); nothing was run. " +
            $"Source paths are relative to the raw root (raw_root, or --input), e.g. {LakeResolver.Location(root)}/{selection.Tables[0].Source.Path}. " +
            "Pass --allow-empty to run with no input anyway.");
    }
}
