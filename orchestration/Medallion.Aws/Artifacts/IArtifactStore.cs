namespace Medallion.Aws.Artifacts;

/// <summary>Uploads job artifacts.</summary>
public interface IArtifactStore
{
    /// <summary>Uploads <paramref name="content"/> to <paramref name="target"/>, replacing what is there.</summary>
    Task PutAsync(S3Uri target, Stream content, CancellationToken cancellationToken = default);
}
