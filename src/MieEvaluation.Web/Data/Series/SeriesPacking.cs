using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Web.Data.Series;

/// <summary>One value as the figures read it: the year and status of its form, its indicator and the value.</summary>
public readonly record struct SeriesEntry(int Year, SubmissionStatus Status, int IndicatorId, decimal Value);

/// <summary>
/// The byte layout of <see cref="BaseSeries.Data"/>, little-endian. Per form: year (int16), status (byte), value count
/// (uint16); then per value: indicator id (int16) and the value as a whole number of 1/10,000 (int64) — the model's
/// scale of 4, so the round trip is exact for every value the model accepts (|value| ≤ 10^12 by validation).
/// </summary>
public static class SeriesPacking
{
    private const int FormHeaderBytes = 5;
    private const int ValueBytes = 10;
    private const decimal UnitsPerOne = 10_000m;

    public static byte[] Pack(IEnumerable<SeriesEntry> entries)
    {
        var forms = entries.GroupBy(e => (e.Year, e.Status)).OrderBy(f => f.Key.Year).Select(f => f.ToList()).ToList();
        var buffer = new byte[forms.Sum(f => FormHeaderBytes + (f.Count * ValueBytes))];
        var span = buffer.AsSpan();
        foreach (var form in forms)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span, checked((short)form[0].Year));
            span[2] = checked((byte)form[0].Status);
            BinaryPrimitives.WriteUInt16LittleEndian(span[3..], checked((ushort)form.Count));
            span = span[FormHeaderBytes..];
            foreach (var entry in form)
            {
                BinaryPrimitives.WriteInt16LittleEndian(span, checked((short)entry.IndicatorId));
                BinaryPrimitives.WriteInt64LittleEndian(span[2..], (long)decimal.Round(entry.Value * UnitsPerOne, MidpointRounding.AwayFromZero));
                span = span[ValueBytes..];
            }
        }

        return buffer;
    }

    /// <summary>Reads the entries back, in form order (years ascending).</summary>
    public static Reader Read(byte[] data) => new(data);

    /// <summary>An allocation-free reader: <c>while (reader.Next(out var entry))</c>.</summary>
    public ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;
        private int _left;
        private int _year;
        private SubmissionStatus _status;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: runs per base (per value) on every uncached table
        public bool Next(out SeriesEntry entry)
        {
            while (_left == 0)
            {
                if (_rest.IsEmpty)
                {
                    entry = default;
                    return false;
                }

                _year = BinaryPrimitives.ReadInt16LittleEndian(_rest);
                _status = (SubmissionStatus)_rest[2];
                _left = BinaryPrimitives.ReadUInt16LittleEndian(_rest[3..]);
                _rest = _rest[FormHeaderBytes..];
            }

            var indicatorId = BinaryPrimitives.ReadInt16LittleEndian(_rest);
            var units = BinaryPrimitives.ReadInt64LittleEndian(_rest[2..]);
            _rest = _rest[ValueBytes..];
            _left--;
            entry = new SeriesEntry(_year, _status, indicatorId, FromUnits(units));
            return true;
        }
    }

    /// <summary>units / 10,000 built directly as a decimal with scale 4: exact, and no division per value.</summary>
    private static decimal FromUnits(long units)
    {
        var magnitude = units < 0 ? (ulong)-units : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, 4);
    }
}
