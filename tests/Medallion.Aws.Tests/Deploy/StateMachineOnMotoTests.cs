using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;
using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Outcomes;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>
/// The rendered state machine executed by moto's ASL interpreter, against S3 and SNS on the moto
/// server: what a failure notice says. moto cannot run EMR Serverless tasks, so where a test needs
/// them the job states are replaced — the steps that lead to the notice are the rendered ones.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed partial class StateMachineOnMotoTests
{
    private readonly MotoServer _moto;

    public StateMachineOnMotoTests(MotoServer moto)
    {
        _moto = moto;
        // Staging a run opens an s3:// lake, as the CLI and the job host can once they register the store;
        // without this the tests passed only after another test had registered it.
        ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory());
        // The embedded engine reaches the moto lake through the default credential chain.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
    }

    /// <summary>Issue 14: input without a dataset failed CaptureRunContext with States.Runtime and sent no notice.</summary>
    [Fact]
    public async Task Execute_InputWithoutDataset_FailsWithANoticeNamingTheInputCheck()
    {
        using var conf = new AwsConf();
        _moto.Reset();

        var (status, notice) = await ExecuteAsync(Definition(conf), "k-no-dataset", "{\"datasets\": \"typo\"}");

        Assert.Equal("FAILED", status);
        Assert.Equal(("PrepareInput", "Medallion.InvalidInput", "k-no-dataset"), ((string)notice["failedState"]!, (string)notice["error"]!, (string)notice["runKey"]!));
        Assert.Contains("mortgage_transactions, wordpress_api", (string)notice["cause"]!, StringComparison.Ordinal);
    }

    /// <summary>Issue 14: a rejected validation was notified as an EMR job failure, without the table or the check that failed.</summary>
    [Fact]
    public async Task Execute_ValidationRejected_NoticeNamesTheTableAndEachFailedCheckWithItsMeasuredValue()
    {
        _moto.Reset();
        var bucket = _moto.CreateBucket("acme-lake");
        using var conf = new AwsConf(_moto.Endpoint, lakeRoot: $"s3://{bucket}/medallion");
        var dataset = Path.Combine(conf.Directory, "datasets", "mortgage_transactions.yaml");
        File.WriteAllText(dataset, File.ReadAllText(dataset).Replace("      min_rows: 1\n", "      min_rows: 100000\n", StringComparison.Ordinal));
        await StageRejectedRunAsync(conf, "k-rejected");
        var definition = Definition(conf);
        var states = definition["States"]!.AsObject();
        // EMR stands in: the layers "succeed" with job run ids, the promote job fails as a rejected validation makes it.
        foreach (var (state, id) in new[] { ("Bronze", "00fbronze"), ("Silver", "00fsilver") })
        {
            states[state] = new JsonObject { ["Type"] = "Pass", ["Result"] = new JsonObject { ["JobRunId"] = id }, ["ResultPath"] = states[state]!["ResultPath"]!.DeepClone(), ["Next"] = states[state]!["Next"]!.DeepClone() };
        }

        states["ValidateAndPromote"]!["Resource"] = "arn:aws:states:::aws-sdk:s3:getObject";
        states["ValidateAndPromote"]!["Parameters"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = "the-promote-job-exited-1" };
        states["ValidateAndPromote"]!.AsObject().Remove("ResultSelector");

        JsonNode written;
        using (var s3 = _moto.CreateClient())
        using (var file = await s3.GetObjectAsync(bucket, "medallion/" + StepOutcome.PathOf("mortgage_transactions", "k-rejected", "promote")))
        {
            written = JsonNode.Parse(file.ResponseStream)!;
        }

        var (status, notice) = await ExecuteAsync(definition, "k-rejected", "{\"dataset\": \"mortgage_transactions\"}");

        Assert.Equal("FAILED", status);
        Assert.Equal(("ValidateAndPromote", "mortgage_transactions", "k-rejected"), ((string)notice["failedState"]!, (string)notice["dataset"]!, (string)notice["runKey"]!));
        // The state machine found the outcome file the promote step wrote (a wrong key would be S3's NoSuchKey).
        // moto hands the object's Body back as a stream, not the text AWS returns, so the quote itself
        // cannot be checked here: the file it read is.
        Assert.DoesNotContain("NoSuchKey", notice["outcome"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var table = written["tables"]![0]!;
        Assert.Equal(("transactions", "rejected"), ((string)table["table"]!, (string)table["status"]!));
        var check = Assert.Single(table["failedChecks"]!.AsArray())!;
        Assert.Equal(("min_rows", 100000L, 1440L), ((string)check["name"]!, (long)check["threshold"]!, (long)check["measured"]!));
    }

    private static JsonObject Definition(AwsConf conf)
    {
        var configuration = conf.Load();
        return StateMachineDefinition.Build(configuration, AwsEnvironment.Resolve(configuration, "prod", AwsEnvironment.Setting.ArtifactsPrefix));
    }

    /// <summary>What the bronze and silver jobs and the promote job leave in the lake: a run the gate rejected, and the promote step's outcome file.</summary>
    private static async Task StageRejectedRunAsync(AwsConf conf, string runKey)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        var configuration = conf.Load();
        var outcome = Assert.Single(await new PipelineRunner(configuration, clock, new SilentReporter())
            .RunAsync(new RunRequest("mortgage_transactions", RunKey: runKey, Environment: "prod", Input: RepositoryPaths.Samples, Engine: EngineKind.DuckDb)));
        Assert.True(outcome.Succeeded, outcome.Error);
        var selection = PipelineSelection.Resolve(configuration, "mortgage_transactions", null, "prod");
        Assert.False(await RunGate.ValidateAndPromoteAsync(selection, runKey, TextWriter.Null, clock));
        Assert.Null(await StepOutcomeWriter.TryWriteAsync(RunGate.OpenTables(selection), runKey, "promote"));
    }

    /// <remarks>
    /// moto 5.2.1's interpreter fails every execution after the first with a 500 (it deep-copies the
    /// earlier execution, threads and all), so each run starts from, and leaves, a reset server.
    /// </remarks>
    private async Task<(string Status, JsonNode Notice)> ExecuteAsync(JsonObject definition, string executionName, string input)
    {
        try
        {
            return await ExecuteOnceAsync(definition, executionName, input);
        }
        finally
        {
            _moto.Reset();
        }
    }

    private async Task<(string Status, JsonNode Notice)> ExecuteOnceAsync(JsonObject definition, string executionName, string input)
    {
        var answer = JsonNode.Parse(await Python.RunAsync(Path.Combine("Deploy", "run_state_machine.py"), new JsonObject
        {
            ["endpoint"] = _moto.Endpoint.ToString(),
            ["definition"] = definition.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            ["stateMachine"] = "medallion-prod-" + Guid.NewGuid().ToString("N")[..8],
            ["executionName"] = executionName,
            ["input"] = input,
        }.ToJsonString()))!;
        var message = Assert.Single(answer["messages"]!.AsArray())!.GetValue<string>();
        return ((string)answer["status"]!, JsonNode.Parse(message)!);
    }

    private sealed class SilentReporter : IRunReporter
    {
        public void Progress(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
