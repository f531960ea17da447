using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Catalog;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// The Glue tables of <see cref="LakeCatalog"/> — each configured table's promoted silver table
    /// over its stable <c>current/</c> Delta table, its quarantine table, and the run history —
    /// exactly the list <c>medallion athena ddl</c> prints (<c>table_type=DELTA</c>: Athena engine v3
    /// reads the schema from the Delta log), and the Athena workgroup.
    /// </summary>
    private static void AddCatalog(JsonObject resources, MedallionConfiguration configuration, AwsEnvironment environment)
    {
        resources["GlueDatabase"] = Resource("AWS::Glue::Database", new JsonObject
        {
            ["CatalogId"] = Ref("AWS::AccountId"),
            ["DatabaseInput"] = new JsonObject
            {
                ["Name"] = LakeCatalog.Database(environment.Environment),
                ["Description"] = $"Promoted Medallion silver tables, their quarantine tables and the run history of environment {environment.Name}.",
            },
        });

        foreach (var table in LakeCatalog.Tables(environment.Environment, configuration))
        {
            resources[LogicalId(table)] = GlueTable(table);
        }

        var pipeline = environment.Aws.Pipeline;
        resources["AthenaWorkGroup"] = Resource("AWS::Athena::WorkGroup", new JsonObject
        {
            ["Name"] = DeployNames.WorkGroup(environment.Name),
            ["Description"] = $"Queries over Medallion environment {environment.Name}.",
            ["WorkGroupConfiguration"] = new JsonObject
            {
                ["EnforceWorkGroupConfiguration"] = true,
                ["EngineVersion"] = new JsonObject { ["SelectedEngineVersion"] = "Athena engine version 3" },
                // Results hold query answers: encrypted, and in their own prefix the job role cannot read.
                ["ResultConfiguration"] = new JsonObject
                {
                    ["OutputLocation"] = ArtifactLayout.For(environment.Aws.ArtifactsPrefix!).AthenaResults + "/",
                    ["EncryptionConfiguration"] = new JsonObject { ["EncryptionOption"] = "SSE_S3" },
                },
                ["PublishCloudWatchMetricsEnabled"] = true,
                // A query that would scan more is cancelled: one careless SELECT * must not cost a fortune.
                ["BytesScannedCutoffPerQuery"] = (long)pipeline.AthenaScanLimitGb * 1_000_000_000,
            },
        });
    }

    /// <summary>Logical ids as before the run history existed, so a stack update keeps its tables.</summary>
    private static string LogicalId(CatalogTable table) => table.Kind switch
    {
        CatalogTableKind.Silver => DeployNames.LogicalId("table", table.Dataset!, table.Table!),
        CatalogTableKind.Quarantine => DeployNames.LogicalId("table", table.Dataset!, table.Table!, "quarantine"),
        CatalogTableKind.RunHistory => "RunHistoryTable",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table.Kind, "Unknown catalog table kind."),
    };

    private static JsonObject GlueTable(CatalogTable table) => Resource("AWS::Glue::Table", new JsonObject
    {
        ["CatalogId"] = Ref("AWS::AccountId"),
        ["DatabaseName"] = Ref("GlueDatabase"),
        ["TableInput"] = new JsonObject
        {
            ["Name"] = table.Name,
            ["Description"] = table.Description,
            ["TableType"] = "EXTERNAL_TABLE",
            ["Parameters"] = new JsonObject { ["table_type"] = CatalogTable.TableType, ["classification"] = "delta" },
            ["StorageDescriptor"] = new JsonObject { ["Location"] = table.Location },
        },
    });
}
