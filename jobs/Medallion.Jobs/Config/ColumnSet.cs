namespace Medallion.Jobs.Config;

/// <summary>The ordered, mutable column list <see cref="ColumnFlow"/> walks through the transforms.</summary>
internal sealed class ColumnSet
{
    private readonly List<TypedColumn> _columns;

    public ColumnSet(IEnumerable<TypedColumn> columns) => _columns = [.. columns];

    public int Count => _columns.Count;

    public IEnumerable<string> Names => _columns.Select(c => c.Name);

    /// <summary>Exact-name lookup: transforms must spell a column as it was declared.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    public TypedColumn? Find(string name) => IndexOf(name) is var i and >= 0 ? _columns[i] : null;

    /// <summary>
    /// A column whose name equals <paramref name="name"/> ignoring case: SQL engines treat such
    /// names as the same column, so a new column may not take one.
    /// </summary>
    public TypedColumn? Clash(string name) => _columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public void Remove(string name) => _columns.RemoveAt(IndexOf(name));

    /// <summary>Replaces the column called <paramref name="name"/> in place, or appends when there is none.</summary>
    public void Set(string name, TypedColumn column)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _columns[index] = column;
        }
        else
        {
            _columns.Add(column);
        }
    }

    public IReadOnlyList<TypedColumn> Snapshot() => [.. _columns];

    /// <summary>The names, for "columns at this step are: ..." in messages.</summary>
    public override string ToString() => _columns.Count == 0 ? "(none)" : string.Join(", ", Names);

    private int IndexOf(string name) => _columns.FindIndex(c => c.Name == name);
}
