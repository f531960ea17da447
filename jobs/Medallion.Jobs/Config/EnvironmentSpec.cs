namespace Medallion.Jobs.Config;

/// <summary><c>conf/medallion.yaml</c>: the environments a dataset can run in.</summary>
/// <param name="DefaultEnvironment">Used when <c>--env</c> is not given; <c>local</c> by default.</param>
/// <param name="Environments">The environments by name.</param>
/// <param name="Location">Where the settings were written.</param>
public sealed record MedallionConfig(
    string DefaultEnvironment,
    IReadOnlyDictionary<string, EnvironmentSpec> Environments,
    SourceLocation Location);

/// <summary>Which engine runs a dataset's SQL.</summary>
public enum EngineKind
{
    DuckDb,
    Spark,
}

/// <summary>One environment, e.g. <c>local</c> or <c>prod</c>.</summary>
/// <param name="Name">The environment name; <c>^[a-z][a-z0-9_-]{0,31}$</c>.</param>
/// <param name="LakeRoot">A local folder or <c>s3://bucket/prefix</c>; <c>./lake</c> for local. A relative folder is resolved by the loader against the project root (the conf folder's parent).</param>
/// <param name="RawRoot">Where source globs resolve: a local folder (resolved like <paramref name="LakeRoot"/>) or <c>s3://…</c>; <c>./samples</c> for local.</param>
/// <param name="Engine">Which engine runs the SQL; <see cref="EngineKind.DuckDb"/> by default.</param>
/// <param name="DuckDb">Embedded engine settings; <see cref="DuckDbSpec.Default"/> when not given.</param>
/// <param name="Aws">AWS settings, or null when the environment has no <c>aws</c> block.</param>
/// <param name="Location">Where the environment was written.</param>
public sealed record EnvironmentSpec(
    string Name,
    string LakeRoot,
    string RawRoot,
    EngineKind Engine,
    DuckDbSpec DuckDb,
    AwsSpec? Aws,
    SourceLocation Location)
{
    /// <summary>Automatic maintenance after each promotion (<c>maintenance:</c>).</summary>
    /// <value><see cref="MaintenanceSpec.Off"/> when the block is absent.</value>
    public MaintenanceSpec Maintenance { get; init; } = MaintenanceSpec.Off;
}

/// <summary>Embedded engine settings.</summary>
/// <param name="MemoryLimit">DuckDB <c>memory_limit</c>, e.g. <c>2GB</c>; past it DuckDB spills to <paramref name="TempDirectory"/>.</param>
/// <param name="TempDirectory">Spill folder; <c>./.medallion/tmp</c> by default, resolved like the roots against the project root.</param>
/// <param name="Threads">DuckDB threads; null lets DuckDB use every core.</param>
public sealed record DuckDbSpec(string MemoryLimit = "2GB", string TempDirectory = "./.medallion/tmp", int? Threads = null)
{
    public static DuckDbSpec Default { get; } = new();
}

/// <summary>AWS settings of an environment (S3 lakes, EMR Serverless).</summary>
/// <param name="Region">The AWS region, e.g. <c>eu-west-1</c>; required.</param>
/// <param name="EndpointUrl">Overrides every AWS endpoint (path-style S3), for S3-compatible servers and tests.</param>
/// <param name="ArtifactsPrefix">Where job artifacts are uploaded, e.g. <c>s3://acme-artifacts/medallion</c>.</param>
/// <param name="EmrApplicationId">The EMR Serverless application that runs Spark jobs.</param>
/// <param name="JobRoleArn">The IAM role EMR Serverless jobs run as.</param>
/// <param name="ReleaseLabel">The EMR release, e.g. <c>emr-7.2.0</c>.</param>
/// <param name="LogUri">Where EMR writes job logs.</param>
/// <param name="GlueDatabase">The Glue/Athena database the promoted tables are registered in; <c>medallion_{environment}</c> when not given.</param>
public sealed record AwsSpec(
    string Region,
    string? EndpointUrl = null,
    string? ArtifactsPrefix = null,
    string? EmrApplicationId = null,
    string? JobRoleArn = null,
    string? ReleaseLabel = null,
    string? LogUri = null,
    string? GlueDatabase = null)
{
    /// <summary>A customer-managed KMS key the environment's buckets are encrypted with; the job role may use it (and only it).</summary>
    /// <value>Null when the buckets use S3-managed keys.</value>
    public string? KmsKeyArn { get; init; }

    /// <summary>Job timeouts, retries, capacity, logging and guards of the deployed pipeline (<c>aws.pipeline</c>).</summary>
    /// <value><see cref="PipelineSpec.Default"/> when the block is absent.</value>
    public PipelineSpec Pipeline { get; init; } = PipelineSpec.Default;
}
