namespace Medallion.Jobs.Tests.Config;

/// <summary>
/// Config errors, table-driven: each row is a file, then the one error a user must read for it,
/// at its line and column, with fragments of its message. The rows live in the partial files
/// named <c>*Errors.cs</c>, one per area; a new check or kind adds a row there.
/// </summary>
public sealed partial class ConfigLoaderTests
{
    /// <param name="scenario">Names the row in test results, as a test method name would.</param>
    /// <param name="yaml">A dataset file, written as <c>orders.yaml</c>.</param>
    [Theory]
    [MemberData(nameof(ShapeErrors))]
    [MemberData(nameof(TableErrors))]
    [MemberData(nameof(TransformErrors))]
    [MemberData(nameof(RuleErrors))]
    [MemberData(nameof(FragmentErrors))]
    [MemberData(nameof(SourceErrors))]
    [MemberData(nameof(ValidationErrors))]
    public void LoadDataset_BadDataset_ReportsOneErrorAtItsPosition(string scenario, string yaml, int line, int column, string[] fragments)
    {
        _ = scenario;

        var errors = _files.DatasetErrors(yaml);

        ErrorAssert.Single(errors, line, column, fragments);
    }

    /// <param name="scenario">Names the row in test results, as a test method name would.</param>
    /// <param name="yaml">A <c>medallion.yaml</c>.</param>
    [Theory]
    [MemberData(nameof(SettingsErrors))]
    [MemberData(nameof(RootErrors))]
    public void LoadSettings_BadSettings_ReportsOneErrorAtItsPosition(string scenario, string yaml, int line, int column, string[] fragments)
    {
        _ = scenario;

        var errors = _files.SettingsErrors(yaml);

        ErrorAssert.Single(errors, line, column, fragments);
    }
}
