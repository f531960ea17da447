using Medallion.Jobs.Config;
using Medallion.Testing;

namespace Medallion.Aws.Tests;

/// <summary>
/// The repository's conf copied to a temp folder with an AWS environment <c>prod</c> added, and
/// a <c>schedule:</c> and <c>trigger: s3</c> on mortgage_transactions and <c>trigger: s3</c> on
/// wordpress_api, so deploy and submit have something to work on.
/// A local <c>lakeRoot</c> lets the embedded engine stage a run there that the real finisher then
/// validates and promotes.
/// </summary>
internal sealed class AwsConf : IDisposable
{
    private readonly TempDirectory _directory = new("medallion-aws");

    /// <param name="awsSettings">More lines of the <c>aws:</c> block (e.g. <c>kms_key_arn</c>, <c>pipeline</c>), each indented by six spaces.</param>
    public AwsConf(Uri? endpoint = null, string? applicationId = "00f1abcdexample", string lakeRoot = "s3://acme-lake/medallion", string awsSettings = "")
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(RepositoryPaths.Conf, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(RepositoryPaths.Conf, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var mortgage = Path.Combine(Directory, "datasets", "mortgage_transactions.yaml");
        File.WriteAllLines(mortgage, File.ReadAllLines(mortgage).SelectMany(line =>
            line.StartsWith("dataset:", StringComparison.Ordinal) ? [line, "schedule: cron(0 3 * * ? *)", "trigger: s3"] : new[] { line }));
        var wordpress = Path.Combine(Directory, "datasets", "wordpress_api.yaml");
        File.WriteAllLines(wordpress, File.ReadAllLines(wordpress).SelectMany(line =>
            line.StartsWith("dataset:", StringComparison.Ordinal) ? [line, "trigger: s3"] : new[] { line }));
        File.AppendAllText(Path.Combine(Directory, "medallion.yaml"), $"""
              prod:
                lake_root: {lakeRoot}
                raw_root: s3://acme-raw/exports
                engine: spark
                aws:
                  region: us-east-1
            {(endpoint is null ? "" : $"      endpoint_url: {endpoint}\n")}      artifacts_prefix: s3://acme-artifacts/medallion/prod
                  emr_application_id: {applicationId}
                  job_role_arn: arn:aws:iam::123456789012:role/medallion-job
                  release_label: emr-7.2.0
                  log_uri: s3://acme-logs/medallion/
            {awsSettings}{(lakeRoot.StartsWith("s3://", StringComparison.Ordinal) ? "" : $"    duckdb: {{ temp_directory: {lakeRoot}-tmp }}\n")}
            """);
    }

    public string Directory => _directory.Path;

    public MedallionConfiguration Load() => ConfigLoader.Load(Directory);

    public void Dispose() => _directory.Dispose();
}
