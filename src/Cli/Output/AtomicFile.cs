namespace Verification.Cli.Output;

/// <summary>
/// Replacing a file all at once: the content goes to a temporary file in the target's own directory (same file system,
/// so the rename cannot degrade into a copy), is flushed to the device, and is then renamed over the target. A full
/// disk, a write error or a crash therefore leaves either the old file or the complete new one, never part of one;
/// on failure the temporary file is deleted and the exception propagates.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The prefix of the temporary files (hidden on Unix), so a leftover from a killed process is recognisable.</summary>
    internal const string TemporaryPrefix = ".partial-";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="IOException">The temporary file could not be written or renamed (e.g. the disk is full).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory or the target is not writable.</exception>
    internal static void Write(string path, ReadOnlyMemory<byte> bytes) => Write(path, stream => stream.Write(bytes.Span));

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <paramref name="path"/> atomically.</summary>
    internal static void WriteText(string path, string text) =>
        Write(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    /// <summary>
    /// Lets <paramref name="writeContent"/> fill a temporary file beside <paramref name="path"/>, then renames it over
    /// <paramref name="path"/>. Whatever <paramref name="writeContent"/> or the file system throws, the temporary file
    /// is removed before the exception propagates, and <paramref name="path"/> keeps its previous content (or stays absent).
    /// </summary>
    internal static void Write(string path, Action<Stream> writeContent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writeContent);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)
            ?? throw new ArgumentException($"'{path}' names a root, not a file.", nameof(path));
        string temporary = Path.Combine(directory, $"{TemporaryPrefix}{Guid.NewGuid():N}-{Path.GetFileName(full)}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                // Flush(true) reaches the device, so an out-of-space error surfaces here, before the rename.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>Removes <paramref name="path"/> if it exists; a failure here must not hide the error being reported.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original exception is the one to report; a leftover ".partial-" file is recognisable by its name.
        }
    }
}
