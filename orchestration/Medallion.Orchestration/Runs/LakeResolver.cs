using Medallion.Delta.Storage;
using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Turns an environment's roots (<c>lake_root</c>, <c>raw_root</c>, <c>--input</c>) into object stores:
/// a local folder, or a URI such as <c>s3://bucket/prefix</c> reached with the environment's <c>aws:</c> block.
/// The CLI, the orchestrator and the Spark job host all open their lakes here, through
/// <see cref="ObjectStoreRegistry.Default"/>: the host registers the stores it ships (S3) at start-up.
/// </summary>
/// <remarks>
/// S3 credentials always come from the AWS SDK's default chain (environment variables, the shared
/// profile, container or instance roles); no configuration file holds them, so none can reach a log.
/// </remarks>
public static class LakeResolver
{
    /// <summary>Opens the environment's lake (<c>lake_root</c>).</summary>
    /// <exception cref="MedallionException">The lake root cannot be opened.</exception>
    public static LakeConnection Open(EnvironmentSpec environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new LakeConnection(OpenStore(environment.LakeRoot, environment));
    }

    /// <summary>Opens the store at <paramref name="root"/>, a root of <paramref name="environment"/>.</summary>
    /// <remarks>
    /// An S3 store holds a client: dispose it when done (a local folder need not exist yet).
    /// Throws <see cref="MedallionException"/> for a root that is neither a folder nor a valid URI of a registered store.
    /// </remarks>
    public static IObjectStore OpenStore(string root, EnvironmentSpec environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            return ObjectStoreRegistry.Default.Open(root, StoreOptions(environment));
        }
        catch (ArgumentException error)
        {
            throw new MedallionException($"{environment.Location}: environment `{environment.Name}` has a root that cannot be opened ({root}): {error.Message}", error);
        }
    }

    /// <summary>
    /// A root as an engine addresses it, for statements and <c>medallion plan</c>: an <c>s3://</c> URI as
    /// written, a local folder made absolute (the engine's working directory is not the reader's).
    /// </summary>
    public static string Location(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return root.Contains("://", StringComparison.Ordinal) ? root : Path.GetFullPath(root);
    }

    /// <summary>How an environment reaches its stores: its <c>aws.region</c> and <c>aws.endpoint_url</c> (path-style for S3).</summary>
    /// <exception cref="MedallionException"><c>aws.endpoint_url</c> is not an http(s) URL.</exception>
    public static ObjectStoreOptions StoreOptions(EnvironmentSpec environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var aws = environment.Aws;
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(aws?.EndpointUrl)
            && !(Uri.TryCreate(aws.EndpointUrl, UriKind.Absolute, out endpoint) && endpoint.Scheme is "http" or "https"))
        {
            throw new MedallionException(
                $"{environment.Location}: aws.endpoint_url '{aws.EndpointUrl}' of environment `{environment.Name}` is not an absolute http(s) URL.");
        }

        return new ObjectStoreOptions { Region = aws?.Region, EndpointUrl = endpoint };
    }
}
