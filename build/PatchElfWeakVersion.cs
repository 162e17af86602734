// MSBuild inline task (RoslynCodeTaskFactory, Type="Class"), wired by TorchSharpNativeFix.targets.
//
// Why: TorchSharp 0.107.0 ships runtimes/linux-x64/native/libLibTorchSharp.so built with GCC 13. Its
// <iostream> emits a reference to `_ZSt21ios_base_library_initv@GLIBCXX_3.4.32`, a symbol that is never
// called but makes the dynamic loader refuse the library on hosts whose libstdc++ stops at an older
// GLIBCXX (Debian 12: GLIBCXX_3.4.30). Marking that single version requirement weak (VER_FLG_WEAK in
// the Elf64_Vernaux entry of `.gnu.version_r`) turns "version not found" from fatal into a warning-free
// no-op for ld.so, which is exactly what a never-called symbol needs.
//
// What: for every file in Files, find the vernaux entry named VersionName and OR 0x2 into vna_flags.
// The patch is written to a temporary copy which then replaces the output file by rename, so a hard- or
// symbolic link into the NuGet cache is replaced rather than written through. Files under
// ProtectedRoot (the NuGet package root) are refused outright.
//
// When: only if the host's libstdc++.so.6 does not define VersionName (checked via its
// `.gnu.version_d`; located through /etc/ld.so.cache, then the standard library directories), unless
// Mode is "always". If no host libstdc++ can be located the files are patched too, because the weak
// flag is harmless where the version exists (ld.so still checks and binds it normally).
//
// This file is compiled by MSBuild against netstandard 2.0 reference assemblies, so it sticks to that API.
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PatchElfWeakVersion : Task
{
    private const string LogPrefix = "TorchSharpNativeFix: ";

    /// <summary>Shared objects to patch (copies in the build or publish output).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Version requirement to weaken.</summary>
    public string VersionName { get; set; } = "GLIBCXX_3.4.32";

    /// <summary>"auto" (default): patch only if the host libstdc++ lacks VersionName; "always": skip that check.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>Optional explicit host libstdc++ to inspect instead of searching for it.</summary>
    public string HostLibrary { get; set; } = "";

    /// <summary>Directory whose files must never be modified (the NuGet package cache).</summary>
    public string ProtectedRoot { get; set; } = "";

    /// <summary>Files whose vna_flags were changed by this run.</summary>
    [Output]
    public ITaskItem[] PatchedFiles { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidDataException)
        {
            Log.LogError(LogPrefix + ex.Message);
            return false;
        }
    }

    private bool Run()
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Files)
        {
            var full = Path.GetFullPath(item.ItemSpec);
            if (File.Exists(full) && seen.Add(full))
            {
                files.Add(full);
            }
        }

        if (files.Count == 0)
        {
            Log.LogMessage(MessageImportance.Normal, LogPrefix + "no libLibTorchSharp copy in this output; nothing to do.");
            return true;
        }

        if (!string.Equals(Mode, "always", StringComparison.OrdinalIgnoreCase))
        {
            if (!string.Equals(Mode, "auto", StringComparison.OrdinalIgnoreCase))
            {
                Log.LogError(LogPrefix + $"unknown Mode '{Mode}' (expected 'auto' or 'always').");
                return false;
            }

            var machine = ElfFile.Load(files[0]).Machine;
            var host = LocateHostLibStdCxx(machine);
            if (host is null)
            {
                Log.LogMessage(MessageImportance.High, LogPrefix +
                    $"could not locate the host's libstdc++.so.6; patching anyway (a weak {VersionName} requirement is harmless where it exists).");
            }
            else if (HostDefines(host, VersionName))
            {
                foreach (var file in files)
                {
                    Log.LogMessage(MessageImportance.High, LogPrefix +
                        $"host {host} defines {VersionName}; leaving {file} unpatched.");
                }
                return true;
            }
            else
            {
                Log.LogMessage(MessageImportance.High, LogPrefix + $"host {host} lacks {VersionName}; weakening that requirement.");
            }
        }

        var patched = new List<ITaskItem>();
        foreach (var file in files)
        {
            if (IsUnder(file, ProtectedRoot))
            {
                Log.LogError(LogPrefix + $"refusing to modify {file}: it lies under the protected package root {ProtectedRoot}.");
                return false;
            }

            if (PatchOne(file))
            {
                patched.Add(new TaskItem(file));
            }
        }

        PatchedFiles = patched.ToArray();
        return !Log.HasLoggedErrors;
    }

    private bool PatchOne(string file)
    {
        var elf = ElfFile.Load(file);
        var entry = elf.FindVernaux(VersionName);
        if (entry is null)
        {
            Log.LogMessage(MessageImportance.High, LogPrefix + $"{file} has no {VersionName} requirement; nothing to do.");
            return false;
        }

        var (offset, flags, library) = entry.Value;
        if ((flags & ElfFile.VerFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.High, LogPrefix +
                $"{file}: {VersionName} (from {library}) already weak, vna_flags 0x{flags:x}; no change.");
            return false;
        }

        var newFlags = (ushort)(flags | ElfFile.VerFlagWeak);
        var originalTime = File.GetLastWriteTimeUtc(file);
        var temp = file + ".weakpatch.tmp";
        File.Copy(file, temp, overwrite: true);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                stream.Position = offset;
                stream.WriteByte((byte)(newFlags & 0xff));
                stream.WriteByte((byte)(newFlags >> 8));
            }

            // Keep the copy's timestamp so MSBuild's SkipUnchangedFiles copy sees it as up to date and the
            // next incremental build finds it already weak instead of re-copying and re-patching it.
            File.SetLastWriteTimeUtc(temp, originalTime);

            // Rename over the destination: breaks any hard/symbolic link instead of writing through it.
            File.Delete(file);
            File.Move(temp, file);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        var check = ElfFile.Load(file).FindVernaux(VersionName);
        if (check is null || (check.Value.Flags & ElfFile.VerFlagWeak) == 0)
        {
            Log.LogError(LogPrefix + $"{file}: patch did not take effect.");
            return false;
        }

        Log.LogMessage(MessageImportance.High, LogPrefix +
            $"patched {file}: {VersionName} (from {library}) vna_flags 0x{flags:x} -> 0x{check.Value.Flags:x} (VER_FLG_WEAK) at file offset 0x{offset:x}.");
        return true;
    }

    private string? LocateHostLibStdCxx(ushort machine)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(HostLibrary))
        {
            candidates.Add(HostLibrary);
        }
        else
        {
            candidates.AddRange(LdSoCachePaths("/etc/ld.so.cache", "/libstdc++.so.6"));
            foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" })
            {
                candidates.Add(Path.Combine(dir, "libstdc++.so.6"));
            }
        }

        foreach (var path in candidates)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                if (ElfFile.Load(path).Machine == machine)
                {
                    return path;
                }
            }
            catch (InvalidDataException)
            {
                // Not an ELF64 LE file (e.g. a linker script); try the next candidate.
            }
        }

        return null;
    }

    /// <summary>
    /// Absolute paths recorded in ld.so.cache that end with <paramref name="suffix"/>, in cache order
    /// (the loader's preference order). The cache's string table is a run of NUL-terminated paths, so a
    /// scan for such strings suffices without decoding the entry table.
    /// </summary>
    private static IEnumerable<string> LdSoCachePaths(string cache, string suffix)
    {
        if (!File.Exists(cache))
        {
            yield break;
        }

        var bytes = File.ReadAllBytes(cache);
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != 0)
            {
                continue;
            }

            if (i > start && bytes[start] == (byte)'/')
            {
                var s = Encoding.ASCII.GetString(bytes, start, i - start);
                if (s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    yield return s;
                }
            }

            start = i + 1;
        }
    }

    private static bool HostDefines(string library, string version)
    {
        try
        {
            return ElfFile.Load(library).DefinesVersion(version);
        }
        catch (InvalidDataException)
        {
            // Fall back to a plain byte search for the NUL-terminated version string.
            var needle = Encoding.ASCII.GetBytes(version + "\0");
            var bytes = File.ReadAllBytes(library);
            for (var i = 0; i + needle.Length <= bytes.Length; i++)
            {
                var match = true;
                for (var j = 0; j < needle.Length && match; j++)
                {
                    match = bytes[i + j] == needle[j];
                }

                if (match && (i == 0 || bytes[i - 1] == 0))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsUnder(string file, string root)
    {
        if (string.IsNullOrEmpty(root))
        {
            return false;
        }

        var full = Path.GetFullPath(root);
        if (!full.EndsWith("/", StringComparison.Ordinal))
        {
            full += "/";
        }

        return file.StartsWith(full, StringComparison.Ordinal);
    }
}

/// <summary>Minimal ELF64 little-endian reader for the GNU symbol-versioning sections.</summary>
internal sealed class ElfFile
{
    public const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    private readonly byte[] _data;
    private readonly string _path;
    private readonly List<Section> _sections = new List<Section>();

    private ElfFile(string path, byte[] data)
    {
        _path = path;
        _data = data;
    }

    public ushort Machine { get; private set; }

    public static ElfFile Load(string path)
    {
        var elf = new ElfFile(path, File.ReadAllBytes(path));
        elf.ParseHeaders();
        return elf;
    }

    /// <summary>The Elf64_Vernaux named <paramref name="name"/>: file offset of vna_flags, its value, and the needed library.</summary>
    public (long Offset, ushort Flags, string Library)? FindVernaux(string name)
    {
        foreach (var section in _sections)
        {
            if (section.Type != ShtGnuVerneed)
            {
                continue;
            }

            var strings = StringTable(section.Link);
            long need = section.Offset;
            for (uint n = 0; n < section.Info; n++)
            {
                Require(need, 16, section);
                var count = U16(need + 2);
                var library = Str(strings, U32(need + 4));
                long aux = need + U32(need + 8);
                for (var a = 0; a < count; a++)
                {
                    Require(aux, 16, section);
                    if (Str(strings, U32(aux + 8)) == name)
                    {
                        return (aux + 4, U16(aux + 4), library);
                    }

                    var nextAux = U32(aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                var next = U32(need + 12);
                if (next == 0)
                {
                    break;
                }

                need += next;
            }
        }

        return null;
    }

    /// <summary>Whether an Elf64_Verdef (with its first Elf64_Verdaux) names <paramref name="name"/>.</summary>
    public bool DefinesVersion(string name)
    {
        var found = false;
        var anySection = false;
        foreach (var section in _sections)
        {
            if (section.Type != ShtGnuVerdef)
            {
                continue;
            }

            anySection = true;
            var strings = StringTable(section.Link);
            long def = section.Offset;
            for (uint d = 0; d < section.Info && !found; d++)
            {
                Require(def, 20, section);
                long aux = def + U32(def + 12);
                Require(aux, 8, section);
                found = Str(strings, U32(aux)) == name;
                var next = U32(def + 16);
                if (next == 0)
                {
                    break;
                }

                def += next;
            }
        }

        if (!anySection)
        {
            throw new InvalidDataException($"{_path} has no .gnu.version_d section.");
        }

        return found;
    }

    private void ParseHeaders()
    {
        if (_data.Length < 64 || _data[0] != 0x7f || _data[1] != (byte)'E' || _data[2] != (byte)'L' || _data[3] != (byte)'F')
        {
            throw new InvalidDataException($"{_path} is not an ELF file.");
        }

        if (_data[4] != 2 || _data[5] != 1)
        {
            throw new InvalidDataException($"{_path} is not ELF64 little-endian (class {_data[4]}, data {_data[5]}).");
        }

        Machine = U16(0x12);
        var shoff = (long)U64(0x28);
        var shentsize = U16(0x3A);
        long shnum = U16(0x3C);
        if (shoff == 0)
        {
            throw new InvalidDataException($"{_path} has no section header table.");
        }

        if (shentsize < 64)
        {
            throw new InvalidDataException($"{_path}: section header entry size {shentsize} < 64.");
        }

        if (shnum == 0)
        {
            // Extended numbering: the real count is in section 0's sh_size.
            CheckRange(shoff, 64);
            shnum = (long)U64(shoff + 32);
        }

        for (long i = 0; i < shnum; i++)
        {
            var h = shoff + (i * shentsize);
            CheckRange(h, 64);
            var section = new Section(U32(h + 4), (long)U64(h + 24), (long)U64(h + 32), U32(h + 40), U32(h + 44));
            if (section.Type == ShtGnuVerneed || section.Type == ShtGnuVerdef)
            {
                CheckRange(section.Offset, section.Size);
            }

            _sections.Add(section);
        }
    }

    private Section StringTable(uint index)
    {
        if (index >= _sections.Count)
        {
            throw new InvalidDataException($"{_path}: string table index {index} out of range.");
        }

        var table = _sections[(int)index];
        CheckRange(table.Offset, table.Size);
        return table;
    }

    private string Str(Section table, uint offset)
    {
        if (offset >= table.Size)
        {
            throw new InvalidDataException($"{_path}: string offset {offset} outside its table.");
        }

        var start = table.Offset + offset;
        var end = start;
        var limit = table.Offset + table.Size;
        while (end < limit && _data[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(_data, (int)start, (int)(end - start));
    }

    private void Require(long offset, int length, Section section)
    {
        if (offset < section.Offset || offset + length > section.Offset + section.Size)
        {
            throw new InvalidDataException($"{_path}: version record at 0x{offset:x} runs outside its section.");
        }
    }

    private void CheckRange(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > _data.Length)
        {
            throw new InvalidDataException($"{_path}: range 0x{offset:x}+0x{length:x} lies outside the file.");
        }
    }

    private ushort U16(long o)
    {
        CheckRange(o, 2);
        return (ushort)(_data[o] | (_data[o + 1] << 8));
    }

    private uint U32(long o)
    {
        CheckRange(o, 4);
        return (uint)(_data[o] | (_data[o + 1] << 8) | (_data[o + 2] << 16) | (_data[o + 3] << 24));
    }

    private ulong U64(long o) => U32(o) | ((ulong)U32(o + 4) << 32);

    private readonly struct Section
    {
        public Section(uint type, long offset, long size, uint link, uint info)
        {
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
        }

        public uint Type { get; }

        public long Offset { get; }

        public long Size { get; }

        public uint Link { get; }

        public uint Info { get; }
    }
}
