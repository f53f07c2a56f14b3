#!/usr/bin/env python3
"""Writes a large, detailed RGB PNG for bench/compare.sh: smooth gradients, rings and
per-pixel noise, so it does not compress to nothing (about 3 bytes per pixel stay).

usage: make_png.py OUT.png [WIDTH HEIGHT]
"""
import random
import struct
import sys
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def main():
    out = sys.argv[1]
    w = int(sys.argv[2]) if len(sys.argv) > 2 else 2048
    h = int(sys.argv[3]) if len(sys.argv) > 3 else 1536
    rnd = random.Random(7)
    # Per-column patterns, reused with a shift per row, plus fresh noise per row.
    red = bytes((x * 255 // max(1, w - 1)) for x in range(w))
    rows = []
    for y in range(h):
        g = (y * 255 // max(1, h - 1)) & 255
        noise = rnd.randbytes(w * 3)
        ring = bytes(((x - w // 2) ** 2 + (y - h // 2) ** 2) // 97 & 255 for x in range(w))
        row = bytearray(w * 3)
        row[0::3] = bytes((a + (n & 31)) & 255 for a, n in zip(red, noise[0::3]))
        row[1::3] = bytes((g + (n & 31)) & 255 for n in noise[1::3])
        row[2::3] = bytes((r + (n & 63)) & 255 for r, n in zip(ring, noise[2::3]))
        rows.append(b"\x00" + bytes(row))
    raw = zlib.compress(b"".join(rows), 6)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", raw)
    png += chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
