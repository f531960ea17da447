using Amazon.Runtime;
using Amazon.S3;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Tests.Artifacts;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests.Submit;

/// <summary>What a submit needs in moto: an EMR application, the artifacts bucket, a conf pointing at both, and a bundle.</summary>
internal sealed class SubmitScene : IDisposable
{
    private readonly TempDirectory _temp = new("medallion-submit");

    private SubmitScene(MotoServer moto, MotoClients clients, string applicationId)
    {
        Clients = clients;
        Conf = new AwsConf(moto.Endpoint, applicationId);
        ApplicationId = applicationId;
        Bundle = _temp.Combine("medallion-spark-prod.zip");
        BundlePackager.CreateZip(BundlePackagerTests.FakePublish(_temp.Combine("publish")), Conf.Directory, Bundle);
        S3 = new AmazonS3Client(Credentials, new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoServer.Region });
    }

    public static BasicAWSCredentials Credentials => new(MotoServer.AccessKey, MotoServer.SecretKey);

    public MotoClients Clients { get; }

    public AwsConf Conf { get; }

    public string ApplicationId { get; }

    public string Bundle { get; }

    public AmazonS3Client S3 { get; }

    public static async Task<SubmitScene> CreateAsync(MotoServer moto)
    {
        var clients = new MotoClients(moto);
        var scene = new SubmitScene(moto, clients, await clients.CreateApplicationAsync());
        await scene.S3.PutBucketAsync("acme-artifacts");
        return scene;
    }

    public void Dispose()
    {
        S3.Dispose();
        Conf.Dispose();
        Clients.Dispose();
        _temp.Dispose();
    }
}
