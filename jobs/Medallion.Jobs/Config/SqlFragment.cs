using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Config;

/// <summary>
/// A SQL fragment as a dataset file wrote it: the text Medallion embeds in its SQL, what it stands
/// for, and where it is, so a problem DuckDB finds in it is reported at the fragment, not in generated SQL.
/// </summary>
/// <param name="Text">The fragment as written.</param>
/// <param name="Role">A value or a condition.</param>
/// <param name="Location">Where the fragment's text starts.</param>
/// <param name="TextColumn">The column of the fragment's first character when the text is one line written as is (offsets map to columns); null otherwise.</param>
internal sealed record SqlFragment(string Text, SqlFragmentRole Role, SourceLocation Location, int? TextColumn = null)
{
    /// <summary>The fragment is not one expression (reported already): it is not bound against its columns.</summary>
    public bool Refused { get; init; }

    /// <summary>Where character <paramref name="offset"/> of the text is, as closely as the YAML allows.</summary>
    public SourceLocation At(int? offset) =>
        offset is { } at && TextColumn is { } column ? Location with { Column = column + at } : Location;
}
