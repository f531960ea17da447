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
    /// stages the run first (`run --no-promote`, what the bronze and silver jobs leave behind),
    /// then `submit --wait` starts both jobs and validates and promotes that run like `run` would.
    /// </summary>
    [Fact]
    public async Task Submit_WaitAgainstMotoOnLocalLake_ValidatesAndPromotesTheStagedRun()
    {
        using var lake = new TempDirectory("medallion-submit-lake");
        using var scene = await SubmitScene.CreateAsync(_moto, lake.Combine("lake"));
        var staged = await RunAsync("run", "mortgage_transactions", "--env", "prod", "--run-key", "k-cli", "--input", RepositoryPaths.Samples, "--no-promote", "--conf", scene.Conf.Directory);
        Assert.True(staged.ExitCode == 0, staged.Error);

        var (exitCode, stdout, stderr) = await RunAsync("submit", "mortgage_transactions", "--env", "prod", "--run-key", "k-cli", "--wait", "--bundle", scene.Bundle, "--conf", scene.Conf.Directory);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("bronze  job run", stdout, StringComparison.Ordinal);
        Assert.Contains("silver  job run", stdout, StringComparison.Ordinal);
        Assert.Contains("validation of run k-cli: mortgage_transactions.transactions — passed", stdout, StringComparison.Ordinal);
        Assert.Contains("promote mortgage_transactions.transactions: run k-cli → current/ version 0", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(lake.Combine("lake", "silver", "mortgage_transactions", "transactions", "_LATEST.json")));
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

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MedallionCli.RunAsync(args, output, error, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)));
        return (exitCode, output.ToString(), error.ToString());
    }
}
