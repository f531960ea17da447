using System.Text;
using Medallion.Delta;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;

namespace Medallion.Testing;

/// <summary>Reading and changing lake objects the same way on a local and an S3 lake.</summary>
public sealed partial class TestLake
{
    /// <summary>Whether an object exists at a lake path.</summary>
    public bool Exists(string path) => Store.ExistsAsync(path).GetAwaiter().GetResult();

    /// <summary>The objects below a lake path (e.g. <c>bronze/</c>).</summary>
    public IReadOnlyList<ObjectInfo> List(string prefix) => Store.ListAsync(prefix).GetAwaiter().GetResult();

    public string ReadText(string path) =>
        Encoding.UTF8.GetString(Store.TryReadAsync(path).GetAwaiter().GetResult() ?? throw new FileNotFoundException($"{Store.Describe(path)} does not exist."));

    public void WriteText(string path, string content) => Store.WriteAsync(path, Encoding.UTF8.GetBytes(content)).GetAwaiter().GetResult();

    public void Delete(string path) => Store.DeleteAsync(path).GetAwaiter().GetResult();

    /// <summary>A local file with the object's bytes: the object itself on a local lake, a download on S3.</summary>
    public string LocalCopy(string path)
    {
        if (_s3Lake is null)
        {
            return Path.Combine(LakeRoot, path.Replace('/', Path.DirectorySeparatorChar));
        }

        var local = Path.Combine(Root, "downloads", path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        File.WriteAllBytes(local, Store.TryReadAsync(path).GetAwaiter().GetResult() ?? throw new FileNotFoundException($"{Store.Describe(path)} does not exist."));
        return local;
    }

    /// <summary>The staging folders S3 runs left below the engine's temp directory (none when they cleaned up).</summary>
    public IReadOnlyList<string> LeftoverStagingFolders() =>
        Directory.Exists(EngineTempDirectory) ? Directory.GetDirectories(EngineTempDirectory, "staging-*") : [];

    private string StageTable(DeltaSnapshot snapshot) =>
        DeltaFileStaging.StageAsync(Store, snapshot, Path.Combine(Root, "query-staging", Guid.NewGuid().ToString("N"))).GetAwaiter().GetResult();
}
