using System.Text.Json.Nodes;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>What every Medallion commit records besides the operation: run key, engine and counts.</summary>
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
}
