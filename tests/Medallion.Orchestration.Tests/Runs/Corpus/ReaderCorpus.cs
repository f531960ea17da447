using System.Security.Cryptography;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Runs.Corpus;

/// <summary>
/// One malformed-input case of the reader corpus: a one-table dataset over files the test writes,
/// run through bronze and silver as <c>medallion run --no-promote</c> would. <see cref="RunAsync"/>
/// also checks that the run changed nothing outside the lake and the engine's temp folder (the
/// configuration and the raw files are byte for byte as written).
/// </summary>
internal sealed class ReaderCorpus : IDisposable
{
    public const string Dataset = "corpus";
    public const string Quarantine = "quarantine/corpus/records/schema_v=1";
    public const string Silver = "silver/corpus/records/schema_v=1/runs/run_key=k1";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public ReaderCorpus(TestLake lake, string path, string format, string columns = "      - { name: id, type: string }\n")
    {
        Lake = lake;
        Lake.WriteDataset(Dataset, $"""
            dataset: {Dataset}
            tables:
              - name: records
                source: {"{"} path: '{path}', format: {format} {"}"}
                columns:

            """ + columns);
    }

    public TestLake Lake { get; }

    public RecordingReporter Reporter { get; } = new();

    public string Write(string name, string content) => Lake.WriteRaw(name, content);

    public string Write(string name, byte[] content) => Lake.WriteRaw(name, content);

    public async Task<TableRunOutcome> RunAsync()
    {
        var before = Outside();
        var outcomes = await new PipelineRunner(ConfigLoader.Load(Lake.ConfDirectory), new FakeTimeProvider(Now), Reporter)
            .RunAsync(new RunRequest(Dataset, RunKey: "k1"));
        Assert.Equal(before, Outside());
        return outcomes.Single();
    }

    /// <summary>The quarantined malformed records: reason, raw text and source file, in record order.</summary>
    public IReadOnlyList<string[]> Malformed() =>
        Lake.Exists(Quarantine + "/_delta_log/00000000000000000000.json")
            ? Lake.Query(Quarantine, "SELECT _malformed, _raw, _source_file FROM t WHERE _malformed IS NOT NULL ORDER BY _record_number")
            : [];

    /// <summary>The run's silver rows (which keep no record number), ordered by the columns asked for.</summary>
    public IReadOnlyList<string[]> SilverRows(string columns = "id") => Lake.Query(Silver, $"SELECT {columns} FROM t ORDER BY ALL");

    public void Dispose() => Lake.Dispose();

    /// <summary>Every file below the test's root outside the lake and the engine's temp folder, with a hash of its bytes.</summary>
    private SortedDictionary<string, string> Outside()
    {
        var skipped = new[] { Lake.LakeRoot, Lake.EngineTempDirectory, Path.Combine(Lake.Root, "query-staging"), Path.Combine(Lake.Root, "downloads") };
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Lake.Root, "*", SearchOption.AllDirectories))
        {
            if (!skipped.Any(s => file.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                files[Path.GetRelativePath(Lake.Root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return files;
    }
}
