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
        ],
        "lake_root", "raw_root");

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
        ],
        "region");
}
