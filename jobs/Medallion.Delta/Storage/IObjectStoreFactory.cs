namespace Medallion.Delta.Storage;

/// <summary>
/// Opens the stores of one URI scheme (<c>s3</c>, …). A store that lives in its own package
/// implements it, and the host registers it with <see cref="ObjectStoreRegistry"/> at start-up.
/// </summary>
public interface IObjectStoreFactory
{
    /// <summary>The URI scheme this factory serves, without <c>://</c>, e.g. <c>s3</c>. Compared without regard to case.</summary>
    string Scheme { get; }

    /// <summary>Opens the store rooted at <paramref name="root"/>, a URI of <see cref="Scheme"/>.</summary>
    /// <param name="root">The whole root as the user wrote it, e.g. <c>s3://bucket/prefix</c>.</param>
    /// <param name="options">Where and how to reach the store; a factory ignores what does not apply to it.</param>
    /// <remarks>
    /// Throws <see cref="ArgumentException"/> for a root the store cannot address (no bucket, an unsafe
    /// prefix). The store is <see cref="IDisposable"/> when it holds a client; the caller disposes it.
    /// </remarks>
    IObjectStore Open(string root, ObjectStoreOptions options);
}
