namespace Verification.Cli.Output;

/// <summary>Creating and writing output locations, turning I/O failures into one clear line on stderr.</summary>
internal static class OutputLocation
{
    /// <summary>
    /// Creates <paramref name="path"/> if needed and proves it writable with a probe file, before any long run
    /// starts. Returns the full path, or null after writing why not.
    /// </summary>
    internal static string? PrepareDirectory(string path, string option, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            error.WriteLine($"error: {option} must name a directory, got an empty value.");
            return null;
        }
        try
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot write to {option} '{path}': {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically (<see cref="AtomicFile"/>: a
    /// failed write leaves no partial file), creating its directory; false after writing why not.
    /// </summary>
    internal static bool TryWriteFile(string path, string text, string option, TextWriter error)
    {
        try
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            AtomicFile.WriteText(full, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot write {option} '{path}': {e.Message}");
            return false;
        }
    }

    /// <summary><paramref name="path"/> relative to the current directory when it lies inside it, else in full.</summary>
    internal static string Display(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds Verification.sln, or null.</summary>
    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
                return dir.FullName;
        return null;
    }
}
