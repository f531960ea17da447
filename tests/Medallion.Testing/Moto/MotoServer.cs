using Medallion.Moto;

namespace Medallion.Testing.Moto;

/// <summary>
/// A real moto server (S3, EMR Serverless, Step Functions, SNS) on a free loopback port, started
/// once per test assembly through a collection fixture and stopped when the tests end. It is the
/// benchmark's launcher (<see cref="MotoProcess"/>), with state changes serialized so that they
/// are atomic as on AWS. When it cannot start, the tests fail with what to install; they never skip.
/// </summary>
public sealed class MotoServer : IDisposable
{
    /// <summary>The credentials every test client uses; moto accepts any.</summary>
    public const string AccessKey = "medallion-test-key";
    public const string SecretKey = "medallion-test-secret";
    public const string Region = "us-east-1";

    private readonly MotoProcess _process = MotoProcess.Start(new MotoOptions { SerializeMutations = true });

    public int Port => _process.Port;

    /// <summary>The endpoint every AWS client in the tests points at.</summary>
    public Uri Endpoint => _process.Endpoint;

    /// <summary>Forgets every bucket, job run and execution (moto's reset API), for tests that need a clean server.</summary>
    public void Reset()
    {
        using var client = new HttpClient();
        client.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public void Dispose() => _process.Dispose();
}
