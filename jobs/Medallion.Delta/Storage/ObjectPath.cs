namespace Medallion.Delta.Storage;

/// <summary>Checks and joins the relative, forward-slash paths every store accepts.</summary>
/// <remarks>Public for store implementations in other packages, so that every store refuses exactly the same paths.</remarks>
public static class ObjectPath
{
    /// <summary>Returns <paramref name="path"/> when it is relative and free of <c>..</c>, <c>\</c> and empty segments.</summary>
    /// <remarks>Throws <see cref="ArgumentException"/> (naming <paramref name="parameterName"/>) for any other path, and for an empty one unless <paramref name="allowEmpty"/>.</remarks>
    public static string Validate(string path, string parameterName, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (path.Length == 0)
        {
            return allowEmpty ? path : throw new ArgumentException("The path is empty.", parameterName);
        }

        // A backslash or a drive letter would mean different things on Windows, Linux and S3.
        var hasDrive = path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':';
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || hasDrive || path.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path}' must be relative to the store root, with forward slashes.", parameterName);
        }

        var trimmed = path.TrimEnd('/');
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment is ".." or "." || segment.Length == 0)
            {
                throw new ArgumentException($"The path '{path}' has an empty, '.' or '..' segment.", parameterName);
            }
        }

        return path;
    }

    /// <summary>Joins two relative paths with one slash; either may be empty.</summary>
    public static string Combine(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        return right.Length == 0 ? left : $"{left.TrimEnd('/')}/{right}";
    }
}
