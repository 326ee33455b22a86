#!/usr/bin/env python3
"""Generates what each consumer of the extension's texts needs from the catalogues po/<lang>.po.

The catalogues are the single source of every user-visible text (see po/README.md):

  msgctxt  the key: "StoreCannotOpen" (a text the C++ code composes: TextKey::StoreCannotOpen)
           or "ClientDialog.Title.New" (a dialog string: "<Dialog>.<name>", Dialog = an .xdl)
  msgid    the English text (msgid_plural: its plural, for a text chosen by a count)
  msgstr   this catalogue's translation (msgstr[0..n-1] for plurals, per its Plural-Forms)

Outputs (all in the build tree, never in git):
  --header      core/text/text_keys.hpp: enum class TextKey, one value per code key (written only
                when it changes, so that a new translation does not recompile the code)
  --source      the core's lookup table (implements core/text/catalogue.hpp)
  --properties  <Dialog>_<lang>.properties for each dialogs/<Dialog>.xdl and each catalogue, and
                <Dialog>_en.default (marks English as the dialogs' fallback)
  --pot         clientes.pot: the template for a new translation (msgmerge/Poedit/Weblate)
  --xcu TEMPLATE OUTPUT
                a configuration file (extension/config/CalcAddIns.xcu.in: the Calc functions'
                names and descriptions) with each "@Key@" replaced by the key's text in every
                catalogue as localized values (<value xml:lang="es">…</value>; English as
                "en-US", Portuguese also as "pt-BR" when there is no pt-BR catalogue)

en.po defines the keys. es, en and pt must be there (the product's languages; their order fixes
the values of the C++ Language enum); any other catalogue adds a language. A key another
catalogue lacks (or leaves empty, or marks fuzzy) falls back to English at run time; the unit test
TextCatalogue.* requires es, en and pt to be complete, with the same placeholders.

Python 3 standard library only (Debian's python3), run by CMake (add_custom_command).
"""

import argparse
import os
import re
import sys

REQUIRED = ["es", "en", "pt"]  # in this order: Language::Es, Language::En, Language::Pt
CODE_KEY = re.compile(r"^[A-Z][A-Za-z0-9]*$")
DIALOG_KEY = re.compile(r"^([A-Z][A-Za-z0-9]*)\.[A-Za-z0-9_.]+$")
PLURAL_EXPRESSION = re.compile(r"^[n0-9\s()!=<>&|?:%+\-*/]+$")


class CatalogueError(Exception):
    pass


# ------------------------------------------------------------------------------------- reading


def unquote(literal, where):
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise CatalogueError(f"{where}: expected a quoted string")
    out = []
    body = literal[1:-1]
    i = 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 >= len(body) or body[i + 1] not in escapes:
                raise CatalogueError(f"{where}: unknown escape in {literal}")
            out.append(escapes[body[i + 1]])
            i += 2
            continue
        if c == '"':
            raise CatalogueError(f"{where}: unescaped quote in {literal}")
        out.append(c)
        i += 1
    return "".join(out)


def read_po(path):
    """Entries of a .po file: {"ctx", "id", "plural", "str": [..], "fuzzy", "line"}; header dict."""
    entries = []
    current = None
    field = None
    flags = set()

    def finish():
        nonlocal current
        if current is not None:
            current["fuzzy"] = "fuzzy" in current.pop("flags")
            entries.append(current)
        current = None

    with open(path, encoding="utf-8") as stream:
        lines = stream.read().split("\n")
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        line = raw.strip()
        if not line:
            finish()
            field = None
            flags = set()
            continue
        if line.startswith("#~"):
            continue  # obsolete entry
        if line.startswith("#,"):
            flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is None or field is None:
                raise CatalogueError(f"{where}: a string continues nothing")
            value = unquote(line, where)
            if isinstance(field, int):
                current["str"][field] += value
            else:
                current[field] += value
            continue
        keyword, _, rest = line.partition(" ")
        rest = rest.strip()
        if keyword == "msgctxt" or (keyword == "msgid" and current is not None
                                    and current["id"] is not None):
            finish()
        if current is None:
            current = {"ctx": None, "id": None, "plural": None, "str": [], "line": number,
                       "flags": flags}
            flags = set()
        if keyword == "msgctxt":
            current["ctx"] = unquote(rest, where)
            field = "ctx"
        elif keyword == "msgid":
            current["id"] = unquote(rest, where)
            field = "id"
        elif keyword == "msgid_plural":
            current["plural"] = unquote(rest, where)
            field = "plural"
        elif keyword == "msgstr":
            current["str"] = [unquote(rest, where)]
            field = 0
        else:
            match = re.match(r"^msgstr\[(\d+)\]$", keyword)
            if not match:
                raise CatalogueError(f"{where}: unknown keyword {keyword}")
            index = int(match.group(1))
            if index != len(current["str"]):
                raise CatalogueError(f"{where}: msgstr[{index}] out of order")
            current["str"].append(unquote(rest, where))
            field = index
    finish()

    header = {}
    body = []
    for entry in entries:
        if entry["ctx"] is None and entry["id"] == "":
            for line in entry["str"][0].split("\n"):
                name, _, value = line.partition(":")
                if name.strip():
                    header[name.strip()] = value.strip()
        else:
            body.append(entry)
    return header, body


