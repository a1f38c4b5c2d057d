#!/usr/bin/env python3
"""Checks linker/split-stdlib-text.py on a real link: every instruction of the stdlib's moved code must refer to the
same places as in a link of the toolchain's own libswiftCore.a.

usage: scripts/verify-split-stdlib.py ORIGINAL_BINARY SPLIT_BINARY SPLIT_MAP

ORIGINAL_BINARY: swiftlet linked against the toolchain's stdlib (any build: only the stdlib's code is compared).
SPLIT_BINARY, SPLIT_MAP: swiftlet linked against .build-stdlib, with `-Xlinker -Map=SPLIT_MAP`.
A target inside the stdlib's text is compared by its offset in the original Swift.o; any other target by the symbol
names at its address. Prints the differences and exits 1 if there are any.
"""
import bisect
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('split', os.path.join(here, '..', 'linker', 'split-stdlib-text.py'))
split = importlib.util.module_from_spec(spec)
spec.loader.exec_module(split)


def symbols_by_address(binary):
    names, addresses = {}, {}
    for line in subprocess.run(['nm', binary], capture_output=True, text=True, check=True).stdout.splitlines():
        p = line.split()
        if len(p) == 3:
            a = int(p[0], 16)
            names.setdefault(a, set()).add(p[2])
            addresses.setdefault(p[2], []).append(a)
    return names, addresses


def disassemble(binary, lo, hi):
    out = subprocess.run(['objdump', '-d', '--no-show-raw-insn', '--insn-width=16', f'--start-address={lo}',
                          f'--stop-address={hi}', binary], capture_output=True, text=True, check=True).stdout
    return {int(m.group(1), 16): m.group(2).strip() for m in re.finditer(r'^\s*([0-9a-f]+):\t(.*)$', out, re.M)}


class Image:
    """Bytes of a static binary by virtual address."""

    def __init__(self, binary):
        self.data = open(binary, 'rb').read()
        self.segments = []
        for line in subprocess.run(['readelf', '-lW', binary], capture_output=True, text=True, check=True).stdout.splitlines():
            p = line.split()
            if p and p[0] == 'LOAD':
                self.segments.append((int(p[2], 16), int(p[4], 16), int(p[1], 16)))

    def read(self, address, count=32):
        for start, size, offset in self.segments:
            if start <= address < start + size:
                return self.data[offset + address - start:offset + min(address - start + count, size)]
        return None


def normalise(text, canonical, names, image):
    """The instruction with its targets taken out, and the targets as (stdlib offset or None, names there, bytes there).
    Bytes: merged strings land at other offsets from their neighbouring symbols in another link."""
    targets = []

    def take(address, shown):
        a = int(address, 16)
        targets.append((canonical(a), names.get(a, set()) | {shown.strip('<> ')}, image.read(a)))
        return '@'
    text = re.sub(r'\b([0-9a-f]+) (<[^>]*>)', lambda m: take(m.group(1), m.group(2)), text)
    text = re.sub(r'# ([0-9a-f]+)( <[^>]*>)?', lambda m: '# ' + take(m.group(1), m.group(2) or ''), text)
    return re.sub(r'\s+', ' ', re.sub(r'-?0x[0-9a-f]+\(%rip\)', '(%rip)', text)), targets


def same(a, b):
    if a[0] != b[0] or len(a[1]) != len(b[1]):
        return False
    return all((c1 is not None and c1 == c2) or bool((n1 & n2) - {''}) or (c1 is None and c2 is None and b1 and b1 == b2)
               for (c1, n1, b1), (c2, n2, b2) in zip(a[1], b[1]))


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.split('\n')[3])
    original, moved, map_file = sys.argv[1:]
    with tempfile.TemporaryDirectory() as work:
        archive = os.path.join(split.static_stdlib_directory(), 'linux', 'libswiftCore.a')
        subprocess.run(['ar', 'x', archive, 'Swift.o'], cwd=work, check=True)
        path = os.path.join(work, 'Swift.o')
        obj = split.RelocatableObject(path)
        T = next(i for i, s in enumerate(obj.sections) if s.name == '.text')
        text = split.TextSplit(obj, path, T)
    starts, size = text.starts, text.size
    bounds = starts + [size]
    old_names, old_addresses = symbols_by_address(original)
    new_names, _ = symbols_by_address(moved)
    # where the original stdlib text starts in the original binary: the offset most unique symbols agree on
    votes = {}
    for s in obj.symbols:
        if s.shndx == T and s.info & 0xf == split.STT_FUNC and len(old_addresses.get(s.name.decode(), [])) == 1:
            base = old_addresses[s.name.decode()][0] - s.value
            votes[base] = votes.get(base, 0) + 1
    base = max(votes, key=votes.get)
    placed = {}
    for line in open(map_file):
        m = re.match(r'^\s*([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+\d+\s+.*\(Swift\.o\):\((\.text[^)]*)\)$', line)
        if m:
            placed[m.group(2)] = int(m.group(1), 16)
    piece_address = {i: placed[name] for i, name in enumerate(text.section_names) if name in placed}
    ranges = sorted((a, a + bounds[i + 1] - bounds[i], i) for i, a in piece_address.items())
    range_starts = [r[0] for r in ranges]

    def canonical_new(a):
        k = bisect.bisect_right(range_starts, a) - 1
        return starts[ranges[k][2]] + a - ranges[k][0] if k >= 0 and a < ranges[k][1] else None

    def canonical_old(a):
        return a - base if base <= a < base + size else None
    old_image, new_image = Image(original), Image(moved)
    old_code = disassemble(original, base, base + size)
    new_code = disassemble(moved, min(range_starts), max(r[1] for r in ranges))
    checked = differences = 0
    for i, address in piece_address.items():
        for offset in range(bounds[i], bounds[i + 1]):
            if base + offset not in old_code:
                continue
            checked += 1
            a = normalise(old_code[base + offset], canonical_old, old_names, old_image)
            b = normalise(new_code.get(address + offset - bounds[i], 'MISSING'), canonical_new, new_names, new_image)
            if not same(a, b):
                differences += 1
                if differences <= 20:
                    print(f'stdlib .text+{offset:#x}\n  original {a}\n  split    {b}')
    print(f'{checked} instructions in {len(piece_address)} of {len(starts)} pieces checked, {differences} differ')
    return 1 if differences else 0


if __name__ == '__main__':
    sys.exit(main())
