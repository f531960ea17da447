using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

/// <summary>
/// Issue 12, item 4: when an environment runs on Spark, a SQL fragment may use only the functions
/// both engines have (<c>PortableFunctions</c>); anything else is reported at load, at the call.
/// </summary>
public sealed partial class ConfigLoaderTests
{
    private const string SparkAndLocalSettings = """
        environments:
          local: { lake_root: ./lake, raw_root: ./raw }
          prod: { lake_root: s3://lake/medallion, raw_root: s3://raw/landing, engine: spark, aws: { region: eu-west-1 } }
        """;

    private const string DuckDbOnlyFragments = """
        dataset: orders
        tables:
          - name: t
            source: { path: a.json, format: json }
            columns: [{ name: raw_day, type: string }, { name: tags, type: string }, { name: note, type: string }]
            transforms:
              - derive: { column: day, type: date, expression: "strptime(raw_day, '%d/%m/%Y')" }
              - filter: "upper(note) LIKE 'A%' AND list_contains(string_split(tags, ','), 'x')"
            rules:
              - expression: { sql: "trim(note, 'x') <> '' AND string_split(tags, ',')[1] <> ''" }
        """;

    [Fact]
    public void Load_SparkEnvironment_ReportsEveryFunctionSparkLacksAtItsCall()
    {
        _files.WriteSettings(SparkAndLocalSettings);
        _files.WriteDataset("orders", DuckDbOnlyFragments);

        var sut = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf));

        Assert.Collection(
            sut.Errors,
            e => ErrorAssert.At(e, 7, 57, "`expression` of `derive`: `strptime` is not on the list of functions DuckDB and Spark both have", "engine: spark"),
            e => ErrorAssert.At(e, 8, 44, "`filter`: `list_contains` is not on the list"),
            e => ErrorAssert.At(e, 8, 58, "`filter`: `string_split` is not on the list"),
            e => ErrorAssert.At(e, 10, 29, "`sql` of `expression`: `trim` with 2 argument(s) does not mean the same in DuckDB and Spark", "opposite order"),
            e => ErrorAssert.At(e, 10, 28, "`[ ]` counts from 1 in DuckDB and from 0 in Spark"),
            e => ErrorAssert.At(e, 10, 55, "`string_split` is not on the list"));
    }

    [Fact]
    public void Load_OnlyDuckDbEnvironments_AcceptsDuckDbFunctions()
    {
        _files.WriteSettings(LocalSettings);
        _files.WriteDataset("orders", DuckDbOnlyFragments);

        var sut = ConfigLoader.Load(_files.Conf);

        Assert.Equal(2, sut.Datasets[0].Tables[0].Transforms.Count);
    }

    [Fact]
    public void Load_SparkEnvironment_AcceptsPortableFunctionsAndOperators()
    {
        _files.WriteSettings(SparkAndLocalSettings);
        _files.WriteDataset("orders", """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: note, type: string }, { name: day, type: date }]
                transforms:
                  - derive: { column: label, type: string, expression: "coalesce(upper(trim(note)), '') || '-' || lpad(TRY_CAST(gross % 7 AS STRING), 3, '0')" }
                  - filter: "note NOT LIKE '%x' AND year(day) BETWEEN 2000 AND 2100 AND day IS NOT NULL"
            """);

        var sut = ConfigLoader.Load(_files.Conf);

        Assert.Equal(2, sut.Datasets[0].Tables[0].Transforms.Count);
    }
}
