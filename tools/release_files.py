#!/usr/bin/env python3
"""Writes a release's texts beside its .oxt: the release notes of each language, taken from the
version's section of CHANGELOG.md, and the update feed (clientes.update.xml) that the
description.xml's update-information points to, so that the Extension Manager's "Check for
Updates" finds this release where it is published. Python 3's standard library only.

Usage: release_files.py --changelog CHANGELOG.md --version 0.2.0 --identifier org.clientes.calc
                        --url https://server/releases --oxt clientes-0.2.0.oxt
                        --minimal-office 7.4 --out RELEASE_FOLDER
"""
import argparse
import re
import sys
from xml.sax.saxutils import quoteattr

LANGUAGES = ("es", "en", "pt")


def section(changelog: str, version: str):
    """The date and the notes per language of `version`'s section, or an error."""
    heading = re.compile(r"^## (\S+) — (\d{4}-\d{2}-\d{2})\s*$", re.M)
    matches = list(heading.finditer(changelog))
    for index, match in enumerate(matches):
        if match.group(1) != version:
            continue
        end = matches[index + 1].start() if index + 1 < len(matches) else len(changelog)
        body = changelog[match.end():end]
        notes = {}
        parts = re.split(r"^### (\w+)\s*$", body, flags=re.M)
        for language, text in zip(parts[1::2], parts[2::2]):
            notes[language] = text.strip() + "\n"
        missing = [language for language in LANGUAGES if not notes.get(language, "").strip()]
        if missing:
            raise SystemExit(f"CHANGELOG.md: the section of {version} has no notes in "
                             f"{', '.join(missing)}")
        return match.group(2), notes
    raise SystemExit(f"CHANGELOG.md has no section '## {version} — YYYY-MM-DD': write the "
                     "release notes before releasing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("changelog", "version", "identifier", "url", "oxt", "minimal-office", "out"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    with open(args.changelog, encoding="utf-8") as source:
        date, notes = section(source.read(), args.version)
    url = args.url.rstrip("/")
    notes_names = {}
    for language in LANGUAGES:
        name = f"release-notes-{args.version}_{language}.txt"
        with open(f"{args.out}/{name}", "w", encoding="utf-8") as target:
            target.write(f"Clientes {args.version} ({date})\n\n{notes[language]}")
        notes_names[language] = name
    release_notes = "\n".join(
        f'    <src lang="{language}" xlink:href={quoteattr(url + "/" + name)}/>'
        for language, name in notes_names.items())
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/update/2006"
             xmlns:d="http://openoffice.org/extensions/description/2006"
             xmlns:lo="http://libreoffice.org/extensions/description/2011"
             xmlns:xlink="http://www.w3.org/1999/xlink">
  <identifier value={quoteattr(args.identifier)}/>
  <version value={quoteattr(args.version)}/>
  <dependencies>
    <lo:LibreOffice-minimal-version value={quoteattr(args.minimal_office)} d:name={quoteattr("LibreOffice " + args.minimal_office)}/>
  </dependencies>
  <update-download>
    <src xlink:href={quoteattr(url + "/" + args.oxt)}/>
  </update-download>
  <release-notes>
{release_notes}
  </release-notes>
</description>
"""
    with open(f"{args.out}/clientes.update.xml", "w", encoding="utf-8") as target:
        target.write(feed)
    print(date)
    return 0


if __name__ == "__main__":
    sys.exit(main())
