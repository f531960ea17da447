using Medallion.Delta.Schema;

namespace Medallion.Orchestration.History;

/// <summary>
/// The run history: a Delta table at <c>{lake_root}/_medallion/runs/</c> with one row per table
/// run, partitioned by dataset, registered in Glue as <see cref="CatalogName"/>. Analysts query it
/// next to the data; <c>medallion runs --history</c> and <c>medallion quality</c> read it.
/// </summary>
public static class RunHistoryTable
{
    /// <summary>The table folder below the lake root.</summary>
    public const string Path = "_medallion/runs";

    /// <summary>
    /// The Glue/Athena name. Dataset tables are named <c>{dataset}__{table}</c>; a name without a
    /// double underscore can never be one of them.
    /// </summary>
    public const string CatalogName = "medallion_runs";

    /// <summary>One folder per dataset: a dataset's history is read without the others' files.</summary>
    public static IReadOnlyList<string> PartitionColumns { get; } = ["dataset"];

    /// <summary>The columns, in file order (the partition column last, as Delta readers show it).</summary>
    /// <remarks>Columns may be added later (nullable, at the end); none is ever renamed or retyped.</remarks>
    public static DeltaSchema Schema { get; } = new(
    [
        Text("table"), Text("run_key"), Text("engine"), Text("environment"), Text("schema_version"),
        Text("status"), Text("error"),
        Time("started_at"), Time("finished_at"), Time("recorded_at"),
        Seconds("bronze_seconds"), Seconds("silver_seconds"),
        Count("input_files"), Count("bronze_rows_read"), Count("rows_read"), Count("silver_rows"), Count("quarantined"),
        Count("duplicates_removed"), Count("filtered"), Count("malformed"),
        new DeltaField("rule_failures", new DeltaMapType(DeltaPrimitiveType.String, DeltaPrimitiveType.Long)),
        new DeltaField("validation_passed", DeltaPrimitiveType.Boolean),
        new DeltaField("validation_checks", new DeltaMapType(DeltaPrimitiveType.String, DeltaPrimitiveType.String)),
        Count("promoted_version"),
        Text("execution_arn"), Text("state_machine"),
        new DeltaField("emr_job_run_ids", new DeltaMapType(DeltaPrimitiveType.String, DeltaPrimitiveType.String)),
        Text("dataset"),
    ]);

    private static DeltaField Text(string name) => new(name, DeltaPrimitiveType.String);

    private static DeltaField Time(string name) => new(name, DeltaPrimitiveType.Timestamp);

    private static DeltaField Seconds(string name) => new(name, DeltaPrimitiveType.Double);

    private static DeltaField Count(string name) => new(name, DeltaPrimitiveType.Long);
}
