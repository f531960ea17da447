using Medallion.Delta.Schema;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Engine;

/// <summary>Which added columns a table takes in place: its own with add_columns, Medallion's lineage columns always.</summary>
public sealed class SchemaChangesTests : IDisposable
{
    private static readonly DeltaSchema Existing = new([new DeltaField("id", DeltaPrimitiveType.String), new DeltaField("_run_key", DeltaPrimitiveType.String)]);

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("fail", "_warnings", true)]          // an existing current/ gains _warnings on upgrade
    [InlineData("fail", "channel", false)]
    [InlineData("add_columns", "channel", true)]
    [InlineData("add_columns", "_warnings", true)]
    public void MayAddColumns_AddedColumn_DependsOnTheTablesEvolution(string evolution, string added, bool expected)
    {
        var sut = DeltaSchemaDiff.Between(Existing, new DeltaSchema([.. Existing.Fields, new DeltaField(added, DeltaPrimitiveType.String)]));

        Assert.Equal(expected, SchemaChanges.MayAddColumns(Table(evolution), sut));
    }

    [Fact]
    public void MayAddColumns_Retyped_NeverInPlace()
    {
        var sut = DeltaSchemaDiff.Between(Existing, new DeltaSchema([new DeltaField("id", DeltaPrimitiveType.Long), Existing.Fields[1]]));

        Assert.False(SchemaChanges.MayAddColumns(Table("add_columns"), sut));
        Assert.Equal("retyped `id` from `string` to `long`", sut.Describe());
    }

    private TableSpec Table(string evolution) => ConfigLoader.LoadDataset(_lake.WriteDataset("orders", $$"""
        dataset: orders
        tables:
          - name: orders
            schema_evolution: {{evolution}}
            source: { path: orders/*.csv, format: csv }
            columns:
              - { name: id, type: string }
        """)).Tables[0];
}
