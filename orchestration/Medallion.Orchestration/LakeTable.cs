using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;

namespace Medallion.Orchestration;

/// <summary>One configured table of a dataset, in the lake whose store it is read and written through.</summary>
public sealed record LakeTable(IObjectStore Store, DatasetSpec Dataset, TableSpec Table)
{
    public LakeLayout Layout { get; } = new(Dataset.Name, Table.Name, Table.SchemaVersion);

    /// <summary>The environment the table was opened in, when known: promotion reads its automatic maintenance and DuckDB settings.</summary>
    public EnvironmentSpec? Environment { get; init; }

    /// <summary><c>dataset.table</c>, for messages.</summary>
    public string Name => $"{Dataset.Name}.{Table.Name}";
}
