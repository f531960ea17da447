using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Tests.Config;

public sealed class ColumnFlowTests
{
    private static readonly SourceLocation TableAt = new("orders.yaml", 3, 5);

    [Fact]
    public void Trace_EveryTransformKind_TracksColumnsAfterEachStep()
    {
        var sut = ColumnFlow.Trace(Table(
            [Column("id"), Column("amount"), Column("booked_on"), Column("title"), Column("status"), Column("legacy", ColumnType.Long), Column("modified", ColumnType.Timestamp)],
            [
                new DropTransform(["legacy"], At(10)),
                new RenameTransform([new ColumnRename("booked_on", "booked")], At(11)),
                new CastTransform([new ColumnCast("amount", ColumnType.Decimal(18, 2)), new ColumnCast("booked", ColumnType.Date)], At(12)),
                new SplitDateTransform("booked", "booked", [DatePart.Year, DatePart.Month], At(13)),
                new DecodeHtmlTransform(["title"], At(14)),
                new ReplaceTransform(["title"], "--", "-", At(15)),
                new TrimTransform(["title", "status"], At(16)),
                new EmptyToNullTransform(["status"], At(17)),
                new DeriveTransform("amount_cents", ColumnType.Long, "amount * 100", At(18)),
                new DeriveTransform("status", ColumnType.Int, "length(status)", At(19)),
                new FilterTransform("status > 0", At(20)),
                new DeduplicateTransform(["id"], "modified", KeepLatest: true, At(21)),
            ]));

        Assert.Empty(sut.Errors);
        Assert.Equal("id string, amount string, booked_on string, title string, status string, legacy long, modified timestamp", Render(sut.Bronze));
        Assert.Equal(12, sut.AfterTransform.Count);
        Assert.Equal("id string, amount string, booked_on string, title string, status string, modified timestamp", Render(sut.AfterTransform[0]));
        Assert.Equal("id string, amount string, booked string, title string, status string, modified timestamp", Render(sut.AfterTransform[1]));
        Assert.Equal("id string, amount decimal(18,2), booked date, title string, status string, modified timestamp", Render(sut.AfterTransform[2]));
        var split = "id string, amount decimal(18,2), booked date, title string, status string, modified timestamp, booked_year int, booked_month int";
        Assert.Equal(split, Render(sut.AfterTransform[3]));
        Assert.All(sut.AfterTransform.Skip(4).Take(4), step => Assert.Equal(split, Render(step)));
        Assert.Equal(split + ", amount_cents long", Render(sut.AfterTransform[8]));
        var silver = "id string, amount decimal(18,2), booked date, title string, status int, modified timestamp, booked_year int, booked_month int, amount_cents long";
        Assert.Equal(silver, Render(sut.AfterTransform[9]));
        Assert.Equal(silver, Render(sut.AfterTransform[10]));
        Assert.Equal(silver, Render(sut.Silver));
    }

    [Fact]
    public void Trace_TransformNamesMissingColumn_NamesKindColumnAndColumnsAtThatStep()
    {
        var sut = ColumnFlow.Trace(Table(
            [Column("id"), Column("title")],
            [new DropTransform(["title"], At(10)), new TrimTransform(["title"], At(11))]));

        ErrorAssert.Single(sut.Errors, 11, 9, "trim: column `title` does not exist at this step; columns are: id");
    }

    [Fact]
    public void Trace_RenameOntoExistingColumn_IsRejected()
    {
        var sut = ColumnFlow.Trace(Table(
            [Column("id"), Column("ID2"), Column("name")],
            [new RenameTransform([new ColumnRename("name", "id2")], At(10))]));

        ErrorAssert.Single(sut.Errors, 10, 9, "rename: column `id2` cannot be created because `ID2` already exists; columns are: id, ID2, name");
    }

    [Fact]
    public void Trace_SplitDateOnString_NeedsDateOrTimestamp()
    {
        var sut = ColumnFlow.Trace(Table([Column("id"), Column("day")], [new SplitDateTransform("day", "day", [DatePart.Year], At(10))]));

        ErrorAssert.Single(sut.Errors, 10, 9, "split_date: column `day` is string but split_date needs date or timestamp; cast it first");
        Assert.Equal("id string, day string", Render(sut.Silver));
    }

    [Fact]
    public void Trace_TrimOnNumber_NeedsString()
    {
        var sut = ColumnFlow.Trace(Table([Column("id", ColumnType.Long), Column("name")], [new TrimTransform(["id", "name"], At(10))]));

        ErrorAssert.Single(sut.Errors, 10, 9, "trim: column `id` is long but trim needs string");
    }

    [Fact]
    public void Trace_DeduplicateOrderByMissing_IsReported()
    {
        var sut = ColumnFlow.Trace(Table([Column("id")], [new DeduplicateTransform(["id"], "modified", true, At(10))]));

        ErrorAssert.Single(sut.Errors, 10, 9, "deduplicate: column `modified` does not exist at this step; columns are: id");
    }

    [Fact]
    public void Trace_PartitionNotProduced_ListsSilverColumns()
    {
        var table = Table([Column("id"), Column("day", ColumnType.Date)], []) with
        {
            PartitionBy = ["day_year"],
            PartitionByLocations = [new SourceLocation("orders.yaml", 8, 20)],
        };

        var sut = ColumnFlow.Trace(table);

        ErrorAssert.Single(sut.Errors, 8, 20, "partition column `day_year` is not produced by the transforms; silver columns are: id, day");
    }

    [Fact]
    public void Trace_PartitionByEverySilverColumn_IsRejected()
    {
        var sut = ColumnFlow.Trace(Table([Column("id"), Column("day", ColumnType.Date)], []) with { PartitionBy = ["day", "id"] });

        ErrorAssert.Single(sut.Errors, 3, 5, "partition_by lists every silver column (id, day)");
    }

    [Fact]
    public void Trace_RuleAndPrimaryKeyOnDroppedColumn_AreReported()
    {
        var table = Table([Column("id"), Column("legacy")], [new DropTransform(["legacy"], At(10))]) with
        {
            PrimaryKey = ["legacy"],
            Rules = [new NotNullRule("legacy", "not_null_legacy", RuleSeverity.Quarantine, null, At(12))],
        };

        var sut = ColumnFlow.Trace(table);

        Assert.Equal(2, sut.Errors.Count);
        ErrorAssert.At(sut.Errors[0], 12, 9, "rule `not_null_legacy` (not_null): column `legacy` is not a silver column; silver columns are: id");
        ErrorAssert.At(sut.Errors[1], 3, 5, "primary key column `legacy` is not a silver column; silver columns are: id");
    }

    private static TableSpec Table(IReadOnlyList<ColumnSpec> columns, IReadOnlyList<TransformSpec> transforms) => new(
        "t", "v1", new SourceSpec("a.json", SourceFormat.Json, CsvOptions.Default, TableAt), columns, [], transforms, [], [],
        ValidationSpec.Default, PromotionMode.ReplacePartitions, TableAt);

    private static ColumnSpec Column(string name, ColumnType? type = null) => new(name, type ?? ColumnType.String, name, TableAt);

    private static SourceLocation At(int line) => new("orders.yaml", line, 9);

    private static string Render(IEnumerable<TypedColumn> columns) => string.Join(", ", columns);
}
