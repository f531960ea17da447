namespace Medallion.Jobs.Sql;

/// <summary>A function or operator both engines have.</summary>
/// <param name="Name">As DuckDB's parse tree writes it, in lower case.</param>
/// <param name="Example">A fragment that uses it over the test row (<c>s</c>, <c>t</c> text, <c>n</c>, <c>m</c> long, <c>x</c> double, <c>d</c> date, <c>ts</c> timestamp).</param>
/// <param name="Written">How SQL writes it when that differs from <paramref name="Name"/> (<c>LIKE</c> for <c>~~</c>).</param>
/// <param name="MinArguments">Fewest arguments that mean the same in both engines; null for no limit.</param>
/// <param name="MaxArguments">Most arguments that mean the same in both engines; null for no limit.</param>
/// <param name="Note">What to know about it, for the docs and the error message.</param>
internal sealed record PortableFunction(
    string Name, string Example, string? Written = null, int? MinArguments = null, int? MaxArguments = null, string? Note = null)
{
    /// <summary>How a person writes it.</summary>
    public string Display => Written ?? Name;
}
