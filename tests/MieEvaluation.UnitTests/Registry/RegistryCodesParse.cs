using MieEvaluation.Domain.Registry;

namespace MieEvaluation.UnitTests.Registry;

public sealed class RegistryCodesParse
{
    [Theory]
    [InlineData("regional", BaseType.Regional)]
    [InlineData("univ_inst", BaseType.UnivInst)]
    [InlineData(" Enterprise ", BaseType.Enterprise)]
    public void ParsesTypeGivenRegistryCode(string code, BaseType expected)
    {
        Assert.True(RegistryCodes.TryParseType(code, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UnivInst")]
    [InlineData("1")]
    public void RejectsTypeGivenAnythingElse(string? code) => Assert.False(RegistryCodes.TryParseType(code, out _));

    [Theory]
    [InlineData("2")]
    [InlineData("south")]
    [InlineData("central_west")]
    public void RejectsRegionGivenAnythingElse(string code) => Assert.False(RegistryCodes.TryParseRegion(code, out _));

    [Fact]
    public void RoundTripsEveryTypeAndRegion()
    {
        foreach (var type in Enum.GetValues<BaseType>())
        {
            Assert.True(RegistryCodes.TryParseType(type.ToCode(), out var back));
            Assert.Equal(type, back);
        }

        foreach (var region in Enum.GetValues<Region>())
        {
            Assert.True(RegistryCodes.TryParseRegion(region.ToCode(), out var back));
            Assert.Equal(region, back);
        }
    }

    [Theory]
    [InlineData("zh-CN", "北京")]
    [InlineData("zh-Hans", "北京")]
    [InlineData("en", "Beijing")]
    [InlineData("fr-FR", "Beijing")]
    public void PicksTheNameForTheCulture(string culture, string expected) =>
        Assert.Equal(expected, BilingualText.Pick(new System.Globalization.CultureInfo(culture), "北京", "Beijing"));
}
