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
