using System.Management.Automation.Language;
using Medallion.Testing;

namespace Medallion.Cli.Tests;

/// <summary>
/// <c>build.ps1</c> cannot be run here (no PowerShell on the build machines), so its syntax and
/// shape are checked with PowerShell's own parser.
/// </summary>
public sealed class BuildScriptTests
{
    private static readonly string ScriptPath = Path.Combine(RepositoryPaths.Root, "build.ps1");

    // Built-in cmdlets the script may call besides dotnet; anything else would be a new dependency.
    private static readonly string[] AllowedCmdlets = ["Set-Location"];

    [Fact]
    public void ParseFile_BuildScript_HasNoErrors()
    {
        Parser.ParseFile(ScriptPath, out _, out var errors);

        Assert.True(
            errors.Length == 0,
            "build.ps1 does not parse:\n" + string.Join('\n', errors.Select(e =>
                $"  line {e.Extent.StartLineNumber}, column {e.Extent.StartColumnNumber}: {e.Message} ({e.ErrorId})")));
    }

    [Fact]
    public void ParseFile_BuildScript_TargetValidateSetListsTheFiveTargets()
    {
        var script = Parse();

        var target = Assert.Single(script.ParamBlock.Parameters, p => p.Name.VariablePath.UserPath == "Target");
        var validateSet = Assert.Single(
            target.Attributes.OfType<AttributeAst>(), a => a.TypeName.Name is "ValidateSet" or "ValidateSetAttribute");
        var values = validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value);
        Assert.Equal(["Build", "Test", "Run", "Package", "Spark"], values);
        Assert.Equal("'Build'", target.DefaultValue?.Extent.Text);
    }

    [Fact]
    public void ParseFile_BuildScript_ParametersHaveDocumentedDefaults()
    {
        var defaults = Parse().ParamBlock.Parameters.ToDictionary(
            p => p.Name.VariablePath.UserPath, p => p.DefaultValue?.Extent.Text);

        Assert.Equal("'Release'", defaults["Configuration"]);
        Assert.Equal("'mortgage_transactions'", defaults["Dataset"]);
        Assert.Equal("'local'", defaults["Environment"]);
    }

    [Fact]
    public void ParseFile_BuildScript_InvokesOnlyDotnet()
    {
        var commands = Parse().FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().ToList();

        var names = commands.Select(c => c.GetCommandName()).ToList();
        Assert.All(names, name => Assert.True(
            name == "dotnet" || AllowedCmdlets.Contains(name),
            $"build.ps1 calls '{name ?? "<dynamic>"}'; it may call only dotnet (and {string.Join(", ", AllowedCmdlets)})."));
        var dotnetCalls = commands.Where(c => c.GetCommandName() == "dotnet").ToList();
        Assert.Equal(5, dotnetCalls.Count);
        Assert.All(dotnetCalls, c => Assert.Equal(TokenKind.Ampersand, c.InvocationOperator));
    }

    [Fact]
    public void ParseFile_BuildScript_ExitsWithDotnetsCodeOnFailure()
    {
        var exits = Parse().FindAll(a => a is ExitStatementAst, searchNestedScriptBlocks: true).Cast<ExitStatementAst>();

        Assert.Contains(exits, e => e.Pipeline?.Extent.Text == "$LASTEXITCODE");
    }

    [Fact]
    public void ParseFile_BuildScript_HasCommentBasedHelp()
    {
        var help = Parse().GetHelpContent();

        Assert.NotNull(help);
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis));
        // PowerShell upper-cases the parameter names of comment-based help.
        Assert.Equal(
            ["CONFIGURATION", "DATASET", "ENVIRONMENT", "TARGET"],
            help.Parameters.Keys.Select(k => k.ToUpperInvariant()).Order(StringComparer.Ordinal));
    }

    private static ScriptBlockAst Parse()
    {
        var script = Parser.ParseFile(ScriptPath, out _, out var errors);
        Assert.Empty(errors);
        return script;
    }
}
