using System.Text.Json;
using Medallion.Delta;
using Medallion.Jobs.Lake;

namespace Medallion.Jobs.Engine.Ingestion;

/// <summary>
/// The raw objects a bronze table holds rows of, read from its live files: each bronze data file
/// carries, in its <c>add</c> action's tags (<see cref="Tag"/>), the objects whose records it holds,
/// so the record is committed in the same Delta commit as the rows it describes, and a snapshot
/// (the checkpoint and the commits after it) tells it without replaying the table's history: the
/// cost is that of the live files, not of the commits (issue 17).
/// </summary>
public sealed class IngestedObjects
{
    /// <summary>The <c>add.tags</c> key listing the raw objects a bronze file holds rows of: a JSON array of <c>[path, size, version]</c>.</summary>
    public const string Tag = "medallion.rawObjects";

    private readonly Dictionary<string, RawObject> _objects;

    private IngestedObjects(Dictionary<string, RawObject> objects, string? lastRunKey)
    {
        _objects = objects;
        LastRunKey = lastRunKey;
    }

    /// <summary>How many objects bronze holds rows of.</summary>
    public int Count => _objects.Count;

    /// <summary>The run key of the newest live bronze file that records objects (the last run that ingested any), or null.</summary>
    public string? LastRunKey { get; }

    /// <summary>What the live files of <paramref name="bronze"/> (null: no table yet) record.</summary>
    /// <exception cref="MedallionException">A file's tag is not the list Medallion writes.</exception>
    public static IngestedObjects Of(DeltaSnapshot? bronze)
    {
        var objects = new Dictionary<string, RawObject>(StringComparer.Ordinal);
        AddFile? newest = null;
        foreach (var file in bronze?.Files ?? [])
        {
            var held = Read(file);
            foreach (var rawObject in held)
            {
                objects[rawObject.Path] = rawObject;
            }

            if (held.Count > 0 && (newest is null || file.ModificationTime > newest.ModificationTime))
            {
                newest = file;
            }
        }

        return new IngestedObjects(objects, newest?.Tags?.GetValueOrDefault(LakeLayout.RunKeyTag));
    }

    /// <summary>Whether bronze holds the rows of exactly this object: same path, size and version.</summary>
    public bool Holds(RawObject rawObject)
    {
        ArgumentNullException.ThrowIfNull(rawObject);
        return _objects.TryGetValue(rawObject.Path, out var ingested) && ingested == rawObject;
    }

    /// <summary>Whether bronze holds rows of some version of the object at <paramref name="path"/>: a listed object it does not <see cref="Holds"/> then changed since.</summary>
    public bool Knows(string path) => _objects.ContainsKey(path);

    /// <summary>The objects a bronze file holds rows of (none for a file without the tag).</summary>
    /// <exception cref="MedallionException">The tag is not the list Medallion writes.</exception>
    public static IReadOnlyList<RawObject> Read(AddFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Tags?.GetValueOrDefault(Tag) is not { } text)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return [.. document.RootElement.EnumerateArray().Select(item => new RawObject(item[0].GetString()!, item[1].GetInt64(), item[2].GetString()!))];
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new MedallionException($"The bronze file '{file.Path}' has a '{Tag}' tag that is not a list of [path, size, version]: {error.Message}");
        }
    }

    /// <summary>The tag value for a file holding rows of <paramref name="objects"/>.</summary>
    public static string Write(IEnumerable<RawObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var rawObject in objects.OrderBy(o => o.Path, StringComparer.Ordinal))
            {
                json.WriteStartArray();
                json.WriteStringValue(rawObject.Path);
                json.WriteNumberValue(rawObject.Size);
                json.WriteStringValue(rawObject.Version);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
