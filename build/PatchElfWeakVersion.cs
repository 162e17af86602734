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
// The ELF reader is build/ElfFile.cs. RoslynCodeTaskFactory compiles a single source file, so
// TorchSharpNativeFix.targets joins the two files into obj/ before the task's first use.
// Both files are compiled by MSBuild against netstandard 2.0 reference assemblies, so they stick to that API.
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TorchSharpNativeFix;

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

        ElfFile.WriteVernauxFlags(file, offset, (ushort)(flags | ElfFile.VerFlagWeak));

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
