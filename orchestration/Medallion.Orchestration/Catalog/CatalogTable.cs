namespace Medallion.Orchestration.Catalog;

/// <summary>
/// One Delta table as Glue and Athena register it: a name in the environment's database and the
/// S3 folder of its Delta log. No columns: Athena engine v3 reads a native Delta table's schema
/// and partitions from the log, and refuses a column list beside <c>table_type=DELTA</c>.
/// </summary>
/// <param name="Location">The table folder, <c>s3://bucket/prefix/…/</c>, ending with a slash.</param>
/// <param name="Dataset">The dataset, or null for the run history table.</param>
/// <param name="Table">The configured table, or null for the run history table.</param>
public sealed record CatalogTable(string Database, string Name, string Location, CatalogTableKind Kind, string? Dataset, string? Table)
{
    /// <summary>The Glue table parameter Athena reads a native Delta table by.</summary>
    public const string TableType = "DELTA";

    /// <summary>One line for Glue's description and the DDL's comment.</summary>
    public string Description => Kind switch
    {
        CatalogTableKind.Silver => $"Promoted silver table of {Dataset}.{Table} (current/).",
        CatalogTableKind.Quarantine => $"Rows of {Dataset}.{Table} that broke a rule, with the rules they broke.",
        CatalogTableKind.RunHistory => "One row per table run: counts, broken rules, validation verdicts, promotion, execution and job run ids.",
        _ => throw new InvalidOperationException($"Unknown catalog table kind {Kind}."),
    };
}
