using Medallion.Jobs.Init;

namespace Medallion.Cli.Tests.Init;

/// <summary>Source field names become column names the loader accepts, unique ignoring case.</summary>
public sealed class ColumnNamesTests
{
    [Theory]
    [InlineData("Customer ID", "customer_id")]
    [InlineData("title.rendered", "title_rendered")]
    [InlineData("orderDate", "order_date")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("_private", "private")]
    [InlineData("2024 total", "c_2024_total")]
    [InlineData("€", "column_1")]
    public void For_OneField_IsAValidColumnName(string field, string expected) =>
        Assert.Equal([expected], ColumnNames.For([field]));

    [Fact]
    public void For_NamesThatCollideIgnoringCase_GetSuffixes() =>
        Assert.Equal(["id", "id_2", "a_b", "a_b_2"], ColumnNames.For(["id", "ID", "a.b", "a b"]));
}
