using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The file system a DuckDB database may touch, and the settings that hold it there. With
/// <c>enable_external_access = false</c> DuckDB refuses every file, URL, <c>ATTACH</c>,
/// <c>INSTALL</c>, <c>LOAD</c> and <c>COPY … TO</c> except below <see cref="Directories"/> and at
/// <see cref="Files"/> (DuckDB 1.5, verified by Medallion's tests: a path with <c>..</c> is refused
/// even when it starts inside an allowed folder); <c>lock_configuration</c> then keeps any later
/// statement from lifting it. Extensions are neither installed nor loaded on demand.
/// </summary>
/// <param name="Directories">Folders read and written below (the step's inputs, outputs and temp directory), as absolute paths.</param>
/// <param name="Files">Single files that may be read (a step's raw input files), as absolute paths.</param>
public sealed record DuckDbSandbox(IReadOnlyList<string> Directories, IReadOnlyList<string> Files)
{
    /// <summary>No file at all: for databases that only compute (checking SQL fragments).</summary>
    public static DuckDbSandbox Nothing { get; } = new([], []);

    /// <summary>
    /// Settings a locked session may still change: <see cref="DuckDbSession.InInputOrder"/> switches
    /// row order on and off around raw loads. Nothing here widens what the session can reach.
    /// </summary>
    private static readonly string[] StillChangeable = ["preserve_insertion_order"];

    /// <summary>The statements that confine a database; run them after every other setting, since the last one locks them all.</summary>
    public IReadOnlyList<string> Statements()
    {
        var sql = DuckDbDialect.Instance;
        // A folder is matched as a prefix: the separator at the end keeps "/lake/t" from allowing "/lake/t2".
        var folders = Directories.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).ToList();
        var directories = folders.Select(d => d + Path.DirectorySeparatorChar);
        // DuckDB checks a read's argument as written, before expanding it, and every reader names a
        // file by its escaped spelling (RawFileNames.DuckDbLiteral: b*.csv is read as b[*].csv), so
        // both spellings are allowed. The folder itself as a path too: a partitioned COPY names it as its target.
        var files = Files.Select(Path.GetFullPath)
            .SelectMany(f => new[] { f, RawFileNames.DuckDbLiteral(f) })
            .Distinct(StringComparer.Ordinal)
            .Concat(folders);
        return
        [
            "SET autoinstall_known_extensions = false",
            "SET autoload_known_extensions = false",
            $"SET allowed_directories = {List(directories)}",
            $"SET allowed_paths = {List(files)}",
            "SET enable_external_access = false",
            $"SET allowed_configs = {List(StillChangeable)}",
            "SET lock_configuration = true",
        ];

        string List(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(sql.StringLiteral))}]::VARCHAR[]";
    }
}
