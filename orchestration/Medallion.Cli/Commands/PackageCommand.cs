using System.CommandLine;
using Medallion.Aws;
using Medallion.Aws.Artifacts;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion package</c>: publishes the Spark job host for linux-x64 and zips it with the conf.</summary>
internal static class PackageCommand
{
    public static Command Create(CliContext context)
    {
        var environment = CommonOptions.Environment();
        var project = new Option<string>("--project")
        {
            Description = "The Spark job host project.",
            DefaultValueFactory = _ => "orchestration/Medallion.Jobs.Spark/Medallion.Jobs.Spark.csproj",
        };
        var output = new Option<string?>("--out", "-o") { Description = "The zip to write (default: ./artifacts/medallion-spark-<env>.zip)." };
        var command = new Command("package", "Publish the Spark job host self-contained for linux-x64 and zip it with the conf, for EMR Serverless.")
        {
            environment, project, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var confDirectory = parseResult.GetValue(CommonOptions.Conf)!;
            var configuration = CliContext.LoadConfiguration(confDirectory);
            var aws = AwsEnvironment.Resolve(configuration, parseResult.GetValue(environment));
            var zip = parseResult.GetValue(output) ?? Path.Combine("artifacts", $"medallion-spark-{aws.Name}.zip");
            var publish = Path.Combine(Path.GetTempPath(), $"medallion-publish-{Guid.NewGuid():N}");
            try
            {
                await context.Output.WriteLineAsync($"publishing {parseResult.GetValue(project)} for linux-x64 …");
                await BundlePackager.PublishAsync(parseResult.GetValue(project)!, publish, cancellationToken);
                BundlePackager.CreateZip(publish, confDirectory, zip);
            }
            finally
            {
                if (Directory.Exists(publish))
                {
                    Directory.Delete(publish, recursive: true);
                }
            }

            await context.Output.WriteLineAsync($"wrote {Path.GetFullPath(zip)}; `medallion submit <dataset> --env {aws.Name}` uploads it to {ArtifactLayout.BundleName} under the artifacts prefix.");
            return ExitCodes.Success;
        });
        return command;
    }
}
