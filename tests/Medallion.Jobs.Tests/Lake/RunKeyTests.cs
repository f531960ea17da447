using Medallion.Jobs.Lake;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Lake;

public sealed class RunKeyTests
{
    [Theory]
    [InlineData("20261123T093000Z-abc234")]
    [InlineData("manual_backfill.2024-01")]
    [InlineData("a")]
    public void IsValid_AllowedKeys_True(string key) => Assert.True(RunKey.IsValid(key));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("it's")]
    [InlineData("a b")]
    [InlineData("ключ")]
    public void IsValid_HostileKeys_False(string key) => Assert.False(RunKey.IsValid(key));

    [Fact]
    public void IsValid_81Characters_False() => Assert.False(RunKey.IsValid(new string('a', 81)));

    [Fact]
    public void Generate_FromClock_HasTimestampAndSuffix()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 5, TimeSpan.Zero));

        var sut = RunKey.Generate(clock);

        Assert.Matches("^20261123T093005Z-[a-z2-7]{6}$", sut);
        Assert.True(RunKey.IsValid(sut));
    }

    [Fact]
    public void Validate_HostileKey_ThrowsNamingTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => RunKey.Validate("../x"));

        Assert.Contains(RunKey.Rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r1", null, "r1")]
    [InlineData("r1", "orders.silver", "r1.orders.silver")]
    public void ClientToken_ShortKey_IsTheKeyAndScopeAsWritten(string key, string? scope, string expected) =>
        Assert.Equal(expected, RunKey.ClientToken(key, scope));

    [Fact]
    public void ClientToken_80CharacterKey_IsStable64CharactersOfTheEmrPattern()
    {
        var key = "sfn-" + new string('x', 76);

        var sut = RunKey.ClientToken(key, "term_relationships.silver");

        Assert.Equal(64, sut.Length);
        Assert.Matches("^[A-Za-z0-9._-]+$", sut);
        Assert.Equal(sut, RunKey.ClientToken(key, "term_relationships.silver"));
        Assert.NotEqual(sut, RunKey.ClientToken(key, "term_relationships.bronze"));
    }

    [Fact]
    public void ClientToken_HostileScope_Throws() =>
        Assert.Throws<ArgumentException>(() => RunKey.ClientToken("r1", "a/b"));
}
