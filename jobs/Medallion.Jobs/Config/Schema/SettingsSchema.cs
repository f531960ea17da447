using System.Text.Json.Nodes;

namespace Medallion.Jobs.Config.Schema;

/// <summary>The JSON Schema of <c>medallion.yaml</c>, built from what <see cref="SettingsParser"/> reads.</summary>
internal static class SettingsSchema
{
    public static JsonObject Build()
    {
        var definitions = new JsonObject
        {
            ["environment"] = Environment(),
            ["duckdb"] = DuckDb(),
            ["aws"] = Aws(),
            ["maintenance"] = Maintenance(),
        };
        var environments = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The environments by name.",
            ["propertyNames"] = new JsonObject { ["pattern"] = ConfigNames.EnvironmentPattern },
            ["additionalProperties"] = Json.Ref("environment"),
        };
        var root = Json.Object(
            "Medallion environments (docs/configuration.md).",
            [("default_environment", Json.String("Used when --env is not given; default local.")), ("environments", environments)],
            "environments");
        return ConfigSchemas.Document("Medallion environments (conf/medallion.yaml)", root, definitions);
    }

    private static JsonObject Environment() => Json.Object(
        "An environment: where the lake and the raw files are, and which engine runs.",
        [
            ("lake_root", Json.String("A local folder or s3://bucket/prefix.")),
            ("raw_root", Json.String("Where source globs resolve: a local folder or s3://bucket/prefix.")),
            ("engine", Json.Enum("Which engine runs the SQL; default duckdb.", SettingsParser.Engines.Keys)),
            ("duckdb", Json.Ref("duckdb")),
            ("aws", Json.Ref("aws")),
            ("maintenance", Json.Ref("maintenance")),
        ],
        "lake_root", "raw_root");

    private static JsonObject Maintenance() => Json.Object(
        "Automatic maintenance after each promotion; off by default.",
        [
            ("optimize_small_files", Json.Integer("Compact a partition of current/ once it holds more than this many files below target_file_size.", 1)),
            ("target_file_size", Json.String("The size compacted files aim at, e.g. 64MB or 1GB; default 128MB.", "^\\s*\\d+(\\.\\d+)?\\s*([KMGTkmgt][Ii]?[Bb]|[Bb])?\\s*$")),
        ]);

    private static JsonObject DuckDb() => Json.Object(
        "Embedded engine settings.",
        [
            ("memory_limit", Json.String("A DuckDB size such as 512MB or 2GB; default 2GB.", "^\\s*\\d+(\\.\\d+)?\\s*([KMGTkmgt][Ii]?)?[Bb]\\s*$")),
            ("temp_directory", Json.String("Spill folder; default ./.medallion/tmp.")),
            ("threads", Json.Integer("DuckDB threads; default every core.", 1)),
        ]);

    private static JsonObject Aws() => Json.Object(
        "AWS settings (S3 lakes, EMR Serverless).",
        [
            ("region", Json.String("The AWS region, e.g. eu-west-1.")),
            ("endpoint_url", Json.String("Overrides every AWS endpoint (S3-compatible servers, tests).")),
            ("artifacts_prefix", Json.String("Where job artifacts are uploaded (s3://…).")),
            ("emr_application_id", Json.String("The EMR Serverless application.")),
            ("job_role_arn", Json.String("The IAM role EMR jobs run as.")),
            ("release_label", Json.String("An EMR 7.x release (Spark 3.5), e.g. emr-7.2.0.", "^emr-7\\.\\d+\\.\\d+$")),
            ("log_uri", Json.String("Where EMR writes job logs.")),
            ("glue_database", Json.String("The Glue/Athena database; default medallion_<environment>.", "^[a-z0-9_]{1,255}$")),
            ("kms_key_arn", Json.String("The KMS key of encrypted buckets and topics; the job role may use this key only.")),
            ("pipeline", Pipeline()),
        ],
        "region");

    /// <summary><c>aws.pipeline</c> (<see cref="PipelineSpec"/>): every key optional.</summary>
    private static JsonObject Pipeline() => Json.Object(
        "How the deployed pipeline runs jobs, and its guards (docs/deploy.md); every key has a default.",
        [
            ("bronze_timeout_minutes", Json.Integer("EMR cancels a bronze job run past this; default 240.", 1)),
            ("silver_timeout_minutes", Json.Integer("The same for silver; default 240.", 1)),
            ("promote_timeout_minutes", Json.Integer("The same for validate-and-promote; default 60.", 1)),
            ("job_retries", Json.Integer("New job runs after a failed bronze or silver one; default 1, at most 3.", 0)),
            ("max_vcpu", Json.Integer("The EMR application's maximum vCPU; default 400.", 1)),
            ("max_memory_gb", Json.Integer("Its maximum memory in GB; default 3000.", 1)),
            ("max_disk_gb", Json.Integer("Its maximum disk in GB; default 20000.", 1)),
            ("idle_timeout_minutes", Json.Integer("The application stops after this long idle; default 15.", 1)),
            ("log_level", Json.Enum("The state machine's log level; default ERROR.", PipelineSpec.LogLevels)),
            ("log_retention_days", Json.Integer("Days its log group keeps events (a CloudWatch Logs retention); default 90.", 1)),
            ("notify_success", Json.Boolean("Publish per-table counts after a successful run; default false.")),
            ("athena_scan_limit_gb", Json.Integer("The workgroup's bytes-scanned cutoff per query in GB; default 100.", 1)),
            ("analyst_policy", Json.Boolean("Create a read-only managed policy for analysts; default false.")),
            ("event_run_limit", Json.Integer("Running executions beyond which an S3-event execution ends as deferred (its object waits for the next run); default 4, at most 999.", 1)),
        ]);
}
