using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Which implementation runs each <see cref="EngineKind"/>, listed once so that nothing else switches
/// on the engine. The orchestrator itself knows only the embedded engine; a host adds the engines it
/// can reach: the <c>medallion</c> command line adds Spark on EMR Serverless from Medallion.Aws, which
/// sits above this project and so cannot be named here.
/// </summary>
public sealed class RunEngineCatalog
{
    private readonly Dictionary<EngineKind, Entry> _engines = [];

    /// <summary>The names <c>engine:</c> and <c>--engine</c> accept, in the order the engines were added.</summary>
    public IReadOnlyList<string> Names => [.. _engines.Values.Select(e => e.Name)];

    /// <summary>A catalogue with the embedded DuckDB engine only.</summary>
    public static RunEngineCatalog Embedded() => new RunEngineCatalog().Add(EngineKind.DuckDb, EmbeddedEngine.EngineName, context => new EmbeddedEngine(context));

    /// <summary>Registers (or replaces) the engine that runs <paramref name="kind"/>.</summary>
    /// <param name="name">The name <c>engine:</c> gives it in <c>medallion.yaml</c>.</param>
    /// <param name="open">Opens the engine for one command; it should not reach any service before its first layer runs (<c>medallion plan</c> only describes).</param>
    public RunEngineCatalog Add(EngineKind kind, string name, Func<RunEngineContext, IRunEngine> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(open);
        _engines[kind] = new Entry(name, open);
        return this;
    }

    /// <summary>The engine called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No engine has that name (a usage error).</exception>
    public EngineKind Find(string name)
    {
        foreach (var (kind, entry) in _engines)
        {
            if (entry.Name == name)
            {
                return kind;
            }
        }

        throw new ArgumentException($"Unknown engine '{name}'. Engines: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Opens the engine of <paramref name="kind"/> for <paramref name="context"/>'s environment.</summary>
    /// <exception cref="MedallionException">This host has no engine of that kind.</exception>
    public IRunEngine Open(EngineKind kind, RunEngineContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _engines.TryGetValue(kind, out var entry)
            ? entry.Open(context)
            : throw new MedallionException(
                $"{context.Environment.Location}: environment `{context.Environment.Name}` runs on engine `{kind.ToString().ToLowerInvariant()}`, " +
                $"which this program cannot start (it runs {string.Join(", ", Names)}); the medallion command line runs it.");
    }

    private sealed record Entry(string Name, Func<RunEngineContext, IRunEngine> Open);
}
