using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

/// <summary>Assertions on the errors a user reads: position and wording.</summary>
internal static class ErrorAssert
{
    /// <summary>Exactly one error, at <paramref name="line"/>:<paramref name="column"/>, containing every fragment.</summary>
    public static ConfigError Single(IReadOnlyList<ConfigError> errors, int line, int column, params string[] fragments)
    {
        var error = Assert.Single(errors);
        At(error, line, column, fragments);
        return error;
    }

    public static void At(ConfigError error, int line, int column, params string[] fragments)
    {
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }
}
