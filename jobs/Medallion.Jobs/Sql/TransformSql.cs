using Medallion.Jobs.Config;

namespace Medallion.Jobs.Sql;

/// <summary>
/// The SQL of one transform step, as the kind writes it: columns it defines anew, columns it
/// renames and flag columns it adds. Columns it does not touch are carried over as they are,
/// and columns it drops are simply no longer selected.
/// </summary>
/// <param name="dialect">The dialect to write in.</param>
/// <param name="step">The transform's index in the table's transforms; flag names include it.</param>
/// <param name="liveSoFar">A condition true for rows that are live before this step (not malformed or filtered).</param>
/// <param name="before">The columns before the step, with their types.</param>
internal sealed class TransformSql(ISqlDialect dialect, int step, string liveSoFar, IReadOnlyList<TypedColumn> before)
{
    private readonly Dictionary<string, string> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _renamedFrom = new(StringComparer.Ordinal);
    private readonly List<StepFlag> _flags = [];
    private readonly List<Deduplication> _deduplications = [];

    public ISqlDialect Dialect => dialect;

    public int Step => step;

    public string LiveSoFar => liveSoFar;

    /// <summary>The flags the step adds, in the order added.</summary>
    public IReadOnlyList<StepFlag> Flags => _flags;

    /// <summary>The deduplications the step asks for (decided after the rules, see <see cref="Deduplicate"/>).</summary>
    public IReadOnlyList<Deduplication> Deduplications => _deduplications;

    /// <summary>The type <paramref name="column"/> has before the step (the config loader checked it exists).</summary>
    public ColumnType TypeBefore(string column) =>
        before.First(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)).Type;

    /// <summary>A quoted column reference.</summary>
    public string Column(string name) => dialect.Identifier(name);

    /// <summary>Gives <paramref name="column"/> (new or existing) the value of <paramref name="sql"/>.</summary>
    public void Define(string column, string sql) => _definitions[column] = sql;

    /// <summary>Replaces each column by <paramref name="expression"/> of its quoted reference.</summary>
    public void Redefine(IEnumerable<string> columns, Func<string, string> expression)
    {
        foreach (var column in columns)
        {
            Define(column, expression(Column(column)));
        }
    }

    public void Rename(string from, string to) => _renamedFrom[to] = from;

    public void Flag(string column, RowFlag kind, string sql) => _flags.Add(new StepFlag(column, kind, sql));

    /// <summary>
    /// Keeps one row per <paramref name="key"/>, the latest (or first) by <paramref name="orderBy"/>,
    /// among the rows that pass every rule: the renderer decides it after the rules, with the
    /// values the columns have at this step.
    /// </summary>
    public void Deduplicate(IReadOnlyList<string> key, string orderBy, bool keepLatest) => _deduplications.Add(new Deduplication(
        step,
        key.Select((k, i) => ($"__dedup_{step}_k{i}", Column(k))).ToList(),
        ($"__dedup_{step}_by", Column(orderBy)),
        keepLatest));

    /// <summary>The select items of the data columns after the step, in order.</summary>
    public IReadOnlyList<string> SelectItems(IReadOnlyList<TypedColumn> after) => after
        .Select(c => _definitions.TryGetValue(c.Name, out var sql)
            ? $"{sql} AS {Column(c.Name)}"
            : _renamedFrom.TryGetValue(c.Name, out var from) ? $"{Column(from)} AS {Column(c.Name)}" : Column(c.Name))
        .ToList();
}
