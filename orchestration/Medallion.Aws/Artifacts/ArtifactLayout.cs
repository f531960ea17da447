namespace Medallion.Aws.Artifacts;

/// <summary>
/// Where an environment's job artifacts live under its <c>artifacts_prefix</c>. The bundle key is
/// stable so the deployed state machine always starts the latest uploaded bundle.
/// </summary>
public sealed record ArtifactLayout(S3Uri Prefix)
{
    /// <summary>
    /// The microsoft-spark jar, the Spark entry point that starts the .NET job host: the Spark 3.5
    /// (Scala 2.12) jar of the Microsoft.Spark package the host is built with, which ships it in its
    /// <c>jars/</c> folder and copies it into the publish folder. Its version is the package's
    /// (Directory.Packages.props; a test keeps the two equal).
    /// </summary>
    public const string MicrosoftSparkJar = "microsoft-spark-3-5_2.12-2.3.1.jar";

    /// <summary>The job host and the conf, zipped by <c>medallion package</c>.</summary>
    public const string BundleName = "medallion-spark.zip";

    public static ArtifactLayout For(string artifactsPrefix) => new(S3Uri.Parse(artifactsPrefix));

    public S3Uri Bundle => Prefix.Child(BundleName);

    public S3Uri Jar => Prefix.Child(MicrosoftSparkJar);

    /// <summary>The conf a run was submitted with, kept beside its logs for anyone reproducing it.</summary>
    public S3Uri Conf => Prefix.Child("conf");

    /// <summary>Athena query results for the environment's workgroup.</summary>
    public S3Uri AthenaResults => Prefix.Child("athena-results");
}
