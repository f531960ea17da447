using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;

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
    /// DotnetRunner refuses Spark patch releases it was not built with (2.3.1 knows 3.5.0 to 3.5.4;
    /// later EMR 7.x releases ship newer 3.5.x), so the patch check is off: the environment's
    /// <c>release_label</c> alone chooses the Spark version, and any 3.5.x speaks the same protocol.
    /// </summary>
    public const string SparkSubmitParameters =
        "--class org.apache.spark.deploy.dotnet.DotnetRunner" +
        " --conf spark.dotnet.ignoreSparkPatchVersionCheck=true" +
        " --conf spark.jars=/usr/share/aws/delta/lib/delta-spark.jar,/usr/share/aws/delta/lib/delta-storage.jar" +
        " --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension" +
        " --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog";

    /// <summary>The steps a run has; <see cref="Promote"/> validates and promotes (the state machine's last task).</summary>
    public const string Bronze = SparkJobArguments.Bronze;
    public const string Silver = SparkJobArguments.Silver;
    public const string Promote = SparkJobArguments.Promote;

    /// <summary>The conf folder inside the bundle (<see cref="Artifacts.BundlePackager"/> puts it there).</summary>
    public const string BundleConf = "conf";

    /// <summary>
    /// Entry point arguments: the bundle and the executable (DotnetRunner's), then exactly what the
    /// job host's <see cref="SparkJobArguments.Parse"/> reads: <c>--conf conf --dataset D [--table T]
    /// --step S --run-key K --env E</c>.
    /// </summary>
    public static IReadOnlyList<string> Arguments(ArtifactLayout artifacts, string environment, string dataset, string? table, string step, string runKey) =>
        Arguments(artifacts, new SparkJobArguments(BundleConf, dataset, table, step, runKey, environment));

    /// <summary>Entry point arguments for the job host's <paramref name="host"/> arguments (with what ran it, when the launcher knows).</summary>
    public static IReadOnlyList<string> Arguments(ArtifactLayout artifacts, SparkJobArguments host)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(host);
        return [artifacts.Bundle.ToString(), HostExecutable, .. host.ToArguments()];
    }

    /// <summary>The job run for one step of <paramref name="runKey"/>.</summary>
    /// <param name="attempt">
    /// Names one attempt at the step (see <see cref="JobAttempt"/>): the client token is the same
    /// for every try of one StartJobRun call (EMR returns the job run already started) and new
    /// for a new attempt, which gets a job run of its own instead of the failed one back.
    /// </param>
    public static EmrJobRunRequest Request(AwsEnvironment environment, string dataset, string? table, string step, string runKey, string attempt)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var aws = environment.Aws;
        var artifacts = ArtifactLayout.For(aws.ArtifactsPrefix!);
        var scope = $"{dataset}{(table is null ? "" : "." + table)}.{step}.{attempt}";
        var name = $"{dataset}{(table is null ? "" : "." + table)}-{step}-{runKey}";
        return new EmrJobRunRequest(
            aws.EmrApplicationId!,
            RunKey.ClientToken(runKey, scope),
            aws.JobRoleArn!,
            name.Length <= 256 ? name : name[..256],
            artifacts.Jar.ToString(),
            Arguments(artifacts, environment.Name, dataset, table, step, runKey),
            SparkSubmitParameters,
            aws.LogUri,
            TimeoutMinutes(aws.Pipeline, step));
    }

    /// <summary>The step's <c>executionTimeoutMinutes</c> from <c>aws.pipeline</c>, for submit and the state machine alike.</summary>
    public static int TimeoutMinutes(Jobs.Config.PipelineSpec pipeline, string step)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return step switch
        {
            Bronze => pipeline.BronzeTimeoutMinutes,
            Silver => pipeline.SilverTimeoutMinutes,
            Promote => pipeline.PromoteTimeoutMinutes,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step of a run."),
        };
    }
}
