using System.CommandLine;
using Medallion.Delta;
using Medallion.Delta.Storage;

namespace Medallion.Cli.Commands;

/// <summary>The <c>&lt;path-or-s3-uri&gt;</c> argument and the S3 options of the <c>table</c> commands, opened as a store and a table.</summary>
internal sealed class TableLocation : IDisposable
{
    private TableLocation(IObjectStore store)
    {
        Store = store;
        Table = new DeltaTable(store, "");
    }

    public static Argument<string> Path { get; } = new("table") { Description = "The table folder, or s3://bucket/prefix/table." };

    public static Option<string?> Region { get; } = new("--region") { Description = "The AWS region of an s3:// table (default: the AWS SDK's chain, e.g. AWS_REGION)." };

    public static Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "An S3-compatible endpoint (path-style), e.g. http://127.0.0.1:5000." };

    public IObjectStore Store { get; }

    public DeltaTable Table { get; }

    /// <summary>Where the table is, for messages.</summary>
    public string Description => Store.Describe("");

    /// <summary>Opens the table the parsed arguments name; S3 credentials come from the AWS SDK's default chain.</summary>
    public static TableLocation Open(ParseResult parseResult) => Open(parseResult, parseResult.GetValue(Path)!);

    /// <summary>Opens the table at <paramref name="root"/> with the parsed S3 options.</summary>
    public static TableLocation Open(ParseResult parseResult, string root)
    {
        var endpoint = parseResult.GetValue(EndpointUrl);
        if (endpoint is not null && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            throw new ArgumentException($"--endpoint-url '{endpoint}' is not an absolute http(s) URL.");
        }

        var options = new ObjectStoreOptions { Region = parseResult.GetValue(Region), EndpointUrl = endpoint is null ? null : new Uri(endpoint) };
        return new TableLocation(ObjectStoreRegistry.Default.Open(root, options));
    }

    public void Dispose() => (Store as IDisposable)?.Dispose();
}
