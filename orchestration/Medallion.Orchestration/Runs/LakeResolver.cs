using Medallion.Delta.Storage;
using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>Turns an environment's <c>lake_root</c> into the object store over it (and the engine's local folder).</summary>
/// <remarks>
/// Everything but the embedded engine goes through <see cref="LakeConnection.Store"/> only, so an
/// <c>s3://</c> lake root needs an S3 store here and a staging folder for DuckDB, nothing else.
/// </remarks>
internal static class LakeResolver
{
    /// <exception cref="MedallionException">The lake root is not a local folder.</exception>
    public static LakeConnection Open(EnvironmentSpec environment)
    {
        if (environment.LakeRoot.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new MedallionException(
                $"{environment.Location}: environment `{environment.Name}` has an S3 lake root ({environment.LakeRoot}); " +
                "this build reads and writes local lakes only.");
        }

        var directory = Path.GetFullPath(environment.LakeRoot);
        Directory.CreateDirectory(directory);
        return new LakeConnection(new LocalObjectStore(directory), directory);
    }
}
