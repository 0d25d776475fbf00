using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MieEvaluation.UnitTests.Localization;

/// <summary>Every UI string exists in English and Chinese, and every key the code uses exists.</summary>
public sealed partial class ResourceParity
{
    private static string WebProject
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MieEvaluation.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir!.FullName, "src", "MieEvaluation.Web");
        }
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [GeneratedRegex("""(?:\bL|localizer|Localizer|_localizer)\[\s*"(?<key>[A-Za-z]+\.[A-Za-z0-9.]+)"|"(?<key>(?:Nav|Region|BaseType)\.[A-Za-z0-9]+)""")]
    private static partial Regex KeyUse();

    [Fact]
    public void EnglishAndChineseHaveTheSameKeys()
    {
        var en = Load("SharedResource.resx");
        var zh = Load("SharedResource.zh-CN.resx");

        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.All(zh, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void EveryKeyUsedInViewsAndCodeExists()
    {
        var en = Load("SharedResource.resx");
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !en.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryEnumValueShownInTheUiHasBothNames()
    {
        var en = Load("SharedResource.resx");
        var keys = Enum.GetNames<MieEvaluation.Domain.Registry.Region>().Select(n => $"Region.{n}")
            .Concat(Enum.GetNames<MieEvaluation.Domain.Registry.BaseType>().Select(n => $"BaseType.{n}"));

        Assert.All(keys, k => Assert.True(en.ContainsKey(k), k));
    }
}
