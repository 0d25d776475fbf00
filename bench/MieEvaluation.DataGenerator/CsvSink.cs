using System.Globalization;
using System.Text;

namespace MieEvaluation.DataGenerator;

/// <summary>
/// The long import format (<c>base_code,year,indicator_code,value</c>), one row per value, written as generated so
/// that 1.4 million rows never sit in memory. UTF-8 without BOM, invariant culture.
/// </summary>
public sealed class CsvSink : ISyntheticDataSink, IDisposable
{
    public const string Header = "base_code,year,indicator_code,value";

    private readonly StreamWriter _writer;

    public CsvSink(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20) { NewLine = "\n" };
        _writer.WriteLine(Header);
    }

    public void Base(SyntheticBase synthetic)
    {
    }

    public void Submission(SyntheticBase synthetic, int year)
    {
    }

    public void Value(SyntheticBase synthetic, int year, SyntheticIndicator indicator, decimal value)
    {
        _writer.Write(synthetic.Code);
        _writer.Write(',');
        _writer.Write(year.ToString(CultureInfo.InvariantCulture));
        _writer.Write(',');
        _writer.Write(indicator.Code);
        _writer.Write(',');
        _writer.WriteLine(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose() => _writer.Dispose();
}
