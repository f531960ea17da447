using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

public sealed class AthenaCommandTests : IDisposable
{
    private readonly TempDirectory _conf = new("medallion-athena");

    public AthenaCommandTests()
    {
        // The samples' datasets with an S3 environment beside the local one.
        Directory.CreateDirectory(_conf.Combine("datasets"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Conf, "datasets")))
        {
            File.Copy(file, _conf.Combine("datasets", Path.GetFileName(file)));
        }

        File.WriteAllText(_conf.Combine("medallion.yaml"), """
            environments:
              local: { lake_root: ./lake, raw_root: ./samples }
              prod:
                lake_root: s3://acme-lake/medallion/
                raw_root: s3://acme-raw/landing
                engine: spark
                aws: { region: eu-west-1, glue_database: acme_lake }
              staging:
                lake_root: s3://acme-lake-staging/medallion
                raw_root: s3://acme-raw/landing
            """);
    }

    public void Dispose() => _conf.Dispose();

    /// <summary>
    /// Issue 14: Athena refuses a column list beside <c>table_type=DELTA</c>, so the statements carry
    /// only the name, the location and the property, behind a CREATE DATABASE, and may run twice.
    /// </summary>
    [Fact]
    public async Task Ddl_MortgageSample_PrintsDatabaseAndDeltaTablesWithoutColumns()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("athena", "ddl", "mortgage_transactions", "--env", "prod", "--conf", _conf.Path);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal(
            """
            CREATE DATABASE IF NOT EXISTS `acme_lake`;

            CREATE EXTERNAL TABLE IF NOT EXISTS `acme_lake`.`mortgage_transactions__transactions`
            LOCATION 's3://acme-lake/medallion/silver/mortgage_transactions/transactions/schema_v=1/current/'
            TBLPROPERTIES ('table_type'='DELTA');

            CREATE EXTERNAL TABLE IF NOT EXISTS `acme_lake`.`mortgage_transactions__transactions__quarantine`
            LOCATION 's3://acme-lake/medallion/quarantine/mortgage_transactions/transactions/schema_v=1/'
            TBLPROPERTIES ('table_type'='DELTA');

            CREATE EXTERNAL TABLE IF NOT EXISTS `acme_lake`.`medallion_runs`
            LOCATION 's3://acme-lake/medallion/_medallion/runs/'
            TBLPROPERTIES ('table_type'='DELTA');


            """.ReplaceLineEndings("\n"),
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Ddl_WordPressTable_UsesTheDefaultDatabase()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("athena", "ddl", "wordpress_api", "--table", "posts", "--env", "staging", "--conf", _conf.Path);

        Assert.Equal(0, exitCode);
        Assert.Equal(3, output.Split("CREATE EXTERNAL TABLE IF NOT EXISTS").Length - 1);
        Assert.Contains("CREATE DATABASE IF NOT EXISTS `medallion_staging`;", output, StringComparison.Ordinal);
        Assert.Contains(
            "CREATE EXTERNAL TABLE IF NOT EXISTS `medallion_staging`.`wordpress_api__posts`\nLOCATION 's3://acme-lake-staging/medallion/silver/wordpress_api/posts/schema_v=1/current/'\n",
            output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ddl_LocalLake_ExitsTwoSayingAthenaNeedsS3()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("athena", "ddl", "wordpress_api", "--env", "local", "--conf", _conf.Path);

        Assert.Equal(2, exitCode);
        // The relative lake_root is resolved against the conf folder's parent.
        Assert.Contains($"Athena reads tables on S3, but environment `local` has lake root '{Path.Combine(Path.GetDirectoryName(_conf.Path)!, "lake")}'", error, StringComparison.Ordinal);
    }
}