def language_tag(header, path):
    tag = header.get("Language") or os.path.splitext(os.path.basename(path))[0]
    tag = tag.replace("_", "-")
    if not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", tag):
        raise CatalogueError(f"{path}: '{tag}' is not a language tag")
    return tag


def plural_rule(header, path):
    text = header.get("Plural-Forms", "nplurals=2; plural=(n != 1);")
    match = re.match(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", text)
    if not match:
        raise CatalogueError(f"{path}: cannot read Plural-Forms '{text}'")
    count, expression = int(match.group(1)), match.group(2)
    if not PLURAL_EXPRESSION.match(expression) or count < 1:
        raise CatalogueError(f"{path}: unsupported plural expression '{expression}'")
    return count, expression


# ------------------------------------------------------------------------------------ checking


class Catalogue:
    def __init__(self, path):
        self.path = path
        header, entries = read_po(path)
        self.tag = language_tag(header, path)
        self.forms, self.plural = plural_rule(header, path)
        self.entries = {}
        for entry in entries:
            key = entry["ctx"]
            if key is None:
                raise CatalogueError(f"{path}:{entry['line']}: entry without msgctxt (the key)")
            if key in self.entries:
                raise CatalogueError(f"{path}:{entry['line']}: key {key} appears twice")
            if entry["plural"] is not None and len(entry["str"]) != self.forms:
                raise CatalogueError(
                    f"{path}:{entry['line']}: {key} needs {self.forms} plural forms")
            self.entries[key] = entry


def load(paths, dialogs):
    catalogues = [Catalogue(path) for path in paths]
    by_tag = {}
    for catalogue in catalogues:
        if catalogue.tag in by_tag:
            raise CatalogueError(f"{catalogue.path}: a second catalogue for '{catalogue.tag}'")
        by_tag[catalogue.tag] = catalogue
    for tag in REQUIRED:
        if tag not in by_tag:
            raise CatalogueError(f"po/{tag}.po is missing: es, en and pt are required")
    english = by_tag["en"]
    for key, entry in english.entries.items():
        dialog = DIALOG_KEY.match(key)
        if dialog and dialog.group(1) not in dialogs:
            raise CatalogueError(f"{english.path}: {key}: there is no dialogs/{dialog.group(1)}.xdl")
        if not dialog and not CODE_KEY.match(key):
            raise CatalogueError(f"{english.path}: {key} is neither a C++ name nor Dialog.name")
        if dialog and entry["plural"] is not None:
            raise CatalogueError(f"{english.path}: {key}: dialog strings have no plural forms")
    for catalogue in catalogues:
        for key, entry in catalogue.entries.items():
            source = english.entries.get(key)
            if source is None:
                raise CatalogueError(f"{catalogue.path}: {key} is not in en.po (the source)")
            if (entry["id"], entry["plural"]) != (source["id"], source["plural"]):
                raise CatalogueError(
                    f"{catalogue.path}: {key}: msgid differs from en.po; update the translation "
                    f"to the English text (msgmerge) and remove the old one")
    order = REQUIRED + sorted(tag for tag in by_tag if tag not in REQUIRED)
    return [by_tag[tag] for tag in order]


def translation(catalogue, key):
    """The forms of a key in a catalogue; [] when missing, empty or fuzzy."""
    entry = catalogue.entries.get(key)
    if entry is None or entry["fuzzy"] or not any(entry["str"]):
        return []
    return entry["str"]


# ------------------------------------------------------------------------------------- writing


ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t"}  # shared by C++ and .properties


def cpp_string(text):
    out = []
    for byte in text.encode("utf-8"):
        c = chr(byte)
        if c in ESCAPES or c == '"':
            out.append(ESCAPES.get(c, '\\"'))
        elif 0x20 <= byte < 0x7F and c != "?":
            out.append(c)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def write_if_changed(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, encoding="utf-8") as stream:
            if stream.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)


GENERATED = "// Generated by tools/generate_texts.py from po/*.po: do not edit, edit the catalogues.\n"


