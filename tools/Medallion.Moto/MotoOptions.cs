namespace Medallion.Moto;

/// <summary>How <see cref="MotoProcess"/> runs moto's server (see <c>moto_server.py</c> for why each switch exists).</summary>
public sealed record MotoOptions
{
    /// <summary>Run requests that change state one at a time, so conditional PUTs are atomic as on S3 (the tests).</summary>
    /// <value>Default false.</value>
    public bool SerializeMutations { get; init; }

    /// <summary>A wait in every request, standing in for the network round trip a loopback server lacks (the promotion benchmark).</summary>
    /// <value>Default zero: none.</value>
    public TimeSpan Latency { get; init; }

    /// <summary>How long to wait for the server to listen.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
