using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

/// <summary><c>promotion: merge</c> and its settings.</summary>
public sealed partial class ConfigLoaderTests
{
    private const string MergeTable = """
        dataset: orders
        tables:
          - name: customers
            source: { path: c.csv, format: csv }
            columns: [{ name: id, type: long }, { name: version, type: long }, { name: op, type: string }]
            primary_key: [id]
        """;

    public static TheoryData<string, string, int, int, string[]> MergeErrors => new()
    {
        {
            "MergeWithoutPrimaryKey_PointsAtPromotion",
            """
            dataset: orders
            tables:
              - name: customers
                source: { path: c.csv, format: csv }
                columns: [{ name: id, type: long }]
                promotion: merge
            """,
            6, 16, ["`promotion: merge` upserts rows by the table's key, but table `customers` declares no `primary_key`"]
        },
        {
            "MergeOrderByUnknownColumn_PointsAtOrderBy",
            MergeTable + "\n    promotion: { mode: merge, order_by: updated_at }",
            7, 41, ["`promotion.order_by` names `updated_at`, which is not a silver column; silver columns are: id, version, op, _ingested_at"]
        },
        {
            "MergeDeleteWhenUnknownColumn_PointsAtFragment",
            MergeTable + "\n    promotion: { mode: merge, delete_when: \"kind = 'D'\" }",
            7, 44, ["`promotion.delete_when`: DuckDB: Binder Error", "kind", "columns here are: id, version, op"]
        },
        {
            "MergeDeleteWhenNotCondition_SaysSo",
            MergeTable + "\n    promotion: { mode: merge, delete_when: \"version + 1\" }",
            7, 44, ["`promotion.delete_when`: it must be a condition (true or false)"]
        },
        {
            "OrderByWithReplace_IsRefused",
            MergeTable + "\n    promotion: { mode: append, order_by: version }",
            7, 42, ["`order_by` and `delete_when` are settings of `mode: merge`; `mode: append` has none"]
        },
        {
            "PromotionMappingWithoutMode_NamesIt",
            MergeTable + "\n    promotion: { order_by: version }",
            7, 16, ["missing required key `mode` in `promotion`"]
        },
    };

    [Theory]
    [MemberData(nameof(MergeErrors))]
    public void LoadDataset_BadMergePromotion_ReportsOneErrorAtItsPosition(string scenario, string yaml, int line, int column, string[] fragments)
    {
        _ = scenario;

        var errors = _files.DatasetErrors(yaml);

        ErrorAssert.Single(errors, line, column, fragments);
    }

    [Fact]
    public void LoadDataset_MergeMapping_ReadsModeOrderAndTombstone()
    {
        var path = _files.WriteDataset("orders", MergeTable + "\n    promotion: { mode: merge, order_by: version, delete_when: \"op = 'D'\" }");

        var sut = ConfigLoader.LoadDataset(path).Tables[0];

        Assert.Equal(PromotionMode.Merge, sut.Promotion);
        Assert.Equal(new MergeSpec("version", "op = 'D'"), sut.Merge);
    }

    [Fact]
    public void LoadDataset_PlainMerge_HasNoOrderNorTombstone()
    {
        var path = _files.WriteDataset("orders", MergeTable + "\n    promotion: merge");

        var sut = ConfigLoader.LoadDataset(path).Tables[0];

        Assert.Equal((PromotionMode.Merge, MergeSpec.Default), (sut.Promotion, sut.Merge));
    }
}
