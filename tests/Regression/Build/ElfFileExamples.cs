using TorchSharpNativeFix;
using Xunit;

namespace Verification.Tests.Regression.Build;

/// <summary>
/// The ELF reader behind the TorchSharp native fix (build/ElfFile.cs) on two fixtures built for it
/// (Build/Fixtures/README.md): an unpatched shared object and a copy whose GLIBC_2.2.5 requirement was made weak by
/// an independent byte edit checked with readelf.
/// </summary>
public class ElfFileExamples
{
    private const string Needed = "GLIBC_2.2.5";

    /// <summary>x86-64 (EM_X86_64), the machine both fixtures were built for.</summary>
    private const ushort X8664 = 62;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Build", "Fixtures", name);

    [Fact]
    public void Unpatched_RequirementIsFoundWithItsLibraryAndIsNotWeak()
    {
        var elf = ElfFile.Load(Fixture("libfixture.so"));

        var entry = elf.FindVernaux(Needed);

        Assert.Equal(X8664, elf.Machine);
        Assert.NotNull(entry);
        Assert.Equal("libc.so.6", entry.Value.Library);
        Assert.Equal(0x43c, entry.Value.Offset);
        Assert.Equal(0, entry.Value.Flags & ElfFile.VerFlagWeak);
    }

    [Fact]
    public void Patched_RequirementIsWeak()
    {
        var entry = ElfFile.Load(Fixture("libfixture-weak.so")).FindVernaux(Needed);

        Assert.NotNull(entry);
        Assert.Equal(ElfFile.VerFlagWeak, entry.Value.Flags);
    }

    [Fact]
    public void WritingTheWeakFlag_ReproducesTheIndependentlyPatchedFixture_AndKeepsTheTimestamp()
    {
        using var temp = new TempDirectory();
        var copy = Path.Combine(temp.Path, "libfixture.so");
        File.Copy(Fixture("libfixture.so"), copy);
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(copy, stamp);
        var entry = ElfFile.Load(copy).FindVernaux(Needed)!.Value;

        ElfFile.WriteVernauxFlags(copy, entry.Offset, (ushort)(entry.Flags | ElfFile.VerFlagWeak));

        Assert.Equal(File.ReadAllBytes(Fixture("libfixture-weak.so")), File.ReadAllBytes(copy));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(copy));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WritingThroughALink_ReplacesTheLinkAndLeavesItsTargetUnchanged()
    {
        using var temp = new TempDirectory();
        var target = Path.Combine(temp.Path, "cache.so");
        var link = Path.Combine(temp.Path, "output.so");
        File.Copy(Fixture("libfixture.so"), target);
        File.CreateSymbolicLink(link, target);
        var entry = ElfFile.Load(link).FindVernaux(Needed)!.Value;

        ElfFile.WriteVernauxFlags(link, entry.Offset, (ushort)(entry.Flags | ElfFile.VerFlagWeak));

        Assert.Equal(File.ReadAllBytes(Fixture("libfixture.so")), File.ReadAllBytes(target));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal(ElfFile.VerFlagWeak, ElfFile.Load(link).FindVernaux(Needed)!.Value.Flags);
    }

    [Fact]
    public void DefinedVersions_AreReadFromTheVerdefSection()
    {
        var elf = ElfFile.Load(Fixture("libfixture.so"));

        Assert.True(elf.DefinesVersion("FIXTURE_1.0"));
        Assert.False(elf.DefinesVersion("GLIBCXX_3.4.32"));
        Assert.Null(elf.FindVernaux("GLIBCXX_3.4.32"));
    }

    [Fact]
    public void NotElfOrTruncated_IsInvalidData()
    {
        using var temp = new TempDirectory();
        var text = Path.Combine(temp.Path, "script.so");
        File.WriteAllText(text, "/* GNU ld script */ GROUP ( libstdc++.so.6.0.30 )");
        var truncated = Path.Combine(temp.Path, "truncated.so");
        File.WriteAllBytes(truncated, File.ReadAllBytes(Fixture("libfixture.so"))[..200]);

        Assert.Throws<InvalidDataException>(() => ElfFile.Load(text));
        Assert.Throws<InvalidDataException>(() => ElfFile.Load(truncated).FindVernaux(Needed));
    }
}
