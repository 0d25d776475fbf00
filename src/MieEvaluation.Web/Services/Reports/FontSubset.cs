using System.Runtime.InteropServices;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// Cuts a font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset, in the native library
/// that ships with HarfBuzzSharp, which ScottPlot already brings; HarfBuzzSharp does not wrap it). Skia's PDF writer in
/// SkiaSharp embeds a font whole: the 5 MB Chinese font made every PDF 3–6 MB; its subset is tens of kilobytes.
/// </summary>
internal static partial class FontSubset
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    /// <summary>The face <paramref name="faceIndex"/> of the font file reduced to <paramref name="codePoints"/>, as font bytes; null when HarfBuzz cannot.</summary>
    public static byte[]? Make(string fontPath, uint faceIndex, IEnumerable<int> codePoints)
    {
        var blob = hb_blob_create_from_file_or_fail(fontPath);
        if (blob == IntPtr.Zero)
        {
            return null;
        }

        var face = hb_face_create(blob, faceIndex);
        var input = hb_subset_input_create_or_fail();
        var subset = IntPtr.Zero;
        var result = IntPtr.Zero;
        try
        {
            if (input == IntPtr.Zero)
            {
                return null;
            }

            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                hb_set_add(unicodes, (uint)codePoint);
            }

            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == IntPtr.Zero || length == 0)
            {
                return null;
            }

            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(result);
            hb_face_destroy(subset);
            hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    // The C API (harfbuzz/src/hb-blob.h, hb-face.h, hb-set.h, hb-subset.h); destroy functions accept null.
    [LibraryImport(HarfBuzz, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr hb_blob_create_from_file_or_fail(string fileName);

    [LibraryImport(HarfBuzz)]
    private static partial IntPtr hb_face_create(IntPtr blob, uint index);

    [LibraryImport(HarfBuzz)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(HarfBuzz)]
    private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_set_add(IntPtr set, uint codePoint);

    [LibraryImport(HarfBuzz)]
    private static partial IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [LibraryImport(HarfBuzz)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(HarfBuzz)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_subset_input_destroy(IntPtr input);
}
