using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Sql;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// Two Glue tables per configured table — the promoted silver table over its stable
    /// <c>current/</c> Delta table and the quarantine table — named by <see cref="CatalogNames"/>
    /// exactly as <c>medallion athena ddl</c> names them (<c>table_type=DELTA</c>: Athena engine v3
    /// reads the schema from the Delta log), and an Athena workgroup whose results stay under the
    /// artifacts prefix.
    /// </summary>
    private static void AddCatalog(JsonObject resources, MedallionConfiguration configuration, AwsEnvironment environment, Scope scope)
    {
        resources["GlueDatabase"] = Resource("AWS::Glue::Database", new JsonObject
        {
            ["CatalogId"] = Ref("AWS::AccountId"),
            ["DatabaseInput"] = new JsonObject
            {
                ["Name"] = CatalogNames.Database(environment.Environment),
                ["Description"] = $"Promoted Medallion silver tables and their quarantine tables of environment {environment.Name}.",
            },
        });

        foreach (var dataset in configuration.Datasets)
        {
            foreach (var table in dataset.Tables)
            {
                var layout = new LakeLayout(dataset.Name, table.Name, table.SchemaVersion);
                resources[DeployNames.LogicalId("table", dataset.Name, table.Name)] =
                    GlueTable(CatalogNames.Table(dataset.Name, table.Name), scope.Lake.Child(layout.SilverCurrent));
                resources[DeployNames.LogicalId("table", dataset.Name, table.Name, "quarantine")] =
                    GlueTable(CatalogNames.QuarantineTable(dataset.Name, table.Name), scope.Lake.Child(layout.Quarantine));
            }
        }

        resources["AthenaWorkGroup"] = Resource("AWS::Athena::WorkGroup", new JsonObject
        {
            ["Name"] = DeployNames.WorkGroup(environment.Name),
            ["Description"] = $"Queries over Medallion environment {environment.Name}.",
            ["WorkGroupConfiguration"] = new JsonObject
            {
                ["EnforceWorkGroupConfiguration"] = true,
                ["EngineVersion"] = new JsonObject { ["SelectedEngineVersion"] = "Athena engine version 3" },
                ["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = ArtifactLayout.For(environment.Aws.ArtifactsPrefix!).AthenaResults + "/" },
            },
        });
    }

    private static JsonObject GlueTable(string name, S3Uri location) => Resource("AWS::Glue::Table", new JsonObject
    {
        ["CatalogId"] = Ref("AWS::AccountId"),
        ["DatabaseName"] = Ref("GlueDatabase"),
        ["TableInput"] = new JsonObject
        {
            ["Name"] = name,
            ["TableType"] = "EXTERNAL_TABLE",
            ["Parameters"] = new JsonObject { ["table_type"] = "DELTA", ["classification"] = "delta" },
            ["StorageDescriptor"] = new JsonObject { ["Location"] = location + "/" },
        },
    });
}
