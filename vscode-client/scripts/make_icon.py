#!/usr/bin/env python3
"""make_icon.py - draws images/icon.png (128x128), the extension's icon:
a rounded dark-blue square with a yellow review squiggle under three white
"code" lines and a green check mark. Pure Python (zlib + struct), so anyone
can regenerate it: python3 scripts/make_icon.py images/icon.png"""
import math, struct, sys, zlib

N = 128
SS = 4  # supersampling per axis, for smooth edges

BG = (30, 58, 95)
LINE = (236, 240, 245)
SQUIGGLE = (255, 200, 40)
CHECK = (80, 200, 120)


def rounded_square(x, y):
    r, lo, hi = 22.0, 4.0, N - 4.0
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and lo <= x <= hi and lo <= y <= hi


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def colour(x, y):
    if not rounded_square(x, y):
        return None
    # three code lines of different lengths
    for (y0, x1) in ((30, 92), (48, 76), (66, 100)):
        if 24 <= x <= x1 and abs(y - y0) <= 4:
            return LINE
    # the squiggle under the last line
    if 24 <= x <= 100 and abs(y - (80 + 3.5 * math.sin((x - 24) / 4.0))) <= 2.2:
        return SQUIGGLE
    # check mark
    if min(seg_dist(x, y, 60, 100, 74, 112), seg_dist(x, y, 74, 112, 104, 84)) <= 5:
        return CHECK
    return BG


def main(out):
    rows = []
    for j in range(N):
        row = bytearray([0])  # filter: none
        for i in range(N):
            acc = [0, 0, 0, 0]
            for sj in range(SS):
                for si in range(SS):
                    c = colour(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = SS * SS
            a = acc[3] // n
            if a:
                k = acc[3] // 255
                row += bytes((acc[0] // k, acc[1] // k, acc[2] // k, a))
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "images/icon.png")
