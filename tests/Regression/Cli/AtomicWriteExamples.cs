using Verification.Cli.Output;
using Xunit;

namespace Verification.Tests.Regression.Cli;

/// <summary>
/// A write that fails part-way (a full disk, an I/O error) or at the rename leaves no partial file and no temporary
/// file, and the previous content of the target survives.
/// </summary>
public class AtomicWriteExamples
{
    private static readonly byte[] Old = "the previous report\n"u8.ToArray();

    [Fact]
    public void ContentThatFailsHalfway_LeavesNoFileAndNoTemporary()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "figure.png");
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(target, FailAfter(64 * 1024)));
        Assert.Contains("No space left on device", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target), "a partially written target exists");
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void ContentThatFailsHalfway_KeepsThePreviousFile()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "claims.md");
        File.WriteAllBytes(target, Old);
        Assert.Throws<IOException>(() => AtomicFile.Write(target, FailAfter(10)));
        Assert.Equal(Old, File.ReadAllBytes(target));
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void RenameOntoADirectory_FailsAndRemovesTheTemporary()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "claims.json");
        Directory.CreateDirectory(target);
        var e = Record.Exception(() => AtomicFile.WriteText(target, "{}"));
        Assert.True(e is IOException or UnauthorizedAccessException, $"expected an I/O error, got {e}");
        Assert.True(Directory.Exists(target));
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void SuccessfulWrite_ReplacesTheFileWhole()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "claims.md");
        File.WriteAllBytes(target, Old);
        var content = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        AtomicFile.Write(target, content);
        Assert.Equal(content, File.ReadAllBytes(target));
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Text_IsUtf8WithoutByteOrderMark()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "claims.md");
        AtomicFile.WriteText(target, "λ ≤ 5");
        Assert.Equal("λ ≤ 5"u8.ToArray(), File.ReadAllBytes(target));
    }

    /// <summary>Content that writes <paramref name="bytes"/> bytes and then fails as a full disk does (ENOSPC).</summary>
    private static Action<Stream> FailAfter(int bytes) => stream =>
    {
        stream.Write(new byte[bytes]);
        throw new IOException("No space left on device");
    };
}
