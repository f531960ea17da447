using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Jobs.Engine;
using Medallion.Orchestration;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion run --json</c>: the whole run as one JSON object on standard output, for schedulers
/// and scripts. Counts are those of the text summary; each table carries its validation and promotion.
/// </summary>
/// <remarks>
/// <code>
/// { "runKey", "dataset", "succeeded", "tables": [ { "table", "succeeded", "error", "inputFiles",
///   "ingestion": { "mode": incremental|full|reprocess|files, "nothingNew", "since" } | null,
///   "bronze": { "rowsRead", "rowsWritten", "quarantined", "malformed", "deltaVersion", "tablePath", "seconds" },
///   "silver": { … as bronze, "duplicatesRemoved", "filtered", "quarantinePath", "quarantineRules": { rule: rows }, "warnRules": { rule: rows } },
///   "validation": { "passed", "checks": [ … as in _validation.json ] } | null,
///   "promotion": { "currentVersion", "alreadyPromoted", "filesCopied", "rowsLive" } | null } ] }
/// </code>
/// </remarks>
internal static class RunSummaryJson
{
    public static string Write(string dataset, IReadOnlyList<TableRunOutcome> outcomes, IReadOnlyList<GateOutcome> gate, RunRules rules, bool succeeded) =>
        new JsonObject
        {
            ["runKey"] = outcomes.Count > 0 ? outcomes[0].RunKey : null,
            ["dataset"] = dataset,
            ["succeeded"] = succeeded,
            ["tables"] = new JsonArray([.. outcomes.Select(outcome => (JsonNode)Table(outcome, gate.FirstOrDefault(g => g.Table.Table.Name == outcome.Table), rules))]),
        }.ToJsonString(LakeJson.Options);

    private static JsonObject Table(TableRunOutcome outcome, GateOutcome? gate, RunRules rules) => new()
    {
        ["table"] = outcome.Table,
        ["succeeded"] = outcome.Succeeded && gate?.Passed != false,
        ["error"] = outcome.Error,
        ["inputFiles"] = new JsonArray([.. outcome.InputFiles.Select(f => (JsonNode)f)]),
        ["ingestion"] = outcome.Ingestion is { } ingestion ? new JsonObject
        {
            ["mode"] = ingestion.Mode,
            ["nothingNew"] = ingestion.NothingNew,
            ["since"] = ingestion.Since,
        } : null,
        ["bronze"] = outcome.Bronze is { } bronze ? Layer(bronze) : null,
        ["silver"] = outcome.Silver is { } silver ? Silver(outcome.Table, silver, rules) : null,
        ["validation"] = gate is null ? null : new JsonObject
        {
            ["passed"] = gate.Report.Passed,
            ["checks"] = JsonSerializer.SerializeToNode(gate.Report.Checks, LakeJson.Options),
        },
        ["promotion"] = gate?.Promotion is { } promotion ? new JsonObject
        {
            ["currentVersion"] = promotion.Record.CurrentVersion,
            ["alreadyPromoted"] = promotion.AlreadyPromoted,
            ["filesCopied"] = promotion.FilesCopied,
            ["rowsLive"] = promotion.Record.Counts.CurrentRows,
            ["merge"] = promotion.Record.Counts.Merge is { } merge ? JsonSerializer.SerializeToNode(merge, LakeJson.Options) : null,
        } : null,
    };

    private static JsonObject Layer(LayerResult layer) => new()
    {
        ["rowsRead"] = layer.RowsRead,
        ["rowsWritten"] = layer.RowsWritten,
        ["quarantined"] = layer.Quarantined,
        ["malformed"] = layer.Malformed,
        ["deltaVersion"] = layer.DeltaVersion,
        ["tablePath"] = layer.TablePath,
        ["seconds"] = Math.Round(layer.Elapsed.TotalSeconds, 3),
    };

    private static JsonObject Silver(string table, LayerResult silver, RunRules rules)
    {
        var (quarantine, warn) = rules.Split(table, silver.RuleFailures);
        var layer = Layer(silver);
        layer["duplicatesRemoved"] = silver.DuplicatesRemoved;
        layer["filtered"] = silver.Filtered;
        layer["quarantinePath"] = silver.QuarantinePath;
        layer["quarantineRules"] = new JsonObject(quarantine.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
        layer["warnRules"] = new JsonObject(warn.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
        return layer;
    }
}