def header_text(code_keys):
    lines = [GENERATED, "#pragma once\n\n#include <cstddef>\n#include <cstdint>\n\n",
             "namespace clientes\n{\n",
             "// The texts the code composes, by key (msgctxt in po/*.po).\n",
             "enum class TextKey : std::uint16_t\n{\n"]
    lines += [f"    {key},\n" for key in code_keys]
    lines.append("};\n\n")
    lines.append(f"inline constexpr std::size_t kTextKeyCount = {len(code_keys)};\n")
    lines.append("} // namespace clientes\n")
    return "".join(lines)


def source_text(catalogues, keys, code_count):
    english = catalogues[1]
    max_forms = max(2, max(c.forms for c in catalogues))
    out = [GENERATED, '#include "core/text/catalogue.hpp"\n\n#include <array>\n\n',
           "namespace clientes::catalogue\n{\nnamespace\n{\n"]
    out.append(f"constexpr std::size_t kLanguages = {len(catalogues)};\n")
    out.append(f"constexpr std::size_t kKeys = {len(keys)};\n")
    out.append(f"constexpr std::size_t kCodeKeys = {code_count};\n")
    out.append(f"constexpr std::size_t kMaxForms = {max_forms};\n\n")
    out.append("constexpr std::array<std::string_view, kLanguages> kTags = {\n")
    out += [f"    {cpp_string(c.tag)},\n" for c in catalogues]
    out.append("};\n\nconstexpr std::array<std::size_t, kLanguages> kFormCounts = {\n")
    out += [f"    {c.forms},\n" for c in catalogues]
    out.append("};\n\nconstexpr std::array<std::string_view, kKeys> kKeyNames = {\n")
    out += [f"    {cpp_string(k)},\n" for k in keys]
    out.append("};\n\nconstexpr std::array<bool, kKeys> kPlural = {\n")
    out += [f"    {'true' if english.entries[k]['plural'] is not None else 'false'},\n" for k in keys]
    out.append("};\n\n")
    out.append("using Forms = std::array<std::string_view, kMaxForms>;\n")
    for index, catalogue in enumerate(catalogues):
        out.append(f"// {catalogue.tag}: {os.path.basename(catalogue.path)}\n")
        out.append(f"constexpr std::array<Forms, kKeys> kTexts{index} = {{{{\n")
        for key in keys:
            forms = translation(catalogue, key)
            out.append("    {" + ", ".join(cpp_string(f) for f in forms) + "},\n")
        out.append("}};\n\n")
    out.append("constexpr std::array<const std::array<Forms, kKeys>*, kLanguages> kTexts = {\n")
    out += [f"    &kTexts{index},\n" for index in range(len(catalogues))]
    out.append("};\n} // namespace\n\n")
    out.append("std::size_t languageCount()\n{\n    return kLanguages;\n}\n\n")
    out.append("std::string_view languageTag(std::size_t language)\n{\n"
               "    return language < kLanguages ? kTags[language] : std::string_view();\n}\n\n")
    out.append("std::size_t keyCount()\n{\n    return kKeys;\n}\n\n")
    out.append("std::size_t codeKeyCount()\n{\n    return kCodeKeys;\n}\n\n")
    out.append("std::string_view keyName(std::size_t key)\n{\n"
               "    return key < kKeys ? kKeyNames[key] : std::string_view();\n}\n\n")
    out.append("bool isPlural(std::size_t key)\n{\n    return key < kKeys && kPlural[key];\n}\n\n")
    out.append("std::size_t formCount(std::size_t language)\n{\n"
               "    return language < kLanguages ? kFormCounts[language] : 0;\n}\n\n")
    out.append("std::string_view form(std::size_t language, std::size_t key, std::size_t form)\n{\n"
               "    if (language >= kLanguages || key >= kKeys || form >= kMaxForms)\n"
               "        return {};\n"
               "    return (*kTexts[language])[key][form];\n}\n\n")
    out.append("std::size_t pluralForm(std::size_t language, unsigned long n)\n{\n"
               "    // The Plural-Forms expression of each catalogue's header.\n"
               "    switch (language)\n    {\n")
    for index, catalogue in enumerate(catalogues):
        out.append(f"    case {index}: // {catalogue.tag}\n"
                   f"        return static_cast<std::size_t>({catalogue.plural});\n")
    out.append("    default:\n        break;\n    }\n    return n == 1 ? 0 : 1;\n}\n")
    out.append("} // namespace clientes::catalogue\n")
    return "".join(out)


