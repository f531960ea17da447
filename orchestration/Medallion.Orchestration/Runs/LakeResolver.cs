using Medallion.Delta.Storage;
using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>Turns an environment's <c>lake_root</c> into a local folder and the object store over it.</summary>
internal static class LakeResolver
{
    /// <exception cref="MedallionException">The lake root is not a local folder.</exception>
    public static (string Directory, IObjectStore Store) Resolve(EnvironmentSpec environment)
    {
        if (environment.LakeRoot.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new MedallionException(
                $"{environment.Location}: environment `{environment.Name}` has an S3 lake root ({environment.LakeRoot}); " +
                "the embedded engine in this build writes to local lakes only.");
        }

        var directory = Path.GetFullPath(environment.LakeRoot);
        Directory.CreateDirectory(directory);
        return (directory, new LocalObjectStore(directory));
    }
}
