using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Aws.Submit;
using Medallion.Aws.Tests.Artifacts;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests.Submit;

[Collection(MotoCollection.Name)]
public sealed class SubmitRunnerTests(MotoServer moto)
{
    [Fact]
    public async Task RunAsync_Wait_UploadsRunsBronzeThenSilverThenAsksTheFinisher()
    {
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        using var conf = new AwsConf(moto.Endpoint, applicationId);
        using var temp = new TempDirectory();
        var bundle = temp.Combine("medallion-spark-prod.zip");
        BundlePackager.CreateZip(BundlePackagerTests.FakePublish(temp.Combine("publish")), conf.Directory, bundle);
        using var s3 = S3();
        await s3.PutBucketAsync("acme-artifacts");
        var emr = clients.Sut.EmrServerless();
        var finisher = new RecordingFinisher();
        using var output = new StringWriter();
        using var store = S3ArtifactStore.Create(clients.Settings, Credentials);
        var sut = new SubmitRunner(conf.Load(), store, emr, new JobRunWaiter(emr, clients.Clock), finisher, output, clients.Clock);

        var succeeded = await sut.RunAsync(new SubmitRequest("mortgage_transactions", null, "prod", "k-1", bundle, conf.Directory, Wait: true));

        Assert.True(succeeded, output.ToString());
        Assert.Equal("k-1", finisher.Request!.RunKey);
        var starts = clients.Recorder.Exchanges.Where(e => e.Method == HttpMethod.Post && e.Uri.AbsolutePath.EndsWith("/jobruns", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, starts.Count);
        Assert.Contains("\"--layer\",\"bronze\"", starts[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"--layer\",\"silver\"", starts[1].Body, StringComparison.Ordinal);
        Assert.Contains("s3://acme-artifacts/medallion/prod/microsoft-spark-3-5_2.12-2.4.0.jar", starts[0].Body, StringComparison.Ordinal);
        Assert.Contains("s3://acme-logs/medallion/applications/" + applicationId + "/jobs/", output.ToString(), StringComparison.Ordinal);
        foreach (var key in new[] { "medallion/prod/medallion-spark.zip", "medallion/prod/microsoft-spark-3-5_2.12-2.4.0.jar", "medallion/prod/conf/datasets/mortgage_transactions.yaml" })
        {
            using var stored = await s3.GetObjectAsync("acme-artifacts", key);
            Assert.True(stored.ContentLength > 0, key);
        }
    }

    [Fact]
    public async Task RunAsync_NoWait_StartsOnlyBronze()
    {
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        using var conf = new AwsConf(moto.Endpoint, applicationId);
        using var temp = new TempDirectory();
        var bundle = temp.Combine("b.zip");
        BundlePackager.CreateZip(BundlePackagerTests.FakePublish(temp.Combine("publish")), conf.Directory, bundle);
        using var s3 = S3();
        await s3.PutBucketAsync("acme-artifacts");
        var emr = clients.Sut.EmrServerless();
        var finisher = new RecordingFinisher();
        using var output = new StringWriter();
        using var store = S3ArtifactStore.Create(clients.Settings, Credentials);
        var sut = new SubmitRunner(conf.Load(), store, emr, new JobRunWaiter(emr, clients.Clock), finisher, output, clients.Clock);

        Assert.True(await sut.RunAsync(new SubmitRequest("mortgage_transactions", "transactions", "prod", null, bundle, conf.Directory, Wait: false)));

        Assert.Null(finisher.Request);
        Assert.Single(clients.Recorder.Exchanges, e => e.Method == HttpMethod.Post && e.Uri.AbsolutePath.EndsWith("/jobruns", StringComparison.Ordinal));
    }

    private static BasicAWSCredentials Credentials => new(MotoServer.AccessKey, MotoServer.SecretKey);

    private AmazonS3Client S3() => new(Credentials, new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoServer.Region });

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
