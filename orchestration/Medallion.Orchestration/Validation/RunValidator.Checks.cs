using System.Globalization;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Jobs.Engine;
using Medallion.Orchestration.Promotion;

namespace Medallion.Orchestration.Validation;

/// <summary>The checks of the gate, one method each, in the order <c>_validation.json</c> lists them.</summary>
public sealed partial class RunValidator
{
    private const string OptedOut = "the table opts out of the gate thresholds (validation: none)";

    private static async Task<ValidationCheck> SuccessMarkerAsync(LakeTable table, string runKey, CancellationToken cancellationToken)
    {
        var present = await table.Store.ExistsAsync(table.Layout.RunSuccess(runKey), cancellationToken);
        return ValidationCheck.Of("success_marker", present, "present", present ? "present" : "missing",
            present ? "the run completed" : $"{table.Store.Describe(table.Layout.RunSuccess(runKey))} is missing: the run did not complete");
    }

    private static ValidationCheck CountsReconcile(LayerResult? silver, DeltaSnapshot? staged)
    {
        const string Name = "counts_reconcile";
        const string Rule = "read = silver + quarantined + duplicates + filtered, and the staged files hold the silver rows";
        if (silver is null || staged is null)
        {
            return ValidationCheck.Of(Name, false, Rule, null, "the run has no silver counts or no staged silver table");
        }

        var inFiles = staged.Files.Sum(f => f.Stats?.NumRecords ?? 0);
        var measured = $"{silver.RowsRead} = {silver.RowsWritten} + {silver.Quarantined} + {silver.DuplicatesRemoved} + {silver.Filtered}; files hold {inFiles}";
        var passed = silver.Reconciles && inFiles == silver.RowsWritten;
        return ValidationCheck.Of(Name, passed, Rule, measured, passed
            ? "every row read is accounted for"
            : $"the counts do not add up: {measured}");
    }

    private static ValidationCheck SchemaVersion(LakeTable table, DeltaSnapshot? staged)
    {
        var declared = DeclaredSchema(table);
        var threshold = $"the declared schema of {table.Table.SchemaVersion} ({declared.Fields.Count} columns), partitioned by [{string.Join(", ", table.Table.PartitionBy)}]";
        if (staged is null)
        {
            return ValidationCheck.Of("schema_version", false, threshold, null, "there is no staged silver table");
        }

        var differences = declared.Fields.Select(f => (Name: f.Name, Declared: (string?)f.Type.Name, Staged: staged.Metadata.Schema.Find(f.Name)?.Type.Name))
            .Concat(staged.Metadata.Schema.Fields.Where(f => declared.Find(f.Name) is null).Select(f => (Name: f.Name, Declared: (string?)null, Staged: (string?)f.Type.Name)))
            .Where(d => d.Declared != d.Staged)
            .Select(d => $"column `{d.Name}` is {d.Staged ?? "missing"} in the staged table but {d.Declared ?? "absent"} in the declared schema")
            .ToList();
        if (!staged.Metadata.PartitionColumns.SequenceEqual(table.Table.PartitionBy, StringComparer.Ordinal))
        {
            differences.Add($"the staged table is partitioned by [{string.Join(", ", staged.Metadata.PartitionColumns)}]");
        }

        return ValidationCheck.Of("schema_version", differences.Count == 0, threshold, differences.Count == 0 ? "equal" : "different",
            differences.Count == 0 ? "the staged table has the declared schema" : string.Join("; ", differences));
    }

    private static ValidationCheck QuarantineRatio(LakeTable table, LayerResult? silver)
    {
        var limit = table.Table.Validation.MaxQuarantineRatio;
        if (table.Table.Validation.ThresholdsOff)
        {
            return ValidationCheck.Skipped("max_quarantine_ratio", null, OptedOut);
        }

        if (silver is null)
        {
            return ValidationCheck.Of("max_quarantine_ratio", false, limit, null, "the run has no silver counts");
        }

        var ratio = silver.RowsRead == 0 ? 0 : (double)silver.Quarantined / silver.RowsRead;
        return ValidationCheck.Of("max_quarantine_ratio", ratio <= limit, limit, Math.Round(ratio, 6),
            $"{silver.Quarantined} of {silver.RowsRead} rows quarantined ({P(ratio)}; limit {P(limit)})");
    }

    private static ValidationCheck MinRows(LakeTable table, LayerResult? silver)
    {
        var limit = table.Table.Validation.MinRows;
        if (table.Table.Validation.ThresholdsOff)
        {
            return ValidationCheck.Skipped("min_rows", null, OptedOut);
        }

        var rows = silver?.RowsWritten;
        return ValidationCheck.Of("min_rows", rows >= limit, limit, rows,
            rows is null ? "the run has no silver counts" : $"{rows} silver row(s); at least {limit} required");
    }

    private static ValidationCheck RowChange(LakeTable table, LayerResult? silver, LatestPointer? latest)
    {
        const string Name = "max_row_change_ratio";
        if (table.Table.Validation.MaxRowChangeRatio is not { } limit)
        {
            return ValidationCheck.Skipped(Name, null, "not configured");
        }

        if (latest is null)
        {
            return ValidationCheck.Skipped(Name, limit, "no run is promoted yet, so there is nothing to compare with");
        }

        var baseline = latest.Latest.Counts.SilverRows;
        var rows = silver?.RowsWritten ?? 0;
        double? ratio = baseline == 0 ? (rows == 0 ? 0 : null) : Math.Abs(rows - baseline) / (double)baseline;
        var passed = ratio <= limit;
        return ValidationCheck.Of(Name, passed, limit, ratio is { } r ? Math.Round(r, 6) : null,
            $"{rows} silver row(s) against {baseline} in promoted run {latest.Latest.RunKey} ({(ratio is { } change ? P(change) : "from zero")} change; limit {P(limit)})");
    }

    private static async Task<ValidationCheck> PartitionsPresentAsync(LakeTable table, string runKey, DeltaSnapshot? staged, CancellationToken cancellationToken)
    {
        const string Name = "partitions_present";
        const string Rule = "every partition in the staged log has its data files, at their recorded sizes";
        if (staged is null)
        {
            return ValidationCheck.Of(Name, false, Rule, null, "there is no staged silver table");
        }

        var runPath = table.Layout.SilverRun(runKey);
        var stored = (await table.Store.ListAsync(runPath + "/", cancellationToken)).ToDictionary(o => o.Path, o => o.Size, StringComparer.Ordinal);
        var missing = staged.Files.Where(f => stored.GetValueOrDefault($"{runPath}/{f.Path}", -1) != f.Size).ToList();
        var partitions = staged.Files.Select(f => PartitionPath.Of(f, staged.Metadata.PartitionColumns)).Distinct(StringComparer.Ordinal).Count();
        var measured = $"{partitions} partition(s), {staged.Files.Count - missing.Count} of {staged.Files.Count} file(s)";
        return ValidationCheck.Of(Name, missing.Count == 0, Rule, measured, missing.Count == 0
            ? $"{measured} present"
            : $"missing or truncated: {string.Join(", ", missing.Take(5).Select(f => f.Path))}{(missing.Count > 5 ? ", …" : string.Empty)}");
    }

    private static string P(double ratio) => ratio.ToString("P2", CultureInfo.InvariantCulture);
}
