namespace Medallion.Orchestration.Catalog;

/// <summary>What a registered table holds.</summary>
public enum CatalogTableKind
{
    /// <summary>A table's promoted silver table (<c>current/</c>).</summary>
    Silver,

    /// <summary>A table's quarantine table.</summary>
    Quarantine,

    /// <summary>The environment's run history table (<c>_medallion/runs/</c>).</summary>
    RunHistory,
}
