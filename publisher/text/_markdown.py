"""The draft's Markdown, parsed once into HTML and a small tree that every kind's writer walks.

Python-Markdown with ``extra`` and ``sane_lists`` (so that "3. " starts a list at 3) plus two changes for social
posts:

* ``#word`` at the start of a line is a hashtag, not a heading: a heading needs a space after the ``#``, as in
  CommonMark.
* bare ``http(s)://`` links become links (so ``_`` and ``*`` in them are never emphasis, and HTML kinds link them).

Nothing here raises on odd input: Markdown that does not parse as intended is text, and if Python-Markdown fails
anyway, the draft is used as plain paragraphs.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

import markdown
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

MAX_DEPTH = 64  # deeper nesting is flattened into its parent (writers recurse over the tree)
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
# fmt: off
HTML_TAGS = VOID_TAGS | frozenset({
    "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "body", "button", "canvas",
    "caption", "center", "cite", "code", "colgroup", "data", "dd", "del", "details", "dfn", "dialog", "div", "dl",
    "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "html", "i", "iframe", "ins", "kbd", "label", "legend", "li", "main", "mark", "nav",
    "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture", "pre", "q", "s", "samp", "script",
    "section", "select", "small", "span", "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody",
    "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "var", "video",
})
# fmt: on


@dataclass(slots=True)
class Node:
    """An HTML element; ``children`` are nodes and text. Writers only read it."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Document:
    html: str  # Python-Markdown's output
    root: Node  # the same, as a tree


class _HashtagFriendlyHeaders(HashHeaderProcessor):
    """``# Heading`` needs the space; ``#hashtag`` at the start of a line stays text."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:[ \t](?:\\.|[^\\#]|#+(?=[^#\n]))*?)?)#*(?:\n|$)")


class _BareLinks(InlineProcessor):
    """``https://…`` in running text becomes a link; trailing punctuation stays outside, as GitHub does it."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:  # type: ignore[override]
        url = m.group(1)
        while url and url[-1] in ".,:;!?'\"*_~":
            url = url[:-1]
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1]
        if len(url) <= len("https://"):
            return None, m.start(0), m.end(0)
        element = etree.Element("a", {"href": url})
        element.text = AtomicString(url)
        return element, m.start(1), m.start(1) + len(url)


class _SocialExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(_HashtagFriendlyHeaders(md.parser), "hashheader", 70)
        # After raw HTML (90), so links inside tags stay untouched; before emphasis (70, 60).
        md.inlinePatterns.register(_BareLinks(r'(?<![\w/"\'=])(https?://[^\s<>"\x02\x03]+)', md), "bare_link", 85)


_local = threading.local()


def _markdown() -> markdown.Markdown:
    """One Markdown object per thread, reused (building one costs more than converting a short draft)."""
    md: markdown.Markdown | None = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=["extra", "sane_lists", _SocialExtension()], output_format="html")
        _local.md = md
    return md


# Python-Markdown is slow on some input: it rebuilds a paragraph's text for every inline match, and its link
# handling scans ahead from every "[", which grows with the square of a paragraph (Python-Markdown issues #798 and
# #1619); and each inline match costs tens of microseconds. A pasted megabyte must not stall the composer, so these
# paragraphs go in as escaped text in a raw <p> block, which Python-Markdown passes through untouched (their Markdown
# is not interpreted, every word is kept): any longer than _LONG_BLOCK characters, then the costliest for links until
# all are within _BRACKET_BUDGET, then those with the most markup until all are within _MARKUP_BUDGET characters of
# it. A draft within all three (any draft written by hand) is left as it is. Code (fenced or indented) costs nothing.
_LONG_BLOCK = 10_000
_BRACKET_BUDGET = 2_000_000
_MARKUP_BUDGET = 50_000
_MARKUP = "*_[`<&\\!"
_BLOCKS = re.compile(r"(\n[ \t]*\n)")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_INDENTED = re.compile(r"(?:(?: {4}|\t).*(?:\n|\Z))+\Z")


def _markup(text: str) -> int:
    return sum(text.count(char) for char in _MARKUP)


def _defuse(text: str) -> str:
    """``text`` with the paragraphs that would take Python-Markdown too long made plain (see above)."""
    if len(text) <= _LONG_BLOCK and text.count("[") * len(text) <= _BRACKET_BUDGET and _markup(text) <= _MARKUP_BUDGET:
        return text
    blocks = _BLOCKS.split(text)  # paragraphs at even indices, the blank lines between them at odd ones
    inline: list[int] = []  # the paragraphs Python-Markdown works through inline (not code)
    in_fence = False
    for index in range(0, len(blocks), 2):
        fences = len(_FENCE.findall(blocks[index]))
        if not in_fence and not fences and not _INDENTED.match(blocks[index]):
            inline.append(index)
        in_fence ^= fences % 2 == 1
    plain = {index for index in inline if len(blocks[index]) > _LONG_BLOCK}
    for cost, budget in (
        (lambda block: block.count("[") * len(block), _BRACKET_BUDGET),
        (_markup, _MARKUP_BUDGET),
    ):
        costs = sorted(((cost(blocks[index]), index) for index in inline if index not in plain), reverse=True)
        total = sum(value for value, _ in costs)
        for value, index in costs:
            if total <= budget:
                break
            plain.add(index)
            total -= value
    for index in plain:
        body = html.escape(blocks[index].strip(), quote=False).replace("\n", "<br />\n")
        blocks[index] = f"<p>{body}</p>"
    return "".join(blocks)


def to_html(text: str) -> str:
    """The draft as HTML (WordPress's content); plain paragraphs if Python-Markdown fails."""
    md = _markdown()
    try:
        return md.reset().convert(_defuse(text))
    except Exception:  # invalid Markdown is text: a draft must never crash the composer
        _local.md = None
        return "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", text) if p.strip())


class _TreeBuilder(HTMLParser):
    """HTML to a :class:`Node` tree. A "tag" that is no HTML element ("press <Ctrl>") stays text, as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.handle_data(self.get_starttag_text() or "")
            return
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.handle_data(self.get_starttag_text() or "")
            return
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag not in HTML_TAGS:
            self.handle_data(f"</{tag}>")
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def to_tree(markup: str) -> Node:
    builder = _TreeBuilder()
    try:
        builder.feed(markup)
        builder.close()
    except Exception:  # html.parser is lenient; this is a last resort, never expected
        return Node("#root", children=[Node("p", children=[html.unescape(_strip_tags(markup))])])
    return builder.root


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup)


@lru_cache(maxsize=4)  # small: a pasted megabyte makes a big tree
def parse(text: str) -> Document:
    """The draft parsed once; every kind's writer reads the same result (cached for the kinds of one draft)."""
    markup = to_html(text)
    return Document(markup, to_tree(markup))


def text_of(node: Node | str) -> str:
    """All the text in ``node``."""
    if isinstance(node, str):
        return node
    return "".join(text_of(child) for child in node.children)
