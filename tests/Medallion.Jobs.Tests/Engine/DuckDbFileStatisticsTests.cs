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

    /// <summary>
    /// Regression (issue 17: typed Parquet sources bring NaN and infinities into bronze): DuckDB
    /// reports an infinite bound as <c>inf</c>, which failed the write, and leaves NaNs out of min
    /// and max, which would then not bound every value.
    /// </summary>
    [Fact]
    public async Task Convert_DoublesWithInfinitiesOrNaN_KeepsOnlyBoundsThatHoldEveryValue()
    {
        var schema = new DeltaSchema([new DeltaField("inf", DeltaPrimitiveType.Double), new DeltaField("nan", DeltaPrimitiveType.Double), new DeltaField("plain", DeltaPrimitiveType.Double)]);
        using var session = new DuckDbSession(new DuckDbSpec(TempDirectory: _folder.Combine("tmp")), new DuckDbSandbox([_folder.Path], []));
        var sut = new ParquetFileWriter(session, new DuckDbTables(_folder.Path, new LocalObjectStore(_folder.Path), new FakeTimeProvider()));

        var file = Assert.Single(await sut.WriteAsync(
            new ParquetWrite("SELECT * FROM (VALUES ('-inf'::DOUBLE, 'nan'::DOUBLE, 0.5::DOUBLE), (2.5, 1.0, 1.5)) AS v(inf, nan, plain)", []), "doubles", schema));

        Assert.False(file.Stats!.MinValues.ContainsKey("inf"));
        Assert.Equal(2.5, file.Stats.MaxValues["inf"]!.GetValue<double>());
        Assert.False(file.Stats.MinValues.ContainsKey("nan") || file.Stats.MaxValues.ContainsKey("nan"));
        Assert.Equal((0.5, 1.5), (file.Stats.MinValues["plain"]!.GetValue<double>(), file.Stats.MaxValues["plain"]!.GetValue<double>()));
        Assert.Equal(0, file.Stats.NullCount["nan"]);
    }

    /// <summary>
    /// Regression (issue 17): a decimal(38,12) bound went through .NET's decimal, which holds 28–29
    /// digits and rounded it; a timestamp maximum in the last millisecond of 9999 overflowed when
    /// rounded up.
    /// </summary>
    [Fact]
    public async Task Convert_ThirtyEightDigitDecimalsAndTheLastTimestamp_KeepsExactBoundsOrNone()
    {
        var schema = new DeltaSchema([new DeltaField("m", new DeltaDecimalType(38, 12)), new DeltaField("ts", DeltaPrimitiveType.Timestamp)]);
        using var session = new DuckDbSession(new DuckDbSpec(TempDirectory: _folder.Combine("tmp")), new DuckDbSandbox([_folder.Path], []));
        var sut = new ParquetFileWriter(session, new DuckDbTables(_folder.Path, new LocalObjectStore(_folder.Path), new FakeTimeProvider()));

        var file = Assert.Single(await sut.WriteAsync(
            new ParquetWrite(
                "SELECT * FROM (VALUES (12345678901234567890123456.123456789012::DECIMAL(38,12), TIMESTAMPTZ '9999-12-31 23:59:59.999999+00'), " +
                "(-99999999999999999999999999.999999999999::DECIMAL(38,12), TIMESTAMPTZ '2024-01-01 00:00:00+00')) AS v(m, ts)",
                []),
            "wide",
            schema));

        Assert.Equal("-99999999999999999999999999.999999999999", file.Stats!.MinValues["m"]!.ToJsonString());
        Assert.Equal("12345678901234567890123456.123456789012", file.Stats.MaxValues["m"]!.ToJsonString());
        Assert.Equal("2024-01-01T00:00:00.000Z", file.Stats.MinValues["ts"]!.GetValue<string>());
        Assert.False(file.Stats.MaxValues.ContainsKey("ts"));
    }
}
