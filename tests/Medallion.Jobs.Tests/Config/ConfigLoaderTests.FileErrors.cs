using System.Text;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

/// <summary>
/// Regression (issue 16, Why 8): YAML the tree builder handled badly. 40,000 nested `[` overflowed
/// the stack (exit 134), an unclosed `[` gave exit 1 and no position, a Latin-1 file was accepted,
/// a tab error was reported a line early, an unknown anchor at 1:1, and a `.yml` dataset was ignored.
/// </summary>
public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void LoadDataset_FortyThousandNestedBrackets_IsAConfigErrorNotAStackOverflow()
    {
        var errors = _files.DatasetErrors("dataset: " + new string('[', 40_000));

        // The root mapping is level 1; the 64th `[` (column 10 + 63) is level 65.
        ErrorAssert.Single(errors, 1, 73, ["the YAML nests deeper than 64 levels"]);
    }

    [Fact]
    public void LoadDataset_UnclosedFlowListBeforeTheNextKey_NamesTheOpenBracket()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                columns: [ { name: a, type: string }
                transforms: []
            """);

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("the `[` or `{` opened at line 4, column 14 is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDataset_Latin1Text_IsRefusedAtTheFirstBadByte()
    {
        var path = _files.WriteDataset("orders", "");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("dataset: orders\ndescription: café\ntables: []\n"));

        var errors = Assert.Throws<ConfigurationException>(() => ConfigLoader.LoadDataset(path)).Errors;

        ErrorAssert.Single(errors, 2, 17, ["the file is not valid UTF-8 (byte 0xE9 at offset 32); save it as UTF-8"]);
    }

    [Fact]
    public void LoadDataset_Utf8WithByteOrderMark_IsRead()
    {
        var path = _files.WriteDataset("orders", "");
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("dataset: orders\ntables:\n  - name: t\n    source: { path: a.json, format: json }\n    columns: [{ name: id, type: string }]\n")]);

        Assert.Equal("orders", ConfigLoader.LoadDataset(path).Name);
    }

    [Fact]
    public void LoadDataset_TabIndentation_IsReportedOnTheTabsLine()
    {
        var errors = _files.DatasetErrors("dataset: orders\ntables:\n  - name: t\n\tschema_version: v1\n");

        ErrorAssert.Single(errors, 4, 1, ["a tab character is used for indentation"]);
    }

    [Fact]
    public void LoadDataset_UnknownAnchor_IsReportedAtTheAlias()
    {
        var errors = _files.DatasetErrors("dataset: orders\ntables:\n  - name: t\n    schema_version: *nope\n");

        ErrorAssert.Single(errors, 4, 21, ["the alias `*nope` names no anchor"]);
    }

    [Fact]
    public void LoadDataset_KnownAnchor_StillWorks()
    {
        var path = _files.WriteDataset("orders", """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: &columns [{ name: id, type: string }]
              - name: u
                source: { path: b.json, format: json }
                columns: *columns
            """);

        Assert.Equal(["id"], ConfigLoader.LoadDataset(path).Tables[1].Columns.Select(c => c.Name));
    }

    [Fact]
    public void Load_YmlDatasetFile_IsReportedNotIgnored()
    {
        _files.WriteSettings("environments:\n  local: { lake_root: ./lake, raw_root: ./raw }\n");
        var yml = Path.Combine(_files.Conf, ConfigLoader.DatasetsFolderName, "orders.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(yml)!);
        File.WriteAllText(yml, "dataset: orders\n");

        var errors = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf)).Errors;

        var error = ErrorAssert.Single(errors, 1, 1, ["dataset files must end in `.yaml`; rename orders.yml to orders.yaml"]);
        Assert.Equal(yml, error.Location.File);
    }
}
