using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    private const string ValidationTable = """
        dataset: orders
        tables:
          - name: t
            source: { path: a.json, format: json }
            columns: [{ name: id, type: string }]

        """;

    /// <summary>
    /// The gate's thresholds (issue 12, item 3): every numeric setting of <c>validation:</c> refuses a
    /// value that contradicts what it means, and anything but a mapping or <c>none</c>.
    /// </summary>
    public static TheoryData<string, string, int, int, string[]> ValidationErrors => new()
    {
        { "NegativeMinRows_IsRefused", ValidationTable + "    validation: { min_rows: -1 }", 6, 29, ["`min_rows` must be a whole number >= 0, found `-1`"] },
        { "FractionalMinRows_IsRefused", ValidationTable + "    validation: { min_rows: 1.5 }", 6, 29, ["`min_rows` must be a whole number >= 0, found `1.5`"] },
        { "QuarantineRatioAboveOne_IsRefused", ValidationTable + "    validation: { max_quarantine_ratio: 1.5 }", 6, 41, ["`max_quarantine_ratio` must be a number between 0 and 1, found `1.5`"] },
        { "QuarantineRatioNegative_IsRefused", ValidationTable + "    validation: { max_quarantine_ratio: -0.1 }", 6, 41, ["`max_quarantine_ratio` must be a number between 0 and 1, found `-0.1`"] },
        { "QuarantineRatioAsPercent_IsRefused", ValidationTable + "    validation: { max_quarantine_ratio: 10% }", 6, 41, ["`max_quarantine_ratio` must be a number between 0 and 1, found `10%`"] },
        { "RowChangeRatioNegative_IsRefused", ValidationTable + "    validation: { max_row_change_ratio: -0.5 }", 6, 41, ["`max_row_change_ratio` must be a number >= 0, found `-0.5`"] },
        { "RowChangeRatioInfinite_IsRefused", ValidationTable + "    validation: { max_row_change_ratio: .inf }", 6, 41, ["`max_row_change_ratio` must be a number >= 0, found `.inf`"] },
        { "UnknownValidationKey_ListsKeys", ValidationTable + "    validation: { min_row: 1 }", 6, 19, ["unknown key `min_row` in `validation`", "min_rows, max_quarantine_ratio, max_row_change_ratio"] },
        { "ValidationWordOtherThanNone_IsRefused", ValidationTable + "    validation: off", 6, 17, ["`validation` must be a mapping", "or `none` to opt out of the default gate, found `off`"] },
        { "ValidationList_IsRefused", ValidationTable + "    validation: [min_rows]", 6, 17, ["`validation` must be a mapping (key: value), found a list"] },
    };

    [Fact]
    public void LoadDataset_NoValidationBlock_GetsTheSafeDefaultGate()
    {
        var path = _files.WriteDataset("orders", ValidationTable);

        var sut = ConfigLoader.LoadDataset(path).Tables[0].Validation;

        Assert.Equal((1L, 0.5, (double?)null, false), (sut.MinRows, sut.MaxQuarantineRatio, sut.MaxRowChangeRatio, sut.ThresholdsOff));
    }

    [Fact]
    public void LoadDataset_ValidationBlockSettingOneKey_KeepsTheOtherDefaults()
    {
        var path = _files.WriteDataset("orders", ValidationTable + "    validation: { max_row_change_ratio: 2 }");

        var sut = ConfigLoader.LoadDataset(path).Tables[0].Validation;

        Assert.Equal(new ValidationSpec(1, 0.5, 2), sut);
    }

    [Fact]
    public void LoadDataset_ValidationNone_OptsOutOfTheThresholds()
    {
        var path = _files.WriteDataset("orders", ValidationTable + "    validation: none");

        var sut = ConfigLoader.LoadDataset(path).Tables[0].Validation;

        Assert.Same(ValidationSpec.None, sut);
        Assert.Equal((0L, 1.0, true), (sut.MinRows, sut.MaxQuarantineRatio, sut.ThresholdsOff));
    }
}
