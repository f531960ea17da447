using System.Text.Json.Nodes;
using Medallion.Delta;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>What every Medallion commit records besides the operation (run key, engine and counts), and the replace-by-run-key commit.</summary>
internal static class CommitInfo
{
    public static IReadOnlyDictionary<string, JsonNode?> Extras(RunContext run, long rowsRead, long rowsWritten, long quarantined) =>
        new Dictionary<string, JsonNode?>
        {
            ["runKey"] = run.RunKey,
            ["engine"] = run.Engine,
            ["engineInfo"] = "Medallion",
            ["medallion.rowsRead"] = rowsRead,
            ["medallion.rowsWritten"] = rowsWritten,
            ["medallion.rowsQuarantined"] = quarantined,
        };

    /// <summary>
    /// Commits a transaction that replaces the rows of <paramref name="runKey"/> (<see cref="DuckDbTables.ReplaceRun"/>).
    /// When another writer committed rows of the same key meanwhile, the Delta conflict becomes a run failure that says so.
    /// </summary>
    /// <exception cref="RunFailedException">Another writer's commit conflicts; nothing of this attempt was committed.</exception>
    public static async Task<long> CommitRunAsync(
        DeltaTransaction transaction, string location, string runKey,
        IReadOnlyDictionary<string, JsonNode?> operationParameters, IReadOnlyDictionary<string, JsonNode?> extras, CancellationToken cancellationToken)
    {
        try
        {
            return await transaction.CommitAsync("WRITE", operationParameters, extras, cancellationToken);
        }
        catch (DeltaConflictException conflict)
        {
            throw new RunFailedException(
                $"Another writer committed to {location} while this attempt of run key '{runKey}' was writing (version {conflict.ConflictingVersion}), " +
                $"a change this attempt cannot be committed over; another attempt of the same run key may be running. This attempt committed nothing there. {conflict.Message}",
                conflict);
        }
    }
}
