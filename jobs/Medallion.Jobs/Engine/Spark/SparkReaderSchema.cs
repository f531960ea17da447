using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// The explicit reader schema of a table: every declared field as a STRING (typing happens in
/// SQL, where a bad value becomes a malformed record instead of a failed job). A dotted JSON
/// field such as <c>title.rendered</c> becomes a nested STRUCT.
/// </summary>
internal static class SparkReaderSchema
{
    private static readonly SparkDialect Sql = SparkDialect.Instance;

    /// <summary>A DDL string for <c>DataFrameReader.Schema</c>, e.g. <c>`id` STRING, `title` STRUCT&lt;`rendered`: STRING&gt;</c>.</summary>
    public static string Ddl(TableSpec table, bool withCorruptColumn)
    {
        var fields = Root(table).Children.Select(c => $"{Sql.Identifier(c.Name)} {c.Type()}").ToList();
        if (withCorruptColumn)
        {
            fields.Add($"{Sql.Identifier(SparkRawRead.CorruptColumn)} STRING");
        }

        return string.Join(", ", fields);
    }

    /// <summary>The schema's top-level columns in order, without the corrupt-record column: <c>id</c>, <c>title</c>.</summary>
    public static IReadOnlyList<string> Columns(TableSpec table) => Root(table).Children.Select(c => c.Name).ToList();

    /// <summary>How SQL reads a declared field from the raw view: <c>`title`.`rendered`</c>.</summary>
    public static string FieldReference(ColumnSpec column) => string.Join(".", column.Field.Split('.').Select(Sql.Identifier));

    private static Node Root(TableSpec table)
    {
        var root = new Node();
        foreach (var column in table.Columns)
        {
            var node = root;
            foreach (var part in column.Field.Split('.'))
            {
                node = node.Child(part);
            }
        }

        return root;
    }

    /// <summary>A field of the schema tree; children keep the order columns declare them in.</summary>
    private sealed class Node(string name = "")
    {
        public string Name { get; } = name;

        public List<Node> Children { get; } = [];

        public Node Child(string name)
        {
            var child = Children.FirstOrDefault(c => c.Name == name);
            if (child is null)
            {
                child = new Node(name);
                Children.Add(child);
            }

            return child;
        }

        public string Type() => Children.Count == 0
            ? "STRING"
            : "STRUCT<" + string.Join(", ", Children.Select(c => $"{Sql.Identifier(c.Name)}: {c.Type()}")) + ">";
    }
}
