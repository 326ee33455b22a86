#!/usr/bin/env python3
"""Zips a folder into a file that depends on the folder's contents only.

Entries in sorted order, one fixed date, fixed permissions (0644, 0755 for executables), no
extra fields: two builds of the same sources give the same bytes (the release's .oxt is
reproducible). Python 3's standard library only.

Usage: zip_tree.py FOLDER OUTPUT [--date YYYY-MM-DD] [--level 0-9]
"""
import argparse
import os
import stat
import sys
import zipfile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("output")
    parser.add_argument("--date", default="2026-01-01",
                        help="the date every entry carries (YYYY-MM-DD)")
    parser.add_argument("--level", type=int, default=6, help="deflate level (9 for a release)")
    args = parser.parse_args()
    year, month, day = (int(part) for part in args.date.split("-"))
    entries = []
    for root, dirs, files in os.walk(args.folder):
        dirs.sort()
        for name in files:
            path = os.path.join(root, name)
            entries.append((os.path.relpath(path, args.folder).replace(os.sep, "/"), path))
    entries.sort()
    temporary = args.output + ".part"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=args.level) as archive:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=(year, month, day, 0, 0, 0))
            executable = os.stat(path).st_mode & stat.S_IXUSR
            info.external_attr = ((0o100755 if executable else 0o100644) & 0xFFFF) << 16
            info.create_system = 3  # Unix, whatever machine builds it
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as source:
                archive.writestr(info, source.read(), compresslevel=args.level)
    os.replace(temporary, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
