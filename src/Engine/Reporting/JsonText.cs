using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verification.Engine.Reporting;

/// <summary>
/// The JSON conventions every report shares: indented, "\n" line ends, readable λ/≤/ᵀ, finite doubles as
/// shortest round-trip numbers and NaN/±∞ as the strings "NaN", "Infinity", "-Infinity"; deterministic text.
/// </summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Statements carry λ, ≤, ᵀ: keep them readable; the output is a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the text, ending in a newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
            write(json);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A double property: a number when finite, else its round-trip text.</summary>
    public static void WriteDouble(this Utf8JsonWriter json, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (double.IsFinite(value))
            json.WriteNumber(name, value);
        else
            json.WriteString(name, ReportText.Number(value));
    }

    /// <summary>An array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(name);
        foreach (var v in values)
            json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
