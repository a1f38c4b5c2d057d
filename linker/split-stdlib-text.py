#!/usr/bin/env python3
"""Gives each function of the Swift stdlib's code its own section, so lld can place the ones swiftlet runs together.

usage: linker/split-stdlib-text.py OUTDIR

The toolchain's libswiftCore.a has one object, Swift.o, whose 1.6 MB `.text` holds ~12,000 functions in a single
section: no symbol order can move them, so the ~300 that a `run` executes were spread over 25 of the 64 KiB windows
the kernel maps per text page fault (bench (f-run), (f-init)). This script rewrites that object:

  1. every function symbol in `.text` starts a new section (`.text.<name>`), except where a short (8-bit) branch
     crosses the boundary: those pieces stay together;
  2. references the assembler had resolved inside the one section (calls, jumps, RIP-relative operands between
     functions) get relocations, found by disassembling it (objdump);
  3. relocations against the old section symbol (eh_frame, jump tables, metadata pointers) are re-aimed at the piece
     they mean; jump-table entries are `block - table`, so they follow the code that loads their table.

OUTDIR gets a mirror of the toolchain's swift_static directory (symlinks) whose libswiftCore.a has the new Swift.o;
Package.swift links against it (`-resource-dir`) when it exists. Nothing else changes: no byte of code is edited.
scripts/verify-split-stdlib.py compares every moved instruction's targets against a link of the original.
Needs python3, objdump and ar (binutils).
"""
import bisect
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

SHDR = struct.Struct('<IIQQQQIIQQ')
SYM = struct.Struct('<IBBHQQ')
RELA = struct.Struct('<QQq')
R_X86_64_PC32, R_X86_64_PLT32, R_X86_64_64 = 2, 4, 1
SHT_RELA, SHT_NOBITS, STT_FUNC, STT_SECTION = 4, 8, 2, 3
SHF_EXECINSTR = 4
# What a piece may end with: control cannot fall through into the next piece.
NO_FALLTHROUGH = re.compile(r'^(ret|jmp|ud2|int3|hlt|nop|xchg\s+%ax,%ax|data16|cs nopw|rep ret|bnd jmp|notrack jmp|call)')
BRANCH = re.compile(r'^(?:bnd |notrack )?(call|jmp|j[a-z]+|loop\w*|xbegin)\s+([0-9a-f]+) <')


class Section:
    def __init__(self, name, type, flags, align, data, link=0, info=0, entsize=0, size=None):
        self.name, self.type, self.flags, self.align, self.data = name, type, flags, align, data
        self.link, self.info, self.entsize = link, info, entsize
        self.size = len(data) if size is None else size


class Symbol:
    def __init__(self, name, info, other, shndx, value, size):
        self.name, self.info, self.other, self.shndx, self.value, self.size = name, info, other, shndx, value, size


