using System.Security.Cryptography;
using System.Text;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;

namespace Medallion.Aws.Submit;

/// <summary>
/// How one step of a run is started on EMR Serverless: the microsoft-spark jar as entry point,
/// <c>DotnetRunner</c> as the class, the bundle zip as the application, then the job host's own
/// arguments. <c>medallion submit</c> and the deployed state machine both build it here, so a
/// scheduled run starts exactly what a submitted one does.
/// </summary>
public static class SparkJob
{
    /// <summary>The job host's executable inside the bundle (self-contained linux-x64).</summary>
    public const string HostExecutable = "Medallion.Jobs.Spark";

    /// <summary>
    /// Delta through EMR's bundled delta-spark (EMR 7.x ships it under /usr/share/aws/delta/lib),
    /// and DotnetRunner as the driver class that unpacks the zip and starts the .NET host.
    /// </summary>
    public const string SparkSubmitParameters =
        "--class org.apache.spark.deploy.dotnet.DotnetRunner" +
        " --conf spark.jars=/usr/share/aws/delta/lib/delta-spark.jar,/usr/share/aws/delta/lib/delta-storage.jar" +
        " --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension" +
        " --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog";

    /// <summary>The steps a run has; <see cref="Promote"/> runs validate and promote (scheduled runs).</summary>
    public const string Bronze = "bronze";
    public const string Silver = "silver";
    public const string Promote = "promote";

    /// <summary>
    /// Entry point arguments: the bundle, the executable, then <c>run &lt;dataset&gt; [--table T]
    /// --layer L --run-key K --env E --conf conf</c> (the conf folder inside the bundle).
    /// </summary>
    public static IReadOnlyList<string> Arguments(ArtifactLayout artifacts, string environment, string dataset, string? table, string step, string runKey)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        List<string> arguments = [artifacts.Bundle.ToString(), HostExecutable, step == Promote ? "promote" : "run", dataset];
        if (table is not null)
        {
            arguments.AddRange(["--table", table]);
        }

        if (step != Promote)
        {
            arguments.AddRange(["--layer", step]);
        }

        arguments.AddRange(["--run-key", runKey, "--env", environment, "--conf", "conf"]);
        return arguments;
    }

    /// <summary>The job run for one step of <paramref name="runKey"/>.</summary>
    public static EmrJobRunRequest Request(AwsEnvironment environment, string dataset, string? table, string step, string runKey)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var aws = environment.Aws;
        var artifacts = ArtifactLayout.For(aws.ArtifactsPrefix!);
        var name = $"{dataset}{(table is null ? "" : "." + table)}-{step}-{runKey}";
        return new EmrJobRunRequest(
            aws.EmrApplicationId!,
            ClientToken(runKey, name),
            aws.JobRoleArn!,
            name.Length <= 256 ? name : name[..256],
            artifacts.Jar.ToString(),
            Arguments(artifacts, environment.Name, dataset, table, step, runKey),
            SparkSubmitParameters,
            aws.LogUri);
    }

    /// <summary>
    /// The idempotency token of one job run: stable for the same run key and step, so a retried or
    /// re-submitted start does not start a second run. 64 hex characters fit the model's
    /// <c>[A-Za-z0-9._-]{1,64}</c> whatever the key.
    /// </summary>
    // TODO(merge): switch to RunKey.ClientToken(key) from jobs/Medallion.Jobs/Lake/RunKey.cs, applied to "{runKey}/{scope}".
    private static string ClientToken(string runKey, string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{runKey}\n{scope}")));
}
