using System.Globalization;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.UnitTests.Registry;

/// <summary>The code scheme of docs/decisions/0016: codes that no reader takes for a number, the former ones as aliases.</summary>
public sealed class BaseCodesAliases
{
    [Theory]
    [InlineData("16E01", "16C01")]
    [InlineData(" 17e21 ", "17C21")]
    [InlineData("16R01", "16R01")]
    [InlineData("16c07", "16C07")]
    [InlineData("16E101", "16C101")]
    public void TurnsAFormerCodeIntoTheStoredOne(string typed, string stored) => Assert.Equal(stored, BaseCodes.Canonical(typed));

    [Fact]
    public void NoCodeOfTheRegistryReadsAsANumber()
    {
        var codes = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "mie-bases.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();

        Assert.Equal(56, codes.Count);
        Assert.All(codes, c => Assert.True(BaseCodes.IsWellFormed(c), c));
        Assert.All(codes, c => Assert.False(double.TryParse(c, NumberStyles.Any, CultureInfo.InvariantCulture, out _), c));
        // The former codes did: the reason for the change.
        Assert.True(double.TryParse(BaseCodes.Former("16C01"), NumberStyles.Float, CultureInfo.InvariantCulture, out var read) && read == 160d);
    }

    [Theory]
    [InlineData("1.60E+02", "16C01")]
    [InlineData("160", "16C01")]
    [InlineData("160.0", "16C01")]
    [InlineData("1.6E+07", "16C06")]
    [InlineData("1700", "17C02")]
    public void NamesTheBaseASpreadsheetTurnedIntoANumber(string mangled, string probably) =>
        Assert.Equal([probably], BaseCodes.MangledFrom(mangled, ["16C01", "16C06", "17C02", "16R01", "16U01"]));

    [Theory]
    [InlineData("16R01")]
    [InlineData("abc")]
    [InlineData("161")]
    [InlineData("")]
    public void NamesNoBaseForTextThatIsNoSuchNumber(string text) => Assert.Empty(BaseCodes.MangledFrom(text, ["16C01", "16C06"]));

    [Fact]
    public void AcceptsNoNewCodeInTheFormerForm()
    {
        Assert.False(BaseCodes.IsWellFormed("16E01"));
        Assert.True(BaseCodes.IsFormer("16e01"));
        Assert.Null(BaseCodes.Former("16R01"));
    }
}
