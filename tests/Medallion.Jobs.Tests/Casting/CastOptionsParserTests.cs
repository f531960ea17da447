using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Tests.Config;

namespace Medallion.Jobs.Tests.Casting;

/// <summary>Cast options on bronze columns and <c>cast</c> entries: what they read, and every error at its position.</summary>
public sealed class CastOptionsParserTests : IDisposable
{
    private const string Head = """
        dataset: orders
        tables:
          - name: t
            source: { path: a.json, format: json }
            columns:
        """;

    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LoadDataset_OptionsOnColumnsAndCasts_ReadsThem()
    {
        var path = _files.WriteDataset("orders", Head + """

                  - { name: id, type: string }
                  - { name: amount, type: "decimal(18,2)", round: half_even, thousands: "," }
                  - { name: paid, type: boolean, true_values: [ja], false_values: [nein] }
                transforms:
                  - cast:
                      id: { type: date, format: ["MM/dd/yyyy", iso] }
            """);

        var table = ConfigLoader.LoadDataset(path).Tables[0];

        var amount = table.Columns[1].Cast;
        Assert.Equal((DecimalRounding.HalfEven, ','), (amount.Rounding, amount.ThousandsSeparator!.Value));
        Assert.Equal(["ja"], table.Columns[2].Cast.TrueWordsOrDefault);
        Assert.Equal(["nein"], table.Columns[2].Cast.FalseWordsOrDefault);
        var cast = Assert.Single(Assert.IsType<CastTransform>(Assert.Single(table.Transforms)).Casts);
        Assert.Equal(["MM/dd/yyyy", "iso"], cast.Options.Formats.Select(f => f.Text));
        Assert.Equal([PatternField.Month, PatternField.Literal, PatternField.Day, PatternField.Literal, PatternField.Year], cast.Options.Formats[0].Tokens.Select(t => t.Field));
        Assert.True(cast.Options.Formats[1].IsIso);
    }

    /// <summary>Each row: the lines after <c>columns:</c>, then the one error a user reads, at its line and column.</summary>
    public static TheoryData<string, string, int, int, string[]> Errors => new()
    {
        {
            "UnsupportedToken_PointsAtTheLetter",
            """
                  - { name: d, type: date, format: "dd/MM/yyyy Q" }
            """,
            6, 52, ["format `dd/MM/yyyy Q` of column `d`", "`Q` is not a supported token"]
        },
        {
            "TwoDigitYear_SaysWhy",
            """
                  - { name: d, type: date, format: 'dd.MM.yy' }
            """,
            6, 47, ["`yy` (a two-digit year) is not supported"]
        },
        {
            "TokenInAListOfFormats_PointsIntoItsItem",
            """
                  - { name: d, type: timestamp, format: [iso, "yyyy-MM-dd HH:mm:ss.SSSSSSS"] }
            """,
            6, 72, ["`SSSSSSS` is not supported", "at most microseconds"]
        },
        {
            "UnclosedQuote_PointsAtIt",
            """
                  - { name: d, type: timestamp, format: "yyyy-MM-dd'T HH:mm" }
            """,
            6, 56, ["never closed"]
        },
        {
            "TimeInADateFormat_SaysCastToTimestamp",
            """
                  - { name: d, type: date, format: "yyyy-MM-dd HH:mm" }
            """,
            6, 41, ["a date format reads only a year, a month and a day"]
        },
        {
            "FormatWithoutDay_NamesTheFields",
            """
                  - { name: d, type: date, format: "yyyy-MM" }
            """,
            6, 41, ["needs a year (yyyy), a month (MM, M, MMM or MMMM) and a day (dd or d)"]
        },
        {
            "ClockHourWithoutMarker_SaysBoth",
            """
                  - { name: d, type: timestamp, format: "yyyy-MM-dd hh:mm" }
            """,
            6, 46, ["a 12-hour clock needs both the hour (hh or h) and the AM/PM marker (a)"]
        },
        {
            "ShortFieldBeforeANumber_IsAmbiguous",
            """
                  - { name: d, type: date, format: "yyyyMd" }
            """,
            6, 41, ["`M` (one or two digits) must not be followed directly by another number"]
        },
        {
            "FormatOnALong_NamesTheTypes",
            """
                  - { name: n, type: long, format: "yyyy" }
            """,
            6, 40, ["`format` does not apply to column `n`, which is long; it applies to date, timestamp"]
        },
        {
            "RoundOnAnInt_NamesTheTypes",
            """
                  - { name: n, type: int, round: half_even }
            """,
            6, 38, ["`round` does not apply to column `n`, which is int; it applies to decimal"]
        },
        {
            "UnknownRounding_ListsTheChoices",
            """
                  - { name: n, type: "decimal(9,2)", round: bankers }
            """,
            6, 49, ["`round` of column `n` must be one of half_even, half_up"]
        },
        {
            "DigitAsThousandsSeparator_IsRefused",
            """
                  - { name: n, type: long, thousands: "0" }
            """,
            6, 43, ["`thousands` of column `n` must be one character other than a digit"]
        },
        {
            "WordBothTrueAndFalse_IsRefused",
            """
                  - { name: b, type: boolean, true_values: [Ja, oui], false_values: [ja] }
            """,
            6, 73, ["`Ja` is both a true and a false value of column `b`"]
        },
        {
            "CastEntryOption_ChecksAgainstItsType",
            """
                  - { name: s, type: string }
                transforms:
                  - cast:
                      s: { type: int, true_values: [y] }
            """,
            9, 40, ["`true_values` does not apply to `cast` of column `s`, which is int"]
        },
        {
            "CastEntryWithoutType_SaysTypeIsRequired",
            """
                  - { name: s, type: string }
                transforms:
                  - cast:
                      s: { format: "yyyy-MM-dd" }
            """,
            9, 14, ["type"]
        },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void LoadDataset_BadCastOption_ReportsOneErrorAtItsPosition(string scenario, string columns, int line, int column, string[] fragments)
    {
        _ = scenario;

        var errors = _files.DatasetErrors(Head + "\n" + columns);

        ErrorAssert.Single(errors, line, column, fragments);
    }
}
