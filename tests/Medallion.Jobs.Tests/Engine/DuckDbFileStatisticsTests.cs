using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Engine;

/// <summary>The stats the engine writes for string columns, from what DuckDB's COPY … RETURN_STATS reports.</summary>
public sealed class DuckDbFileStatisticsTests : IDisposable
{
    private readonly TempDirectory _folder = new("medallion-stats");

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Regression: the engine dropped string maxima longer than 32 characters and cut minima at
    /// 32 UTF-16 units, which split the emoji here into half a surrogate pair.
    /// </summary>
    [Fact]
    public async Task Convert_LongStringsWithAnEmojiAtTheCut_TruncatesLikeDeltaSpark()
    {
        var shortValue = new string('a', 31) + "😀tail";
        var longValue = new string('b', 40);
        var schema = new DeltaSchema([new DeltaField("s", DeltaPrimitiveType.String)]);
        using var session = new DuckDbSession(new DuckDbSpec(TempDirectory: _folder.Combine("tmp")), new DuckDbSandbox([_folder.Path], []));
        var sut = new ParquetFileWriter(session, new DuckDbTables(_folder.Path, new LocalObjectStore(_folder.Path), new FakeTimeProvider()));

        var file = Assert.Single(await sut.WriteAsync(new ParquetWrite($"SELECT * FROM (VALUES ('{shortValue}'), ('{longValue}')) AS v(s)", []), "t", schema));

        Assert.Equal(new string('a', 31) + "😀", file.Stats!.MinValues["s"]!.GetValue<string>());
        Assert.Equal(new string('b', 32) + "\uFFFD", file.Stats.MaxValues["s"]!.GetValue<string>());
        Assert.Equal(0, file.Stats.NullCount["s"]);
    }

    [Fact]
    public async Task Convert_MoreThanThirtyTwoColumns_KeepsStatsForTheFirstThirtyTwo()
    {
        var schema = new DeltaSchema([.. Enumerable.Range(0, 34).Select(index => new DeltaField($"c{index}", DeltaPrimitiveType.Integer))]);
        using var session = new DuckDbSession(new DuckDbSpec(TempDirectory: _folder.Combine("tmp")), new DuckDbSandbox([_folder.Path], []));
        var sut = new ParquetFileWriter(session, new DuckDbTables(_folder.Path, new LocalObjectStore(_folder.Path), new FakeTimeProvider()));

        var file = Assert.Single(await sut.WriteAsync(new ParquetWrite($"SELECT {string.Join(", ", Enumerable.Range(0, 34).Select(index => $"{index}::INTEGER AS c{index}"))}", []), "wide", schema));

        Assert.Equal(32, file.Stats!.MinValues.Count);
        Assert.Equal(31, file.Stats.MaxValues["c31"]!.GetValue<long>());
        Assert.False(file.Stats.NullCount.ContainsKey("c32"));
    }
}
