#!/usr/bin/env python3
"""Adds one text to the catalogues po/en.po, po/es.po and po/pt.po (see po/README.md).

  tools/add_text.py ProfileFileTooOld --en "“{name}” is too old." \\
      --es "«{name}» es demasiado antiguo." --pt "«{name}» é antigo demais."

A text chosen by a count: --plural, and each language's forms separated by "||":
  --en "{n} contact||{n} contacts" --es "{n} contacto||{n} contactos" …

The key is the C++ name the code then uses (TextKey::ProfileFileTooOld) or "<Dialog>.<name>"
for a dialog string. The entry is appended; the placeholders must be the same in all three.
Other catalogues (a fourth language) show the text in English until translated.
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_texts import CODE_KEY, DIALOG_KEY, read_po  # noqa: E402

PO = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "po")


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("key")
    parser.add_argument("--en", required=True)
    parser.add_argument("--es", required=True)
    parser.add_argument("--pt", required=True)
    parser.add_argument("--plural", action="store_true")
    parser.add_argument("--comment", help="a note for translators (#.)")
    args = parser.parse_args()
    if not CODE_KEY.match(args.key) and not DIALOG_KEY.match(args.key):
        sys.exit(f"{args.key}: a key is a C++ name (ProfileFileTooOld) or Dialog.name")
    texts = {lang: getattr(args, lang).split("||") if args.plural else [getattr(args, lang)]
             for lang in ("en", "es", "pt")}
    placeholders = {lang: [set(re.findall(r"\{([A-Za-z][A-Za-z0-9_]*)\}", t)) for t in forms]
                    for lang, forms in texts.items()}
    expected = placeholders["en"][0]
    for lang, sets in placeholders.items():
        if any(s != expected for s in sets) or (args.plural and len(sets) != 2):
            sys.exit(f"{lang}: the placeholders (and for --plural, two forms) must match en's")
    for lang in ("en", "es", "pt"):
        path = os.path.join(PO, f"{lang}.po")
        _, entries = read_po(path)
        if any(entry["ctx"] == args.key for entry in entries):
            sys.exit(f"{path}: {args.key} is there already")
    for lang in ("en", "es", "pt"):
        path = os.path.join(PO, f"{lang}.po")
        english = texts["en"]
        entry = f"#. {args.comment}\n" if args.comment else ""
        entry += f"msgctxt {quoted(args.key)}\nmsgid {quoted(english[0])}\n"
        if args.plural:
            entry += f"msgid_plural {quoted(english[1])}\n"
            entry += "".join(f"msgstr[{i}] {quoted(form)}\n" for i, form in enumerate(texts[lang]))
        else:
            entry += f"msgstr {quoted(texts[lang][0])}\n"
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text.rstrip("\n") + "\n\n" + entry)
    print(f"{args.key} added to po/en.po, po/es.po, po/pt.po")


if __name__ == "__main__":
    main()
