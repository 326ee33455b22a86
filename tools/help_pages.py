#!/usr/bin/env python3
"""Builds the extension's help: one HTML page per page and language, from the sources in
extension/help/.

  extension/help/pages.txt        the pages' ids in the order of the contents (an indented id is a
                                  sub-page of the one above)
  extension/help/<lang>/<id>.html each page's body in that language: an HTML fragment beginning
                                  with its <h1> title (see extension/help/README.md)
  extension/help/page.html.in     the layout around every body: the contents, the other languages;
                                  its words are "@Key@" texts of po/<lang>.po
  extension/help/clientes-help.css

Output (OUT, inside the .oxt): help/<lang>/<id>.html and help/clientes-help.css. Every page must
exist in every language, be well-formed, use only the allowed elements and link only to pages
that exist: otherwise this fails and says which file and why. Python 3 standard library only.
"""

import argparse
import html
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_texts import Catalogue, CatalogueError, translation  # noqa: E402

LANGUAGES = ["es", "en", "pt"]
AUTONYMS = {"es": "Español", "en": "English", "pt": "Português"}
ALLOWED = {
    "h1", "h2", "h3", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
    "th", "td", "code", "kbd", "em", "strong", "br", "a", "pre",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "p": {"class"}, "th": {"scope"}}
LINK = re.compile(r"^([a-z0-9-]+)\.html$")


class HelpError(Exception):
    pass


def read_pages(path):
    pages = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            page = line.strip()
            if not re.fullmatch(r"[a-z0-9-]+", page):
                raise HelpError(f"{path}:{number}: '{page}' is not a page id (a-z, 0-9, -)")
            if page in (p for p, _ in pages):
                raise HelpError(f"{path}:{number}: '{page}' appears twice")
            pages.append((page, 1 if line.startswith((" ", "\t")) else 0))
    if not pages or pages[0][1] != 0:
        raise HelpError(f"{path}: the first page must not be indented")
    return pages


def check_fragment(path, text, ids):
    """The page's title; raises HelpError when the fragment breaks the rules."""
    try:
        root = ElementTree.fromstring(f"<page>{text}</page>")
    except ElementTree.ParseError as error:
        raise HelpError(f"{path}: not well-formed: {error}") from None
    children = list(root)
    if not children or children[0].tag != "h1" or (root.text or "").strip():
        raise HelpError(f"{path}: the page must begin with its <h1> title")
    if sum(1 for _ in root.iter("h1")) != 1:
        raise HelpError(f"{path}: one <h1> per page")
    for element in root.iter():
        if element is root:
            continue
        if element.tag not in ALLOWED:
            raise HelpError(f"{path}: <{element.tag}> is not allowed in a help page")
        for attribute, value in element.attrib.items():
            if attribute not in ALLOWED_ATTRIBUTES.get(element.tag, set()):
                raise HelpError(f"{path}: <{element.tag} {attribute}=…> is not allowed")
            if element.tag == "a":
                match = LINK.match(value)
                if not match or match.group(1) not in ids:
                    raise HelpError(f"{path}: the link '{value}' names no page of pages.txt")
    title = "".join(children[0].itertext()).strip()
    if not title:
        raise HelpError(f"{path}: the <h1> title is empty")
    return title


def chrome_texts(template, catalogue, english):
    def replace(match):
        key = match.group(1)
        forms = translation(catalogue, key) or translation(english, key)
        if not forms:
            raise HelpError(f"{template}: @{key}@ is not a text of po/en.po")
        return html.escape(forms[0])

    return replace


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--help-dir", required=True, help="extension/help")
    parser.add_argument("--catalogues", required=True, help="po/")
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", required=True, help="the folder to write help/ into")
    args = parser.parse_args()
    try:
        pages = read_pages(os.path.join(args.help_dir, "pages.txt"))
        ids = {page for page, _ in pages}
        catalogues = {tag: Catalogue(os.path.join(args.catalogues, f"{tag}.po"))
                      for tag in LANGUAGES}
        with open(os.path.join(args.help_dir, "page.html.in"), encoding="utf-8") as stream:
            layout = re.sub(r"<!--.*?-->\n?", "", stream.read(), flags=re.S)
        bodies, titles = {}, {}
        for tag in LANGUAGES:
            folder = os.path.join(args.help_dir, tag)
            present = {name[:-5] for name in os.listdir(folder) if name.endswith(".html")}
            for stray in sorted(present - ids):
                raise HelpError(f"{folder}/{stray}.html is not in pages.txt")
            for page, _ in pages:
                path = os.path.join(folder, f"{page}.html")
                if not os.path.exists(path):
                    raise HelpError(f"{path} is missing: every page exists in es, en and pt")
                with open(path, encoding="utf-8") as stream:
                    text = stream.read()
                titles[tag, page] = check_fragment(path, text, ids)
                bodies[tag, page] = text.strip()
        out = os.path.join(args.out, "help")
        for tag in LANGUAGES:
            os.makedirs(os.path.join(out, tag), exist_ok=True)
            words = re.sub(r"@([A-Z][A-Za-z0-9]*)@",
                           chrome_texts("page.html.in", catalogues[tag], catalogues["en"]), layout)
            for page, _ in pages:
                contents = []
                for other, depth in pages:
                    current = ' aria-current="page"' if other == page else ""
                    contents.append(
                        f'<li class="level{depth}"><a href="{other}.html"{current}>'
                        f"{html.escape(titles[tag, other])}</a></li>")
                languages = " · ".join(
                    f'<a href="../{other}/{page}.html" lang="{other}" hreflang="{other}">'
                    f"{AUTONYMS[other]}</a>"
                    for other in LANGUAGES if other != tag)
                text = (words.replace("{lang}", tag)
                        .replace("{title}", html.escape(titles[tag, page]))
                        .replace("{contents}", "\n".join(contents))
                        .replace("{languages}", languages)
                        .replace("{version}", html.escape(args.version))
                        .replace("{body}", bodies[tag, page]))
                with open(os.path.join(out, tag, f"{page}.html"), "w", encoding="utf-8",
                          newline="\n") as stream:
                    stream.write(text)
        with open(os.path.join(args.help_dir, "clientes-help.css"), encoding="utf-8") as stream:
            css = stream.read()
        with open(os.path.join(out, "clientes-help.css"), "w", encoding="utf-8") as stream:
            stream.write(css)
    except (HelpError, CatalogueError, OSError) as error:
        print(f"help_pages.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
