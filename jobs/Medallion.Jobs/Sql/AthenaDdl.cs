using Medallion.Delta.Schema;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Athena DDL that registers a table's promoted silver table (<c>current/</c>) and its quarantine
/// table as Delta tables. Athena engine v3 reads the Delta log itself: the columns are listed for
/// readers of the catalogue, and partitions come from the log, not from a PARTITIONED BY clause.
/// Names follow <see cref="CatalogNames"/>, as the deploy template's Glue tables do.
/// </summary>
public static class AthenaDdl
{
    /// <summary>The silver statement, then the quarantine statement.</summary>
    /// <exception cref="ArgumentException">The environment's lake is not on S3, where Athena reads.</exception>
    public static IReadOnlyList<string> Render(TablePlan plan, EnvironmentSpec environment)
    {
        if (!environment.LakeRoot.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Athena reads tables on S3, but environment `{environment.Name}` has lake root '{environment.LakeRoot}' ({environment.Location}).");
        }

        var layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        var root = environment.LakeRoot.TrimEnd('/');
        var database = CatalogNames.Database(environment);
        return
        [
            Create(database, CatalogNames.Table(plan.Dataset.Name, plan.Table.Name), LakeSchemas.Silver(plan), $"{root}/{layout.SilverCurrent}/"),
            Create(database, CatalogNames.QuarantineTable(plan.Dataset.Name, plan.Table.Name), LakeSchemas.Quarantine(plan), $"{root}/{layout.Quarantine}/"),
        ];
    }

    /// <summary>The Athena (Hive DDL) name of a Delta type.</summary>
    public static string TypeName(DeltaType type) => type switch
    {
        DeltaDecimalType d => $"decimal({d.Precision},{d.Scale})",
        DeltaArrayType a => $"array<{TypeName(a.ElementType)}>",
        _ when type == DeltaPrimitiveType.Integer => "int",
        _ when type == DeltaPrimitiveType.Long => "bigint",
        _ when type == DeltaPrimitiveType.String || type == DeltaPrimitiveType.Double || type == DeltaPrimitiveType.Boolean
            || type == DeltaPrimitiveType.Date || type == DeltaPrimitiveType.Timestamp => type.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Medallion tables have no columns of this Delta type."),
    };

    private static string Create(string database, string table, DeltaSchema schema, string location)
    {
        // Hive DDL quotes names with backticks; locations and properties are plain string literals.
        var columns = string.Join(",\n", schema.Fields.Select(f => $"  {Quote(f.Name)} {TypeName(f.Type)}"));
        return $"CREATE EXTERNAL TABLE {Quote(database)}.{Quote(table)} (\n{columns}\n)\n" +
            $"LOCATION '{location.Replace("'", "''", StringComparison.Ordinal)}'\n" +
            "TBLPROPERTIES ('table_type'='DELTA')";
    }

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
