// Minimal ELF64 reader for the GNU symbol-versioning sections, used by the PatchElfWeakVersion MSBuild task
// (build/PatchElfWeakVersion.cs) and tested on its own (tests/Regression/Build). The usings sit inside the
// namespace because TorchSharpNativeFix.targets appends this file after the task's source.
#nullable enable

namespace TorchSharpNativeFix
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Text;

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

        /// <summary>
        /// Writes <paramref name="flags"/> as the vna_flags at <paramref name="offset"/> (from <see cref="FindVernaux"/>)
        /// into a temporary copy that then replaces <paramref name="file"/> by rename, so a hard or symbolic link into
        /// the NuGet cache is replaced rather than written through. The copy keeps the file's timestamp, so MSBuild's
        /// SkipUnchangedFiles copy sees it as up to date and the next incremental build finds it already weak.
        /// </summary>
        public static void WriteVernauxFlags(string file, long offset, ushort flags)
        {
            var originalTime = File.GetLastWriteTimeUtc(file);
            var temp = file + ".weakpatch.tmp";
            File.Copy(file, temp, overwrite: true);
            try
            {
                using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    if (offset < 0 || offset + 2 > stream.Length)
                    {
                        throw new InvalidDataException($"{file}: vna_flags offset 0x{offset:x} lies outside the file.");
                    }

                    stream.Position = offset;
                    stream.WriteByte((byte)(flags & 0xff));
                    stream.WriteByte((byte)(flags >> 8));
                }

                File.SetLastWriteTimeUtc(temp, originalTime);
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
}
