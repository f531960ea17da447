namespace Medallion.Jobs.Config;

/// <summary>What a run does when the configured schema of a table differs from the schema its tables were written with.</summary>
public enum SchemaEvolutionMode
{
    /// <summary>Any difference fails the run (the default): start a new <c>schema_version</c>.</summary>
    Fail,

    /// <summary>
    /// Nullable columns added to the configuration are added to the bronze, quarantine, silver and
    /// <c>current/</c> tables by a Delta metadata update; older rows read them as null. Removing or
    /// retyping a column still needs a new <c>schema_version</c>.
    /// </summary>
    AddColumns,
}
