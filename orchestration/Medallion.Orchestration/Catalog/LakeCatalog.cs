using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Sql;
using Medallion.Orchestration.History;

namespace Medallion.Orchestration.Catalog;

/// <summary>
/// The tables an environment registers in Glue: each configured table's promoted silver table and
/// quarantine table, and the run history. The deploy template's Glue tables and
/// <c>medallion athena ddl</c> are both rendered from this one list, so they cannot drift apart.
/// </summary>
public static class LakeCatalog
{
    /// <summary>The database of the environment (see <see cref="CatalogNames.Database"/>).</summary>
    public static string Database(EnvironmentSpec environment) => CatalogNames.Database(environment);

    /// <summary>The silver and quarantine tables of <paramref name="tables"/>, then the run history table.</summary>
    /// <exception cref="ArgumentException">The environment's lake is not on S3, where Athena reads.</exception>
    public static IReadOnlyList<CatalogTable> Tables(EnvironmentSpec environment, IEnumerable<(DatasetSpec Dataset, TableSpec Table)> tables)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(tables);
        if (!environment.LakeRoot.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Athena reads tables on S3, but environment `{environment.Name}` has lake root '{environment.LakeRoot}' ({environment.Location}).");
        }

        var root = environment.LakeRoot.TrimEnd('/');
        var database = Database(environment);
        var catalog = new List<CatalogTable>();
        foreach (var (dataset, table) in tables)
        {
            var layout = new LakeLayout(dataset.Name, table.Name, table.SchemaVersion);
            catalog.Add(new CatalogTable(database, CatalogNames.Table(dataset.Name, table.Name), $"{root}/{layout.SilverCurrent}/", CatalogTableKind.Silver, dataset.Name, table.Name));
            catalog.Add(new CatalogTable(database, CatalogNames.QuarantineTable(dataset.Name, table.Name), $"{root}/{layout.Quarantine}/", CatalogTableKind.Quarantine, dataset.Name, table.Name));
        }

        catalog.Add(new CatalogTable(database, RunHistoryTable.CatalogName, $"{root}/{RunHistoryTable.Path}/", CatalogTableKind.RunHistory, null, null));
        return catalog;
    }

    /// <summary>Every table of every configured dataset, then the run history table.</summary>
    public static IReadOnlyList<CatalogTable> Tables(EnvironmentSpec environment, MedallionConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Tables(environment, configuration.Datasets.SelectMany(d => d.Tables.Select(t => (d, t))));
    }
}
