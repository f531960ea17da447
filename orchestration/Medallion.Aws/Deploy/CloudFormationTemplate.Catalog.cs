using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// One Glue table per promoted table, over its stable <c>current/</c> Delta table
    /// (<c>table_type=DELTA</c>: Athena engine v3 reads the schema from the Delta log), and an
    /// Athena workgroup whose results stay under the artifacts prefix.
    /// </summary>
    private static void AddCatalog(JsonObject resources, MedallionConfiguration configuration, AwsEnvironment environment, Scope scope)
    {
        resources["GlueDatabase"] = Resource("AWS::Glue::Database", new JsonObject
        {
            ["CatalogId"] = Ref("AWS::AccountId"),
            ["DatabaseInput"] = new JsonObject
            {
                ["Name"] = DeployNames.GlueDatabase(environment.Name),
                ["Description"] = $"Promoted Medallion silver tables of environment {environment.Name}.",
            },
        });

        foreach (var dataset in configuration.Datasets)
        {
            foreach (var table in dataset.Tables)
            {
                var current = scope.Lake.Child(new LakeLayout(dataset.Name, table.Name, table.SchemaVersion).SilverCurrent);
                resources[DeployNames.LogicalId("table", dataset.Name, table.Name)] = Resource("AWS::Glue::Table", new JsonObject
                {
                    ["CatalogId"] = Ref("AWS::AccountId"),
                    ["DatabaseName"] = Ref("GlueDatabase"),
                    ["TableInput"] = new JsonObject
                    {
                        ["Name"] = DeployNames.GlueTable(dataset.Name, table.Name),
                        ["TableType"] = "EXTERNAL_TABLE",
                        ["Parameters"] = new JsonObject { ["table_type"] = "DELTA", ["classification"] = "delta" },
                        ["StorageDescriptor"] = new JsonObject { ["Location"] = current + "/" },
                    },
                });
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
}
