using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Plan;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>
/// Defence in depth behind the config check (issue 16, Why 2): whatever SQL reaches a step's DuckDB
/// session, it reads and writes only the step's own folders, files and temp directory. These tests
/// send hostile SQL straight to the session or the engine, bypassing the config loader.
/// </summary>
public sealed class DuckDbSandboxTests : IDisposable
{
    private readonly TempDirectory _folder = new("medallion-sandbox");

    public DuckDbSandboxTests()
    {
        Directory.CreateDirectory(Inside);
        File.WriteAllText(Path.Combine(Inside, "in.csv"), "a,b\n1,2\n");
        File.WriteAllText(Secret, "secret\n");
    }

    private string Inside => _folder.Combine("inside");

    private string Secret => _folder.Combine("secret.csv");

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string> Hostile => new()
    {
        { "SELECT * FROM read_csv('/etc/passwd')", "Permission Error" },
        { "SELECT * FROM read_csv('{secret}')", "Permission Error" },
        { "SELECT * FROM read_csv('{inside}/../secret.csv')", "Permission Error" },
        { "SELECT * FROM read_text('/etc/hostname')", "Permission Error" },
        { "SELECT * FROM glob('/etc/*')", "Permission Error" },
        { "COPY (SELECT 'x' AS x) TO '{outside}'", "Permission Error" },
        { "COPY (SELECT 'x' AS x) TO '{inside}/../outside.csv'", "Permission Error" },
        { "ATTACH '{outside}.db' AS other", "Permission Error" },
        { "EXPORT DATABASE '{outside}-export'", "Permission Error" },
        { "INSTALL httpfs", "Permission Error" },
        { "LOAD httpfs", "Permission Error" },
        { "SET enable_external_access = true", "the configuration has been locked" },
        { "SET allowed_directories = ['/']", "the configuration has been locked" },
        { "RESET lock_configuration", "the configuration has been locked" },
        { "SET autoload_known_extensions = true", "the configuration has been locked" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Execute_OutsideTheSandbox_IsRefusedByDuckDb(string statement, string expected)
    {
        using var sut = Session();
        var outside = _folder.Combine("outside.csv");

        var error = Assert.Throws<DuckDbEngineException>(() => sut.Execute(Expand(statement, outside)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(outside));
        Assert.False(File.Exists(outside + ".db"));
        Assert.False(Directory.Exists(outside + "-export"));
    }

    [Fact]
    public void Execute_InsideTheSandbox_ReadsAndWrites()
    {
        using var sut = Session();

        sut.Execute($"COPY (SELECT * FROM read_csv('{Inside}/in.csv')) TO '{Inside}/out.parquet' (FORMAT parquet)");

        Assert.Equal(1, sut.Scalar($"SELECT count(*) FROM read_parquet('{Inside}/out.parquet')"));
        // Row order is switched around raw loads; the lock leaves that one setting open.
        sut.InInputOrder(() => sut.Execute("SELECT 1"));
    }

    [Fact]
    public async Task RunSilverAsync_DeriveReadingAFileBehindTheConfigCheck_FailsInDuckDb()
    {
        using var lake = new TestLake();
        var (engine, plan, run) = Engine(lake, new DeriveTransform(
            "leak", ColumnType.String, "(SELECT string_agg(column0, '|') FROM read_csv('/etc/passwd', header = false))", SourceLocation.None));
        await engine.RunBronzeAsync(plan, run, [lake.WriteRaw("shop/orders.csv", "id\na1\n")], lake.RawRoot);

        var error = await Assert.ThrowsAsync<DuckDbEngineException>(() => engine.RunSilverAsync(plan, run));

        Assert.Contains("Permission Error: Cannot access file \"/etc/passwd\"", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(lake.LakeRoot, "silver")));
    }

    [Fact]
    public async Task RunSilverAsync_FilterReadingTheConfBehindTheConfigCheck_FailsInDuckDb()
    {
        using var lake = new TestLake();
        var (engine, plan, run) = Engine(lake, new FilterTransform(
            $"(SELECT count(*) FROM read_text('{lake.DatasetsDirectory}/shop.yaml')) > 0", SourceLocation.None));
        await engine.RunBronzeAsync(plan, run, [lake.WriteRaw("shop/orders.csv", "id\na1\n")], lake.RawRoot);

        var error = await Assert.ThrowsAsync<DuckDbEngineException>(() => engine.RunSilverAsync(plan, run));

        Assert.Contains("Permission Error: Cannot access file", error.Message, StringComparison.Ordinal);
    }

    private static (DuckDbEngine Engine, TablePlan Plan, RunContext Run) Engine(TestLake lake, params TransformSpec[] transforms)
    {
        var path = lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.csv, format: csv }
                columns: [{ name: id, type: string }]
            """);
        var dataset = ConfigLoader.LoadDataset(path);
        var table = dataset.Tables[0] with { Transforms = transforms };
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var engine = new DuckDbEngine(
            new DuckDbSpec("1GB", lake.EngineTempDirectory, Threads: 1),
            new DuckDbTables(lake.LakeRoot, lake.Store, new FakeTimeProvider(start)));
        return (engine, PlanCompiler.Compile(dataset, table), new RunContext("k1", start));
    }

    private DuckDbSession Session() =>
        new(new DuckDbSpec("1GB", _folder.Combine("tmp"), Threads: 1), new DuckDbSandbox([Inside], []));

    private string Expand(string statement, string outside) =>
        statement.Replace("{secret}", Secret, StringComparison.Ordinal)
            .Replace("{inside}", Inside, StringComparison.Ordinal)
            .Replace("{outside}", outside, StringComparison.Ordinal);
}
