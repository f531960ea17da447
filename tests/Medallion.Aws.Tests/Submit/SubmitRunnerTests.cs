using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Aws.Submit;
using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests.Submit;

[Collection(MotoCollection.Name)]
public sealed class SubmitRunnerTests(MotoServer moto)
{
    [Fact]
    public async Task RunAsync_Wait_UploadsRunsBronzeThenSilverThenAsksTheFinisher()
    {
        using var scene = await SubmitScene.CreateAsync(moto);
        var (sut, finisher, output) = Runner(scene);

        var succeeded = await sut.RunAsync(new SubmitRequest("mortgage_transactions", null, "prod", "k-1", scene.Bundle, scene.Conf.Directory, Wait: true));

        Assert.True(succeeded, output.ToString());
        Assert.Equal("k-1", finisher.Request!.RunKey);
        Assert.Equal(["bronze", "silver"], finisher.Request.Trace!.JobRunIds.Keys);
        Assert.All(finisher.Request.Trace.JobRunIds, run => Assert.Contains($"job run {run.Value}", output.ToString(), StringComparison.Ordinal));
        var starts = scene.Clients.Recorder.Exchanges.Where(e => e.Method == HttpMethod.Post && e.Uri.AbsolutePath.EndsWith("/jobruns", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, starts.Count);
        Assert.Contains("\"--step\",\"bronze\"", starts[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"--step\",\"silver\"", starts[1].Body, StringComparison.Ordinal);
        Assert.Contains("s3://acme-artifacts/medallion/prod/microsoft-spark-3-5_2.12-2.3.1.jar", starts[0].Body, StringComparison.Ordinal);
        Assert.Contains("s3://acme-logs/medallion/applications/" + scene.ApplicationId + "/jobs/", output.ToString(), StringComparison.Ordinal);
        foreach (var key in new[] { "medallion/prod/medallion-spark.zip", "medallion/prod/microsoft-spark-3-5_2.12-2.3.1.jar", "medallion/prod/conf/datasets/mortgage_transactions.yaml" })
        {
            using var stored = await scene.S3.GetObjectAsync("acme-artifacts", key);
            Assert.True(stored.ContentLength > 0, key);
        }
    }

    [Fact]
    public async Task RunAsync_NoWait_StartsOnlyBronze()
    {
        using var scene = await SubmitScene.CreateAsync(moto);
        var (sut, finisher, _) = Runner(scene);

        Assert.True(await sut.RunAsync(new SubmitRequest("mortgage_transactions", "transactions", "prod", null, scene.Bundle, scene.Conf.Directory, Wait: false)));

        Assert.Null(finisher.Request);
        Assert.Single(scene.Clients.Recorder.Exchanges, e => e.Method == HttpMethod.Post && e.Uri.AbsolutePath.EndsWith("/jobruns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoWait_SaysWhatItStartedAndHowToContinue()
    {
        using var scene = await SubmitScene.CreateAsync(moto);
        var (sut, _, output) = Runner(scene);

        await sut.RunAsync(new SubmitRequest("mortgage_transactions", "transactions", "prod", "k-2", scene.Bundle, scene.Conf.Directory, Wait: false));

        var text = output.ToString();
        var bronze = System.Text.RegularExpressions.Regex.Match(text, @"bronze  job run (\w+)").Groups[1].Value;
        Assert.Contains($"started: only the bronze job run {bronze} of run key k-2 (mortgage_transactions.transactions).", text, StringComparison.Ordinal);
        Assert.Contains("not started: silver, validation and promotion.", text, StringComparison.Ordinal);
        Assert.Contains($"aws emr-serverless get-job-run --application-id {scene.ApplicationId} --job-run-id {bronze} --region us-east-1", text, StringComparison.Ordinal);
        Assert.Contains("medallion submit mortgage_transactions --table transactions --env prod --run-key k-2 --wait", text, StringComparison.Ordinal);
        Assert.DoesNotContain("scheduled pipeline", text, StringComparison.Ordinal);
    }

    /// <summary>Issue 14: a second submit of the same key sent the first one's client token, so EMR handed back the old (failed) job run.</summary>
    [Fact]
    public async Task RunAsync_SameKeySubmittedTwice_EachAttemptSendsItsOwnClientToken()
    {
        using var scene = await SubmitScene.CreateAsync(moto);
        var (sut, _, _) = Runner(scene);
        var request = new SubmitRequest("mortgage_transactions", null, "prod", "k-3", scene.Bundle, scene.Conf.Directory, Wait: false);

        await sut.RunAsync(request);
        await sut.RunAsync(request);

        var tokens = scene.Clients.Recorder.Exchanges
            .Where(e => e.Method == HttpMethod.Post && e.Uri.AbsolutePath.EndsWith("/jobruns", StringComparison.Ordinal))
            .Select(e => System.Text.Json.Nodes.JsonNode.Parse(e.Body)!["clientToken"]!.GetValue<string>())
            .ToList();
        Assert.Equal(2, tokens.Count);
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.All(tokens, t => Assert.StartsWith("k-3.mortgage_transactions.bronze.", t, StringComparison.Ordinal));
    }

    private static (SubmitRunner Sut, RecordingFinisher Finisher, StringWriter Output) Runner(SubmitScene scene)
    {
        var emr = scene.Clients.Sut.EmrServerless();
        var finisher = new RecordingFinisher();
        var output = new StringWriter();
        var store = S3ArtifactStore.Create(scene.Clients.Settings, SubmitScene.Credentials);
        return (new SubmitRunner(scene.Conf.Load(), store, emr, new JobRunWaiter(emr, scene.Clients.Clock), finisher, output, scene.Clients.Clock), finisher, output);
    }

    private sealed class RecordingFinisher : IRunFinisher
    {
        public RunFinishRequest? Request { get; private set; }

        public Task<RunFinishResult> FinishAsync(RunFinishRequest request, CancellationToken cancellationToken = default)
        {
            Request = request;
            return Task.FromResult(new RunFinishResult(true, "validated and promoted"));
        }
    }
}
