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
            "ReplacePartitionsWithDefaultIncrementalIngestion_NamesTheRiskAndTheFixes",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                promotion: replace_partitions
            """,
            6, 16, ["`promotion: replace_partitions` of table `t` would lose rows with `ingestion: incremental`", "drops the rows earlier runs promoted there", "`promotion: merge` (with a `primary_key`) or `append`", "`ingestion: full`"]
        },
        {
            "ReplaceAllWithIncrementalIngestion_NamesTheRisk",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                ingestion: incremental
                promotion: replace_all
            """,
            7, 16, ["`promotion: replace_all` of table `t` would lose rows", "replacing the table with its rows"]
        },
        {
            "UnknownIngestion_ListsModes",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                ingestion: stream
            """,
            6, 16, ["`ingestion` must be one of incremental, full, found `stream`"]
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
