using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    private const string Settings = """
        default_environment: prod
        environments:
          local:
            lake_root: ./lake
            raw_root: ./samples
          prod:
            lake_root: s3://acme-lake/medallion
            raw_root: s3://acme-raw/landing
            engine: spark
            duckdb: { memory_limit: 512MB, threads: 2 }
            aws:
              region: eu-west-1
              endpoint_url: http://127.0.0.1:5000
              artifacts_prefix: s3://acme-artifacts/medallion
              emr_application_id: 00f1abcdexample
              job_role_arn: arn:aws:iam::123456789012:role/medallion-job
              release_label: emr-7.2.0
              log_uri: s3://acme-logs/medallion/
        """;

    [Fact]
    public void LoadSettings_LocalWithoutOptions_AppliesDefaults()
    {
        var path = _files.WriteSettings("""
            environments:
              local: { lake_root: ./lake, raw_root: ./samples }
            """);

        var sut = ConfigLoader.LoadSettings(path);

        // Relative roots resolve against the project root: the conf folder's parent.
        var project = Path.GetDirectoryName(_files.Conf)!;
        Assert.Equal("local", sut.DefaultEnvironment);
        Assert.Equal(
            new EnvironmentSpec(
                "local", Path.Combine(project, "lake"), Path.Combine(project, "samples"), EngineKind.DuckDb,
                DuckDbSpec.Default with { TempDirectory = Path.Combine(project, ".medallion", "tmp") }, null, new SourceLocation(path, 2, 10)),
            sut.Environments["local"]);
        Assert.Equal(new DuckDbSpec("2GB", Path.Combine(project, ".medallion", "tmp"), null), sut.Environments["local"].DuckDb);
    }

    [Fact]
    public void LoadSettings_AwsEnvironment_ReadsEveryAwsKey()
    {
        var path = _files.WriteSettings(Settings);

        var sut = ConfigLoader.LoadSettings(path);

        Assert.Equal("prod", sut.DefaultEnvironment);
        Assert.Equal(["local", "prod"], sut.Environments.Keys.Order());
        var prod = sut.Environments["prod"];
        Assert.Equal(("s3://acme-lake/medallion", "s3://acme-raw/landing", EngineKind.Spark), (prod.LakeRoot, prod.RawRoot, prod.Engine));
        Assert.Equal(new DuckDbSpec("512MB", Path.Combine(Path.GetDirectoryName(_files.Conf)!, ".medallion", "tmp"), 2), prod.DuckDb);
        Assert.Equal(
            new AwsSpec(
                "eu-west-1",
                "http://127.0.0.1:5000",
                "s3://acme-artifacts/medallion",
                "00f1abcdexample",
                "arn:aws:iam::123456789012:role/medallion-job",
                "emr-7.2.0",
                "s3://acme-logs/medallion/"),
            prod.Aws);
        Assert.Null(sut.Environments["local"].Aws);
    }

    [Fact]
    public void Load_ConfFolder_ReadsSettingsAndDatasetsInFileNameOrder()
    {
        _files.WriteSettings(Settings);
        _files.WriteDataset("zeta", "dataset: zeta\ntables: [{ name: t, source: { path: z.json, format: json }, columns: [{ name: id, type: long }] }]\n");
        _files.WriteDataset("alpha", "dataset: alpha\ntables: [{ name: t, source: { path: a.json, format: json }, columns: [{ name: id, type: long }] }]\n");

        var sut = ConfigLoader.Load(_files.Conf);

        Assert.Equal("prod", sut.Settings.DefaultEnvironment);
        Assert.Equal(["alpha", "zeta"], sut.Datasets.Select(d => d.Name));
        Assert.Equal("z.json", sut.FindDataset("zeta")?.Tables[0].Source.Path);
        Assert.Null(sut.FindDataset("missing"));
    }

    [Fact]
    public void Load_MissingConfFolder_ThrowsWithPath()
    {
        var missing = Path.Combine(_files.Conf, "nowhere");

        var error = Assert.Single(Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(missing)).Errors);

        Assert.Equal(missing, error.Location.File);
        Assert.Contains("the conf folder does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSettingsFile_ThrowsWithPath()
    {
        _files.WriteDataset("alpha", "dataset: alpha\ntables: [{ name: t, source: { path: a.json, format: json }, columns: [{ name: id, type: long }] }]\n");

        var error = Assert.Single(Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf)).Errors);

        Assert.Equal(Path.Combine(_files.Conf, "medallion.yaml"), error.Location.File);
        Assert.Contains("medallion.yaml is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSettings_BadValues_ReportsEachAtItsPosition()
    {
        var errors = _files.SettingsErrors("""
            default_environment: staging
            environments:
              Local:
                lake_root: ./lake
                engine: presto
                duckdb: { memory_limit: lots, threads: 0 }
                aws: { endpoint_url: http://x }
            """);

        Assert.Equal(7, errors.Count);
        ErrorAssert.At(errors[0], 3, 3, "environment name `Local` is invalid", "^[a-z][a-z0-9_-]{0,31}$");
        ErrorAssert.At(errors[1], 4, 5, "missing required key `raw_root` in environment `Local`");
        ErrorAssert.At(errors[2], 5, 13, "`engine` must be one of duckdb, spark, found `presto`");
        ErrorAssert.At(errors[3], 6, 29, "`memory_limit` must be a DuckDB size such as 512MB or 2GB, found `lots`");
        ErrorAssert.At(errors[4], 6, 44, "`threads` must be a whole number between 1 and 2147483647, found `0`");
        ErrorAssert.At(errors[5], 7, 10, "missing required key `region` in `aws` of environment `Local`");
        ErrorAssert.At(errors[6], 1, 22, "default_environment `staging` is not defined; environments are: Local");
    }
}
