namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void LoadSettings_GlueDatabase_IsRead()
    {
        var path = _files.WriteSettings("""
            environments:
              prod:
                lake_root: s3://acme-lake/medallion
                raw_root: s3://acme-raw/landing
                aws: { region: eu-west-1, glue_database: acme_lake }
            """);

        var sut = Jobs.Config.ConfigLoader.LoadSettings(path);

        Assert.Equal("acme_lake", sut.Environments["prod"].Aws!.GlueDatabase);
    }
}
