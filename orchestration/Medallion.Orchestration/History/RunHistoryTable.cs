namespace Medallion.Orchestration.History;

/// <summary>Where the run history lives in a lake and what it is called in Glue.</summary>
public static class RunHistoryTable
{
    /// <summary>The table folder below the lake root.</summary>
    public const string Path = "_medallion/runs";

    /// <summary>
    /// The Glue/Athena name. Dataset tables are named <c>{dataset}__{table}</c>; a name without a
    /// double underscore can never be one of them.
    /// </summary>
    public const string CatalogName = "medallion_runs";
}
