namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>Settings errors that stand alone; several errors of one file are in <c>LoadSettings_BadValues_ReportsEachAtItsPosition</c>.</summary>
    public static TheoryData<string, string, int, int, string[]> SettingsErrors => new()
    {
        {
            "BadGlueDatabase_NamesTheRule",
            """
            environments:
              prod:
                lake_root: s3://acme-lake/medallion
                raw_root: s3://acme-raw/landing
                aws: { region: eu-west-1, glue_database: Acme-Lake }
            """,
            5, 46, ["`glue_database` must match ^[a-z0-9_]{1,255}\\z, found `Acme-Lake`"]
        },

        // Regression (issue 11): the job bundle carries Spark 3.5's jar, which only EMR 7.x runs.
        { "ReleaseLabelOfEmr6_NeedsSpark35", WithReleaseLabel("emr-6.15.0"), 5, 46, [ReleaseLabelMessage, "found `emr-6.15.0`"] },
        { "ReleaseLabelWithoutMinor_NeedsSpark35", WithReleaseLabel("emr-7"), 5, 46, [ReleaseLabelMessage, "found `emr-7`"] },
        { "ReleaseLabelWithoutEmr_NeedsSpark35", WithReleaseLabel("7.2.0"), 5, 46, [ReleaseLabelMessage, "found `7.2.0`"] },
    };

    private static string ReleaseLabelMessage => "`release_label` must be an EMR 7.x release such as `emr-7.2.0` (Spark 3.5";

    private static string WithReleaseLabel(string label) => $$"""
        environments:
          prod:
            lake_root: s3://lake
            raw_root: s3://raw
            aws: { region: eu-west-1, release_label: {{label}} }
        """;
}
