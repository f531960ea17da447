namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>A table's source, partitions and promotion.</summary>
    public static TheoryData<string, string, int, int, string[]> TableErrors => new()
    {
        {
            "UnknownFormat_ListsFormats",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.xml, format: xml }
                columns: [{ name: id, type: string }]
            """,
            4, 36, ["`format` must be one of json, csv, parquet, found `xml`"]
        },
        {
            "CsvOptionsForJson_AreRejected",
            """
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.json
                  format: json
                  csv: { header: false }
                columns: [{ name: id, type: string }]
            """,
            7, 12, ["`csv` options apply only to format csv, but this source is json"]
        },
        {
            "DelimiterOfTwoCharacters_ExpectsOne",
            """
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.csv
                  format: csv
                  csv: { delimiter: ";;" }
                columns: [{ name: id, type: string }]
            """,
            7, 25, ["`delimiter` must be a single character, found `;;` (2 characters)"]
        },
        {
            "UnknownPromotion_ListsModes",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                promotion: overwrite
            """,
            6, 16, ["`promotion` must be one of replace_partitions, replace_all, append, merge, found `overwrite`"]
        },
        {
            "PartitionColumnNotProduced_PointsAtEntry",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }, { name: day, type: date }]
                partition_by: [day_year]
            """,
            6, 20, ["partition column `day_year` is not produced by the transforms; silver columns are: id, day"]
        },
    };
}
