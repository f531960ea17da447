using Medallion.Aws.Emr;
using Medallion.Aws.Tests.StepFunctions;
using Medallion.Aws.Tests.Submit;
using Medallion.Cli;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Aws.Tests.Cli;

[Collection(MotoCollection.Name)]
public sealed class AwsCommandsTests
{
    private readonly MotoServer _moto;

    public AwsCommandsTests(MotoServer moto)
    {
        _moto = moto;
        // The CLI takes credentials from the default chain; every test sets the same moto values.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
    }

    [Fact]
    public async Task DeployRender_ProdEnvironment_WritesTemplateAndStateMachine()
    {
        using var conf = new AwsConf();
        using var output = new TempDirectory();

        var (exitCode, stdout, _) = await RunAsync("deploy", "render", "--env", "prod", "--out", output.Path, "--conf", conf.Directory);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(output.Combine("medallion-prod.template.json")), stdout);
        Assert.True(File.Exists(output.Combine("medallion-prod.asl.json")), stdout);
    }

    [Fact]
    public async Task DeployRender_LocalEnvironment_ExitsTwoNamingTheMissingAwsBlock()
    {
        using var output = new TempDirectory();

        var (exitCode, _, stderr) = await RunAsync("deploy", "render", "--env", "local", "--out", output.Path, "--conf", RepositoryPaths.Conf);

        Assert.Equal(2, exitCode);
        Assert.Contains("environment `local` has no `aws:` block", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_JobHostNotBuildable_ExitsOneNamingMicrosoftSpark()
    {
        using var conf = new AwsConf();
        using var temp = new TempDirectory();

        var (exitCode, _, stderr) = await RunAsync("package", "--env", "prod", "--conf", conf.Directory, "--project", temp.Combine("Medallion.Jobs.Spark.csproj"), "--out", temp.Combine("b.zip"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Microsoft.Spark 2.3.1", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// As far as moto goes: its job runs succeed without running anything, so the embedded engine
    /// stages the run first (`run --engine duckdb --no-promote`, what the bronze and silver jobs leave behind),
    /// then `submit --wait` starts both jobs and validates and promotes that run like `run` would.
    /// </summary>
    [Fact]
    public async Task Submit_WaitAgainstMotoOnLocalLake_ValidatesAndPromotesTheStagedRun()
    {
        using var lake = new TempDirectory("medallion-submit-lake");
        using var scene = await SubmitScene.CreateAsync(_moto, lake.Combine("lake"));
        var staged = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--engine", "duckdb", "--run-key", "k-cli", "--input", RepositoryPaths.Samples, "--no-promote", "--conf", scene.Conf.Directory);
        Assert.True(staged.ExitCode == 0, staged.Error);

        var (exitCode, stdout, stderr) = await RunAsync("submit", "mortgage_transactions", "--env", "prod", "--run-key", "k-cli", "--wait", "--bundle", scene.Bundle, "--conf", scene.Conf.Directory);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("bronze  job run", stdout, StringComparison.Ordinal);
        Assert.Contains("silver  job run", stdout, StringComparison.Ordinal);
        Assert.Contains("validation of run k-cli: mortgage_transactions.transactions — passed", stdout, StringComparison.Ordinal);
        Assert.Contains("promote mortgage_transactions.transactions: run k-cli → current/ version 0", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(lake.Combine("lake", "silver", "mortgage_transactions", "transactions", "_LATEST.json")));
    }

    /// <summary>Issue 14: the ledger's job run id was never written, so nothing said which job runs produced current/.</summary>
    [Fact]
    public async Task Submit_WaitAgainstMoto_RecordsBothJobRunIdsInRunJsonAndLatest()
    {
        using var lake = new TempDirectory("medallion-submit-lake");
        using var scene = await SubmitScene.CreateAsync(_moto, lake.Combine("lake"));
        var staged = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--run-key", "k-trace", "--input", RepositoryPaths.Samples, "--no-promote", "--engine", "duckdb", "--conf", scene.Conf.Directory);
        Assert.True(staged.ExitCode == 0, staged.Error);

        var (exitCode, stdout, stderr) = await RunAsync("submit", "mortgage_transactions", "--env", "prod", "--run-key", "k-trace", "--wait", "--bundle", scene.Bundle, "--conf", scene.Conf.Directory);

        Assert.True(exitCode == 0, stdout + stderr);
        var bronze = System.Text.RegularExpressions.Regex.Match(stdout, @"bronze  job run (\w+)").Groups[1].Value;
        var silver = System.Text.RegularExpressions.Regex.Match(stdout, @"silver  job run (\w+)").Groups[1].Value;
        Assert.NotEqual(bronze, silver);
        var table = lake.Combine("lake", "silver", "mortgage_transactions", "transactions");
        var ledger = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(table, "schema_v=1", "runs", "run_key=k-trace", "_run.json")))!;
        var latest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(table, "_LATEST.json")))!;
        foreach (var recorded in new[] { ledger, latest })
        {
            Assert.Equal(bronze, recorded["emrJobRunIds"]!["bronze"]!.GetValue<string>());
            Assert.Equal(silver, recorded["emrJobRunIds"]!["silver"]!.GetValue<string>());
        }

        Assert.Equal("promoted", ledger["status"]!.GetValue<string>());
        Assert.Equal("k-trace", latest["runKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_WaitAgainstMotoRunNeverStaged_ExitsOneNamingTheMissingLedger()
    {
        using var lake = new TempDirectory("medallion-submit-lake");
        using var scene = await SubmitScene.CreateAsync(_moto, lake.Combine("lake"));

        var (exitCode, _, stderr) = await RunAsync("submit", "mortgage_transactions", "--env", "prod", "--run-key", "k-empty", "--wait", "--bundle", scene.Bundle, "--conf", scene.Conf.Directory);

        Assert.Equal(1, exitCode);
        Assert.Contains("mortgage_transactions.transactions: run 'k-empty' has no ledger", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression (issue 15): `run` on an `engine: spark` environment ran on DuckDB. It now starts the
    /// bronze and silver job runs in EMR Serverless (moto's succeed without running anything, so the
    /// embedded engine stages first what the jobs would leave), then validates and promotes here.
    /// </summary>
    [Fact]
    public async Task Run_SparkEnvironmentAgainstMoto_RunsTheLayersAsEmrJobRunsThenPromotes()
    {
        using var lake = new TempDirectory("medallion-run-spark-lake");
        using var scene = await SubmitScene.CreateAsync(_moto, lake.Combine("lake"));
        var staged = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--engine", "duckdb", "--run-key", "k-run", "--input", RepositoryPaths.Samples, "--no-promote", "--conf", scene.Conf.Directory);
        Assert.True(staged.ExitCode == 0, staged.Error);

        var (exitCode, stdout, stderr) = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--run-key", "k-run", "--bundle", scene.Bundle, "--conf", scene.Conf.Directory);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Equal(["mortgage_transactions-bronze-k-run", "mortgage_transactions-silver-k-run"], await JobRunNamesAsync(scene));
        Assert.True(
            stderr.IndexOf("mortgage_transactions: bronze job run", StringComparison.Ordinal) is >= 0 and var bronze
            && stderr.IndexOf("mortgage_transactions: silver job run", StringComparison.Ordinal) > bronze,
            stderr);
        Assert.Contains("validation of run k-run: mortgage_transactions.transactions — passed", stdout, StringComparison.Ordinal);
        Assert.Contains("promote mortgage_transactions.transactions: run k-run → current/ version 0", stdout, StringComparison.Ordinal);
        using var jar = await scene.S3.GetObjectAsync("acme-artifacts", "medallion/prod/microsoft-spark-3-5_2.12-2.3.1.jar");
        Assert.True(jar.ContentLength > 0);
    }

    [Fact]
    public async Task Run_SparkEnvironmentAgainstMotoRunNeverStaged_ExitsOneAfterBronzeNamingTheMissingLedger()
    {
        using var lake = new TempDirectory("medallion-run-spark-lake");
        using var scene = await SubmitScene.CreateAsync(_moto, lake.Combine("lake"));

        var (exitCode, _, stderr) = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--run-key", "k-none", "--bundle", scene.Bundle, "--conf", scene.Conf.Directory);

        Assert.Equal(1, exitCode);
        Assert.Contains("succeeded, but run 'k-none' has no ledger", stderr, StringComparison.Ordinal);
        Assert.Equal(["mortgage_transactions-bronze-k-none"], await JobRunNamesAsync(scene));
    }

    /// <summary>The EMR jobs read the environment's raw_root; a run that asked for other input must not start them.</summary>
    [Fact]
    public async Task Run_SparkEnvironmentWithInput_ExitsTwoBeforeReachingAws()
    {
        // Nothing listens on the discard port and the bundle is missing: reaching either would fail with exit 1.
        using var conf = new AwsConf(new Uri("http://127.0.0.1:9"));
        using var temp = new TempDirectory();

        var (exitCode, _, stderr) = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--input", RepositoryPaths.Samples, "--bundle", temp.Combine("missing.zip"), "--conf", conf.Directory);

        Assert.Equal(2, exitCode);
        Assert.Contains("--input cannot be used on environment `prod`: it runs on spark", stderr, StringComparison.Ordinal);
    }

    /// <summary>The EMR bronze job chooses its raw objects itself; a run asking for other ones must not start it.</summary>
    [Theory]
    [InlineData("--reprocess")]
    [InlineData("--files", "mortgage_transactions/*.csv")]
    public async Task Run_SparkEnvironmentWithFilesOrReprocess_ExitsTwoBeforeReachingAws(params string[] option)
    {
        // Nothing listens on the discard port and the bundle is missing: reaching either would fail with exit 1.
        using var conf = new AwsConf(new Uri("http://127.0.0.1:9"));
        using var temp = new TempDirectory();

        var (exitCode, _, stderr) = await RunAsync(["run", "mortgage_transactions", "--env", "prod", .. option, "--bundle", temp.Combine("missing.zip"), "--conf", conf.Directory]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--files, --object, --reprocess and backfill cannot be used on environment `prod` yet", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleTrigger_DeployedStateMachine_StartsExecutionNamedByRunKey()
    {
        using var clients = new MotoClients(_moto);
        var arn = await StateMachines.CreateAsync(clients, "medallion-prod");
        using var conf = new AwsConf(_moto.Endpoint);

        var (exitCode, stdout, stderr) = await RunAsync("schedule", "trigger", "mortgage_transactions", "--env", "prod", "--conf", conf.Directory);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"started on {arn}", stdout, StringComparison.Ordinal);
        Assert.Matches(@"run key 20261123T093000Z-[a-z2-7]{6}: mortgage_transactions", stdout);
        Assert.Contains("execution arn:aws:states:us-east-1:123456789012:execution:medallion-prod:20261123T093000Z-", stdout, StringComparison.Ordinal);
    }

    /// <summary>The names of the job runs started in the scene's EMR Serverless application, in name order.</summary>
    private static async Task<IReadOnlyList<string>> JobRunNamesAsync(SubmitScene scene)
    {
        var transport = scene.Clients.Sut.Transport(EmrServerlessClient.EndpointPrefix, EmrServerlessClient.SigningName);
        var answer = await transport.SendAsync(HttpMethod.Get, $"applications/{scene.ApplicationId}/jobruns", null, "application/json");
        return [.. answer.GetProperty("jobRuns").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MedallionCli.RunAsync(args, output, error, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)));
        return (exitCode, output.ToString(), error.ToString());
    }
}
