using System.Collections.Concurrent;

namespace Medallion.Delta.Storage;

/// <summary>
/// Opens the store a root string names: a local folder (a path or a <c>file://</c> URI) or a URI
/// whose scheme a registered <see cref="IObjectStoreFactory"/> serves.
/// </summary>
/// <remarks>
/// The Delta library knows only local folders. A store in another package (S3 in
/// <c>Medallion.Delta.S3</c>) is registered explicitly by the program that wants it, at start-up:
/// <c>ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory())</c>. Registering a scheme
/// again replaces its factory. Safe to use from several threads.
/// </remarks>
public sealed class ObjectStoreRegistry
{
    private const string SchemeSeparator = "://";

    private readonly ConcurrentDictionary<string, IObjectStoreFactory> _factories = new(StringComparer.OrdinalIgnoreCase);
    private volatile Func<IObjectStore, IObjectStore>? _decorator;

    /// <summary>The registry of this process, which hosts register their stores with.</summary>
    public static ObjectStoreRegistry Default { get; } = new();

    /// <summary>The registered schemes, sorted, e.g. <c>["s3"]</c>.</summary>
    public IReadOnlyList<string> Schemes => [.. _factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Serves <see cref="IObjectStoreFactory.Scheme"/> with <paramref name="factory"/> from now on.</summary>
    /// <returns>This registry, so registrations chain.</returns>
    /// <remarks>Throws <see cref="ArgumentException"/> for a scheme that is not a URI scheme, or for <c>file</c> (always the local store).</remarks>
    public ObjectStoreRegistry Register(IObjectStoreFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var scheme = factory.Scheme;
        if (!IsScheme(scheme) || string.Equals(scheme, "file", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{scheme}' cannot be registered: a store scheme is a letter followed by letters, digits, '+', '-' or '.', and 'file' is the local store.", nameof(factory));
        }

        _factories[scheme] = factory;
        return this;
    }

    /// <summary>
    /// Wraps every store <see cref="Open"/> returns from now on, local folders included, e.g. in a
    /// <see cref="CountingObjectStore"/> (<c>medallion bench history</c>); null stops wrapping.
    /// </summary>
    /// <returns>This registry.</returns>
    public ObjectStoreRegistry Decorate(Func<IObjectStore, IObjectStore>? decorator)
    {
        _decorator = decorator;
        return this;
    }

    /// <summary>Opens the store at <paramref name="root"/>.</summary>
    /// <param name="root">A local folder (relative to the working directory, absolute, or a <c>file://</c> URI) or a URI of a registered scheme.</param>
    /// <param name="options">Region and endpoint for stores that use them; <see cref="ObjectStoreOptions.Default"/> when omitted.</param>
    /// <remarks>
    /// Throws <see cref="ArgumentException"/> for a URI whose scheme is not registered (naming those
    /// that are) and for a root the store cannot address. The returned store is <see cref="IDisposable"/>
    /// when it holds a client; dispose it when done.
    /// </remarks>
    public IObjectStore Open(string root, ObjectStoreOptions? options = null)
    {
        var store = OpenUndecorated(root, options);
        return _decorator is { } decorate ? decorate(store) : store;
    }

    private IObjectStore OpenUndecorated(string root, ObjectStoreOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var separator = root.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return new LocalObjectStore(root);
        }

        var scheme = root[..separator];
        if (string.Equals(scheme, "file", StringComparison.OrdinalIgnoreCase))
        {
            return new LocalObjectStore(new Uri(root).LocalPath);
        }

        if (!_factories.TryGetValue(scheme, out var factory))
        {
            var registered = Schemes.Count == 0 ? "none" : string.Join(", ", Schemes.Select(name => name + SchemeSeparator));
            throw new ArgumentException(
                $"'{root}' is neither a local folder nor a URI of a registered store (registered: {registered}).", nameof(root));
        }

        return factory.Open(root, options ?? ObjectStoreOptions.Default);
    }

    private static bool IsScheme(string? scheme) =>
        !string.IsNullOrEmpty(scheme) && char.IsAsciiLetter(scheme[0])
        && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
}