def properties_value(text):
    out = []
    for i, c in enumerate(text):
        code = ord(c)
        if c in ESCAPES:
            out.append(ESCAPES[c])
        elif c == " " and i == 0:
            out.append("\\ ")
        elif code < 0x20 or code > 0x7E:
            if code > 0xFFFF:  # UTF-16 surrogate pair
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(c)
    return "".join(out)


def properties_files(catalogues, keys, dialogs):
    """{file name: text} for every dialog and catalogue."""
    files = {}
    english = catalogues[1]
    for dialog in sorted(dialogs):
        dialog_keys = [k for k in keys if k.startswith(dialog + ".")]
        for catalogue in catalogues:
            suffix = catalogue.tag.replace("-", "_")
            lines = [f"# Strings of {dialog}.xdl ({catalogue.tag}), generated from "
                     f"{os.path.basename(catalogue.path)}\n",
                     "# by tools/generate_texts.py: do not edit. {name}: filled in by the code.\n"]
            for key in dialog_keys:
                forms = translation(catalogue, key) or translation(english, key)
                lines.append(f"{key}={properties_value(forms[0])}\n")
            text = "".join(lines)
            files[f"{dialog}_{suffix}.properties"] = text
            if catalogue is english:
                files[f"{dialog}_{suffix}.default"] = text
    return files


def pot_text(english, keys):
    def quoted(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    out = ['# Template for a new catalogue of Clientes: copy to po/<lang>.po, set "Language:" and\n'
           "# Plural-Forms, translate every msgstr. Generated by tools/generate_texts.py.\n",
           'msgid ""\nmsgstr ""\n"Project-Id-Version: Clientes\\n"\n"Language: \\n"\n'
           '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '"Content-Transfer-Encoding: 8bit\\n"\n'
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n']
    for key in keys:
        entry = english.entries[key]
        out.append(f"msgctxt {quoted(key)}\nmsgid {quoted(entry['id'])}\n")
        if entry["plural"] is not None:
            out.append(f"msgid_plural {quoted(entry['plural'])}\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n")
        else:
            out.append('msgstr ""\n\n')
    return "".join(out)


def xml_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def localized_values(catalogues, key):
    english = catalogues[1]
    tags = {catalogue.tag for catalogue in catalogues}
    values = []
    for catalogue in catalogues:
        forms = translation(catalogue, key) or translation(english, key)
        names = [catalogue.tag]
        if catalogue.tag == "en":
            names = ["en-US"]
        elif catalogue.tag == "pt" and "pt-BR" not in tags:
            names = ["pt", "pt-BR"]
        values += [f'<value xml:lang="{name}">{xml_text(forms[0])}</value>' for name in names]
    return "".join(values)


def xcu_text(template_path, catalogues, code_keys):
    with open(template_path, encoding="utf-8") as stream:
        template = stream.read()

    def replace(match):
        key = match.group(1)
        if key not in code_keys:
            raise CatalogueError(f"{template_path}: @{key}@ is not a key of en.po")
        return localized_values(catalogues, key)

    return re.sub(r"@([A-Z][A-Za-z0-9]*)@", replace, template)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dialogs", required=True, help="folder of the .xdl dialogs")
    parser.add_argument("--header", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--properties", required=True, help="folder for the .properties")
    parser.add_argument("--pot")
    parser.add_argument("--xcu", nargs=2, action="append", default=[],
                        metavar=("TEMPLATE", "OUTPUT"))
    parser.add_argument("catalogues", nargs="+")
    args = parser.parse_args()
    try:
        dialogs = {os.path.splitext(name)[0] for name in os.listdir(args.dialogs)
                   if name.endswith(".xdl")}
        catalogues = load(args.catalogues, dialogs)
        english = catalogues[1]
        code_keys = [k for k in english.entries if CODE_KEY.match(k)]
        dialog_keys = [k for k in english.entries if not CODE_KEY.match(k)]
        keys = code_keys + dialog_keys
        write_if_changed(args.header, header_text(code_keys))
        write_if_changed(args.source, source_text(catalogues, keys, len(code_keys)))
        os.makedirs(args.properties, exist_ok=True)
        wanted = properties_files(catalogues, keys, dialogs)
        for name in os.listdir(args.properties):
            if name not in wanted and name.endswith((".properties", ".default")):
                os.remove(os.path.join(args.properties, name))  # a catalogue that went away
        for name, text in wanted.items():
            write_if_changed(os.path.join(args.properties, name), text)
        if args.pot:
            write_if_changed(args.pot, pot_text(english, keys))
        for template, output in args.xcu:
            write_if_changed(output, xcu_text(template, catalogues, set(code_keys)))
    except (CatalogueError, OSError) as error:
        print(f"generate_texts.py: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
