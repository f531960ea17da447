using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void Load_SeveralFilesWithErrors_ReportsEveryErrorAtOnce()
    {
        _files.WriteSettings("""
            environments:
              local: { lake_root: ./lake, raw_root: ./samples, engine: duck }
            """);
        _files.WriteDataset("alpha", """
            dataset: alpha
            tables:
              - name: t
                source: { path: a.csv, format: csv, csv: { header: maybe } }
                columns: [{ name: id, type: text }]
                rules:
                  - not_null: { column: id }
                    severity: loud
            """);
        _files.WriteDataset("beta", """
            dataset: beta
            tables:
              - name: t
                source: { path: b.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - trim: [name]
                partition_by: [id]
                promotion: merge
            """);

        var sut = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf));

        (string File, int Line, int Column, string Fragment)[] expected =
        [
            ("medallion.yaml", 2, 60, "`engine` must be one of duckdb, spark, found `duck`"),
            ("alpha.yaml", 4, 56, "`header` must be true or false, found `maybe`"),
            ("alpha.yaml", 5, 33, "column `id` has unknown type `text`"),
            ("alpha.yaml", 8, 19, "`severity` must be one of warn, quarantine, fail, found `loud`"),
            ("beta.yaml", 7, 9, "trim: column `name` does not exist at this step; columns are: id"),
            ("beta.yaml", 8, 20, "partition_by lists every silver column (id)"),
            ("beta.yaml", 9, 16, "`promotion: merge` upserts rows by the table's key, but table `t` declares no `primary_key`"),
        ];
        Assert.Equal(expected.Select(e => (e.File, e.Line, e.Column)), sut.Errors.Select(e => (Path.GetFileName(e.Location.File), e.Location.Line, e.Location.Column)));
        Assert.All(expected.Zip(sut.Errors), pair => Assert.Contains(pair.First.Fragment, pair.Second.Message, StringComparison.Ordinal));
        Assert.Equal(8, sut.Message.Split('\n').Length);
        Assert.Contains($"{Path.Combine(_files.Conf, "datasets", "beta.yaml")}:7:9: trim: column `name` does not exist", sut.Message, StringComparison.Ordinal);
    }

}
