using System.Text.Json;
using System.Text.Json.Serialization;
using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;

namespace Medallion.Orchestration.Ledger;

/// <summary>Reads and writes <c>_run.json</c> and <c>_SUCCESS</c> of staged runs.</summary>
public sealed class RunLedger(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new TimeSpanSecondsConverter() },
    };

    public Task WriteAsync(LakeLayout layout, RunLedgerEntry entry, CancellationToken cancellationToken = default) =>
        store.WriteAsync(layout.RunLedger(entry.RunKey), JsonSerializer.SerializeToUtf8Bytes(entry, Json), cancellationToken);

    /// <summary>The entry of a run, or null when the run has none.</summary>
    /// <exception cref="MedallionException">The file is not a readable ledger.</exception>
    public async Task<RunLedgerEntry?> ReadAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default)
    {
        var bytes = await store.TryReadAsync(layout.RunLedger(runKey), cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunLedgerEntry>(bytes, Json);
        }
        catch (JsonException error)
        {
            throw new MedallionException($"{store.Describe(layout.RunLedger(runKey))} is not a readable run ledger: {error.Message}", error);
        }
    }

    /// <summary>Marks the run complete. Written last, so its presence means every output is in place.</summary>
    public Task MarkSucceededAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default) =>
        store.WriteAsync(layout.RunSuccess(runKey), ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <summary>Removes a previous attempt's <c>_SUCCESS</c> before a key runs again.</summary>
    public async Task ClearSucceededAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default)
    {
        if (await store.ExistsAsync(layout.RunSuccess(runKey), cancellationToken))
        {
            await store.DeleteAsync(layout.RunSuccess(runKey), cancellationToken);
        }
    }

    public Task<bool> IsSucceededAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default) =>
        store.ExistsAsync(layout.RunSuccess(runKey), cancellationToken);

    /// <summary>Durations are written as seconds, which is what people reading the file want.</summary>
    private sealed class TimeSpanSecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));
    }
}
