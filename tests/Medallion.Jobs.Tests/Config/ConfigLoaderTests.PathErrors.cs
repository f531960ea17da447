namespace Medallion.Jobs.Tests.Config;

/// <summary>
/// Regression (issue 16, Why 8): `medallion datasets` said OK and only `run` failed (after writing
/// under the lake) for a source path outside the raw root, an empty lake root, a CSV delimiter equal
/// to the quote and an unusable temp directory. Each is a config error now.
/// </summary>
public sealed partial class ConfigLoaderTests
{
    public static TheoryData<string, string, int, int, string[]> SourceErrors => new()
    {
        { "SourcePathClimbingOut_IsRefused", WithSource("{ path: ../../etc/*, format: csv }"), 4, 21, ["`path` must be a glob relative to the environment's raw root", "it climbs out of the raw root with `..`: `../../etc/*`"] },
        { "AbsoluteSourcePath_IsRefused", WithSource("{ path: /etc/passwd, format: csv }"), 4, 21, ["but it is absolute: `/etc/passwd`"] },
        { "SourcePathAsUri_IsRefused", WithSource("{ path: \"s3://other/x.csv\", format: csv }"), 4, 21, ["it is a URI"] },
        { "UnknownPlaceholder_IsRefused", WithSource("{ path: \"orders/dt={day}/*.json\", format: json }"), 4, 21, ["`{day}` is not a placeholder; the only one is {date}"] },
        { "SecondDatePlaceholder_IsRefused", WithSource("{ path: \"{date}/{date}.json\", format: json }"), 4, 21, ["it has {date} 2 times"] },
        { "DelimiterEqualToQuote_IsRefused", WithSource("{ path: a.csv, format: csv, csv: { delimiter: \"'\", quote: \"'\" } }"), 4, 59, ["`delimiter` `'` is also the quote character"] },
        { "DelimiterEqualToDefaultQuote_IsRefused", WithSource("{ path: a.csv, format: csv, csv: { delimiter: '\"' } }"), 4, 59, ["`delimiter` `\"` is also the quote character"] },
    };

    public static TheoryData<string, string, int, int, string[]> RootErrors => new()
    {
        { "EmptyLakeRoot_IsRefused", WithRoots("\"\"", "./raw"), 3, 16, ["`lake_root` `` cannot be opened: it is empty"] },
        { "BlankRawRoot_IsRefused", WithRoots("./lake", "\"  \""), 4, 15, ["`raw_root` `  ` cannot be opened: it is empty"] },
        { "UnknownStoreScheme_IsRefused", WithRoots("ftp://lake", "./raw"), 3, 16, ["`ftp://` is not a store Medallion knows"] },
        { "S3RootWithoutBucket_IsRefused", WithRoots("s3://", "./raw"), 3, 16, ["an s3:// root needs a bucket"] },
        { "LakeRootBelowAFile_IsRefused", WithRoots("/etc/passwd/lake", "./raw"), 3, 16, ["/etc/passwd is a file, not a folder"] },
        { "TempDirectoryBelowAFile_IsRefused", WithTemp("/etc/passwd/tmp"), 5, 31, ["`temp_directory` `/etc/passwd/tmp` is not a usable folder: /etc/passwd is a file, not a folder"] },
        { "TempDirectoryOnAReadOnlyFileSystem_IsRefused", WithTemp("/proc/medallion-tmp"), 5, 31, ["/proc is read-only"] },
        { "EmptyTempDirectory_IsRefused", WithTemp("\"\""), 5, 31, ["`temp_directory` `` is not a usable folder: it is empty"] },
    };

    private static string WithSource(string source) => $$"""
        dataset: orders
        tables:
          - name: t
            source: {{source}}
            columns: [{ name: id, type: string }]
        """;

    private static string WithRoots(string lake, string raw) => $$"""
        environments:
          local:
            lake_root: {{lake}}
            raw_root: {{raw}}
        """;

    private static string WithTemp(string temp) => $$"""
        environments:
          local:
            lake_root: ./lake
            raw_root: ./raw
            duckdb: { temp_directory: {{temp}} }
        """;
}