class RelocatableObject:
    """An ELF64 x86-64 relocatable object held as sections, symbols and relocations."""

    def __init__(self, path):
        d = open(path, 'rb').read()
        if d[:4] != b'\x7fELF' or d[4] != 2 or d[5] != 1 or struct.unpack_from('<H', d, 16)[0] != 1:
            raise SystemExit(f'{path}: not an ELF64 little-endian relocatable object')
        self.header = bytearray(d[:64])
        shoff, = struct.unpack_from('<Q', d, 0x28)
        count, names_index = struct.unpack_from('<HH', d, 0x3c)
        first = SHDR.unpack_from(d, shoff)
        count = count or first[5]
        names_index = first[6] if names_index == 0xffff else names_index
        raw = [SHDR.unpack_from(d, shoff + i * 64) for i in range(count)]
        names = d[raw[names_index][4]:raw[names_index][4] + raw[names_index][5]]
        self.sections = []
        for r in raw:
            name = names[r[0]:names.index(b'\0', r[0])].decode()
            data = b'' if r[1] == SHT_NOBITS else d[r[4]:r[4] + r[5]]
            self.sections.append(Section(name, r[1], r[2], r[8], data, r[6], r[7], r[9], r[5]))
        if any(s.type == 18 for s in self.sections):
            raise SystemExit(f'{path}: extended section indices (SHT_SYMTAB_SHNDX) are not supported')
        self.symtab = next(i for i, s in enumerate(self.sections) if s.type == 2)
        self.strtab = self.sections[self.symtab].link
        if self.strtab != names_index:
            raise SystemExit(f'{path}: section and symbol names in different string tables: not supported')
        strings = self.sections[self.strtab].data
        self.symbols = []
        for i in range(len(self.sections[self.symtab].data) // 24):
            n, info, other, shndx, value, size = SYM.unpack_from(self.sections[self.symtab].data, i * 24)
            self.symbols.append(Symbol(strings[n:strings.index(b'\0', n)], info, other, shndx, value, size))
        self.relocations = {}   # rela section index -> [offset, symbol, type, addend] entries
        for i, s in enumerate(self.sections):
            if s.type == SHT_RELA:
                entries = (RELA.unpack_from(s.data, j * 24) for j in range(len(s.data) // 24))
                self.relocations[i] = [[o, info >> 32, info & 0xffffffff, a] for o, info, a in entries]

    def write(self, path):
        strings, offsets = bytearray(b'\0'), {}

        def intern(b):
            if b not in offsets:
                offsets[b] = len(strings)
                strings.extend(b + b'\0')
            return offsets[b]
        symtab = self.sections[self.symtab]
        symtab.data = b''.join(SYM.pack(intern(s.name) if s.name else 0, s.info, s.other, s.shndx, s.value, s.size)
                               for s in self.symbols)
        symtab.info = max(i + 1 for i, s in enumerate(self.symbols) if s.info >> 4 == 0)   # first non-local
        for i, entries in self.relocations.items():
            self.sections[i].data = b''.join(RELA.pack(o, (s << 32) | t, a) for o, s, t, a in entries)
        name_offsets = [intern(s.name.encode()) if s.name else 0 for s in self.sections]
        self.sections[self.strtab].data = bytes(strings)
        out, placed = bytearray(self.header), []
        for s in self.sections:
            if s.type in (0, SHT_NOBITS):
                placed.append((0, s.size))
                continue
            out += b'\0' * (-len(out) % max(s.align, 1))
            placed.append((len(out), len(s.data)))
            out += s.data
        out += b'\0' * (-len(out) % 8)
        shoff, n = len(out), len(self.sections)
        if n >= 0xff00:
            raise SystemExit('too many sections for this writer')
        for s, name, (offset, size) in zip(self.sections, name_offsets, placed):
            out += SHDR.pack(name, s.type, s.flags, 0, offset, size, s.link, s.info, s.align, s.entsize)
        struct.pack_into('<Q', out, 0x28, shoff)
        struct.pack_into('<HH', out, 0x3c, n, self.strtab)
        open(path, 'wb').write(out)


def disassemble(path, section):
    """[(address, bytes, text)] of one section, and the offsets that carry a relocation."""
    out = subprocess.run(['objdump', '-d', '-r', '--insn-width=16', '-j', section, path],
                         capture_output=True, text=True, check=True).stdout
    instructions, relocated = [], set()
    for line in out.splitlines():
        m = re.match(r'^\s*([0-9a-f]+):\t((?:[0-9a-f]{2} )+)\s*\t?(.*)$', line)
        if m:
            instructions.append((int(m.group(1), 16), bytes.fromhex(m.group(2).replace(' ', '')), m.group(3).strip()))
            continue
        m = re.match(r'^\s*([0-9a-f]+): R_X86_64_\w+', line)
        if m:
            relocated.add(int(m.group(1), 16))
    return instructions, relocated


def target_of(text):
    """The address a branch or RIP-relative operand refers to, as objdump prints it."""
    m = BRANCH.match(text)
    if m:
        return int(m.group(2), 16), True
    if '(%rip)' in text:
        m = re.search(r'# ([0-9a-f]+)', text)
        if m:
            return int(m.group(1), 16), False
    return None, False


class TextSplit:
    def __init__(self, obj, path, text_index):
        self.obj, self.T = obj, text_index
        self.size = len(obj.sections[text_index].data)
        self.section_symbol = next(i for i, s in enumerate(obj.symbols) if s.info & 0xf == STT_SECTION and s.shndx == text_index)
        self.instructions, self.relocated = disassemble(path, obj.sections[text_index].name)
        self.starts_of_instructions = [a for a, _, _ in self.instructions]
        self.index_of_instructions = {a: k for k, a in enumerate(self.starts_of_instructions)}
        starts = sorted({s.value for s in obj.symbols if s.shndx == text_index and s.info & 0xf == STT_FUNC} | {0})
        for s in starts[1:]:
            if s not in self.index_of_instructions:
                raise SystemExit(f'function at {s:#x} does not start on an instruction')
            if not NO_FALLTHROUGH.match(self.instructions[self.index_of_instructions[s] - 1][2]):
                raise SystemExit(f'code before {s:#x} falls through into it')
        self.starts = self.join_short_branches(starts)
        self.section_names = self.piece_section_names()

    def piece_section_names(self):
        """`.text` for the first piece, `.text.<its first symbol>` for the others (what the link map shows)."""
        first = {}
        for s in self.obj.symbols:
            if s.shndx == self.T and s.info & 0xf != STT_SECTION:
                first.setdefault(s.value, s.name)
        return ['.text'] + ['.text.' + first.get(lo, f'piece{i}'.encode()).decode(errors='replace')
                            for i, lo in enumerate(self.starts) if i > 0]

    def piece(self, address):
        return bisect.bisect_right(self.starts, address) - 1

    def end_of_instruction(self, address):
        k = bisect.bisect_right(self.starts_of_instructions, address) - 1
        return self.starts_of_instructions[k] + len(self.instructions[k][1])

    def unrelocated_references(self):
        for a, raw, text in self.instructions:
            end = a + len(raw)
            if any(x in self.relocated for x in range(a, end)):
                continue
            target, _ = target_of(text)
            if target is not None and 0 <= target <= self.size:
                yield a, raw, text, target

    def join_short_branches(self, starts):
        """An 8-bit branch cannot be relocated: its source and target stay in one piece."""
        self.starts = starts
        joined = set()
        for a, raw, text, target in self.unrelocated_references():
            if self.piece(a) != self.piece(target) and len(raw) <= 3 and '(%rip)' not in text:
                lo, hi = sorted((a, target))
                joined.update(starts[bisect.bisect_right(starts, lo):bisect.bisect_right(starts, hi)])
        return [s for s in starts if s not in joined]

    def added_relocations(self):
        """(field offset, target) for every resolved reference that now crosses pieces."""
        for a, raw, text, target in self.unrelocated_references():
            if self.piece(a) == self.piece(target):
                continue
            end = a + len(raw)
            field = raw.rfind(((target - end) & 0xffffffff).to_bytes(4, 'little'))
            if field <= 0:
                raise SystemExit(f'no 32-bit displacement in {a:#x}: {text}')
            yield a + field, target, end

    def jump_table_owners(self, text_rela):
        """(rodata section, entry offset) -> (table start, piece that loads the table) for table entries."""
        obj = self.obj
        section_of = {i: s.shndx for i, s in enumerate(obj.symbols) if s.info & 0xf == STT_SECTION}
        loads = {}
        for off, sym, typ, add in obj.relocations[text_rela]:
            if typ in (R_X86_64_PC32, R_X86_64_PLT32) and section_of.get(sym, self.T) != self.T:
                loads.setdefault(section_of[sym], {})[add + self.end_of_instruction(off) - off] = self.piece(off)
        owners = {}
        for ri, entries in obj.relocations.items():
            target = obj.sections[ri].info
            if not obj.sections[target].name.startswith('.rodata'):
                continue
            known, base, previous = loads.get(target, {}), None, None
            for p in sorted(e[0] for e in entries if e[1] == self.section_symbol and e[2] == R_X86_64_PC32):
                if previous is None or p != previous + 4 or p in known:
                    base = p
                if known.get(base) is not None:
                    owners[(target, p)] = (base, known[base])
                previous = p
        return owners

    def meant_piece(self, target_section, entry, owners):
        """The piece a relocation against the old .text section symbol refers to."""
        off, _, typ, add = entry
        section = self.obj.sections[target_section]
        if typ in (R_X86_64_PC32, R_X86_64_PLT32) and section.flags & SHF_EXECINSTR:
            # an instruction operand: the target is relative to the instruction's end
            end = self.end_of_instruction(off) if target_section == self.T else off + 4
            meant = add + end - off
            if target_section == self.T and meant not in self.index_of_instructions:
                raise SystemExit(f'reference at {off:#x} does not point at an instruction')
            return self.piece(meant)
        if (target_section, off) in owners:   # jump table entry: block - table start
            base, owner = owners[(target_section, off)]
            block = add - (off - base)
            if self.piece(block) != owner or block not in self.index_of_instructions:
                raise SystemExit(f'jump table entry {section.name}+{off:#x} does not point into its function')
            return owner
        return self.piece(add)   # data pointers and relative pointers mean the address itself

    def apply(self):
        obj, T, starts = self.obj, self.T, self.starts
        text_rela = next(i for i in obj.relocations if obj.sections[i].info == T)
        owners = self.jump_table_owners(text_rela)
        added = list(self.added_relocations())
        # one new local section symbol per new piece, after the existing locals
        first_global = obj.sections[obj.symtab].info
        new_index = len(obj.sections)
        piece_section = [T] + [new_index + 2 * (i - 1) for i in range(1, len(starts))]
        fresh = [Symbol(b'', STT_SECTION, 0, piece_section[i], 0, 0) for i in range(1, len(starts))]
        renumber = list(range(first_global)) + [first_global + len(fresh) + j for j in range(len(obj.symbols) - first_global)]
        piece_symbol = [self.section_symbol] + [first_global + i for i in range(len(fresh))]
        obj.symbols = obj.symbols[:first_global] + fresh + obj.symbols[first_global:]
        for entries in obj.relocations.values():
            for e in entries:
                e[1] = renumber[e[1]]
        for s in obj.symbols:
            if s.shndx == T and s.info & 0xf != STT_SECTION:
                p = self.piece(s.value)
                s.shndx, s.value = piece_section[p], s.value - starts[p]
        per_piece = [[] for _ in starts]
        for ri, entries in obj.relocations.items():
            target = obj.sections[ri].info
            for e in entries:
                if e[1] == self.section_symbol:
                    p = self.meant_piece(target, e, owners)
                    e[1], e[3] = piece_symbol[p], e[3] - starts[p]
            if target == T:
                for e in entries:
                    p = self.piece(e[0])
                    e[0] -= starts[p]
                    per_piece[p].append(e)
        for field, target, end in added:
            p, q = self.piece(field), self.piece(target)
            per_piece[p].append([field - starts[p], piece_symbol[q], R_X86_64_PC32, (target - starts[q]) - (end - field)])
        text, bounds = obj.sections[T], starts + [self.size]
        code = text.data
        text.data = code[:bounds[1]]
        obj.relocations[text_rela] = per_piece[0]
        rela = obj.sections[text_rela]
        for i in range(1, len(starts)):
            lo, hi = bounds[i], bounds[i + 1]
            name = self.section_names[i]
            obj.sections.append(Section(name, 1, text.flags, min(text.align, lo & -lo), code[lo:hi]))
            obj.sections.append(Section('.rela' + name, SHT_RELA, rela.flags, 8, b'', obj.symtab, len(obj.sections) - 1, 24))
            obj.relocations[len(obj.sections) - 1] = per_piece[i]
        return len(starts), len(added)


def static_stdlib_directory():
    info = json.loads(subprocess.run(['swiftc', '-print-target-info'], capture_output=True, text=True, check=True).stdout)
    return os.path.join(os.path.dirname(info['paths']['runtimeResourcePath']), 'swift_static')


def mirror(source, destination, replaced):
    """destination/ mirrors source/ with symlinks, except the relative paths in `replaced` (real copies)."""
    os.makedirs(destination, exist_ok=True)
    for entry in os.listdir(source):
        inner = [r[len(entry) + 1:] for r in replaced if r.startswith(entry + '/')]
        if inner:
            mirror(os.path.join(source, entry), os.path.join(destination, entry), inner)
        elif entry in replaced:
            shutil.copyfile(os.path.join(source, entry), os.path.join(destination, entry))
        else:
            os.symlink(os.path.join(source, entry), os.path.join(destination, entry))


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split('\n')[2])
    out = os.path.abspath(sys.argv[1])
    toolchain = static_stdlib_directory()
    with tempfile.TemporaryDirectory() as work:
        staged = os.path.join(work, 'swift_static')
        mirror(toolchain, staged, ['linux/libswiftCore.a'])
        archive = os.path.join(staged, 'linux', 'libswiftCore.a')
        subprocess.run(['ar', 'x', archive, 'Swift.o'], cwd=work, check=True)
        path = os.path.join(work, 'Swift.o')
        obj = RelocatableObject(path)
        text = next(i for i, s in enumerate(obj.sections) if s.name == '.text')
        pieces, added = TextSplit(obj, path, text).apply()
        obj.write(path)
        subprocess.run(['ar', 'r', archive, 'Swift.o'], cwd=work, check=True)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(os.path.dirname(out) or '.', exist_ok=True)
        shutil.move(staged, out)
    print(f'split-stdlib-text: Swift.o .text -> {pieces} sections, {added} relocations added -> {out}/linux/libswiftCore.a')


if __name__ == '__main__':
    main()
