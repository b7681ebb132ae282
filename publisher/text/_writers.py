"""Writers: the parsed draft (a :class:`~publisher.text._markdown.Node` tree) to each kind's text.

One walk, with hooks per output: plain text (Mastodon, Bluesky, X, Threads, LinkedIn before escaping, Matrix
``body``), Telegram HTML, Discord Markdown and Matrix HTML. Blocks become paragraphs separated by a blank line; list
items become lines ("•" or "1."); emphasis is dropped where the output has none.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from publisher.text._entities import entities_of
from publisher.text._markdown import Node, text_of

LinkRewriter = Callable[[str], str]

# fmt: off
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
# fmt: on
SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BULLETS = ("•", "◦", "▪")
_URL_SCHEMES = ("http://", "https://")
_INDENT = "  "


def _same_target(label: str, href: str) -> bool:
    """Whether a link's label is just its address (then plain text shows the address alone)."""

    def bare(value: str) -> str:
        value = value.strip()
        for prefix in ("mailto:", "tel:", "https://", "http://"):
            if value.lower().startswith(prefix):
                value = value[len(prefix) :]
        return value.rstrip("/")

    return not label.strip() or bare(label) == bare(href)


class Writer:
    """Plain text: what Mastodon, Bluesky, X and Threads get."""

    paragraph_separator = "\n\n"
    item_separator = "\n"

    def __init__(self, rewrite: LinkRewriter | None = None) -> None:
        self.rewrite = rewrite or (lambda url: url)

    # --- document and blocks --------------------------------------------------------------------------------------

    def write(self, root: Node) -> str:
        return self.paragraph_separator.join(self.blocks(root.children))

    def blocks(self, children: list[Node | str]) -> list[str]:
        """The blocks among ``children``; loose inline content between blocks makes a paragraph of its own."""
        out: list[str] = []
        run: list[Node | str] = []
        for child in children:
            if isinstance(child, str) or child.tag not in BLOCK_TAGS:
                run.append(child)
                continue
            self._flush(run, out)
            run = []
            out.extend(block for block in self.block(child) if block)
        self._flush(run, out)
        return out

    def _flush(self, run: list[Node | str], out: list[str]) -> None:
        if run:
            paragraph = self.paragraph(run)
            if paragraph:
                out.append(paragraph)

    def block(self, node: Node) -> list[str]:
        tag = node.tag
        if tag == "p":
            return [self.paragraph(node.children)]
        if tag in _HEADINGS:
            return [self.heading(int(tag[1]), node.children)]
        if tag in ("ul", "ol"):
            return [self.list_block(node, 0)]
        if tag == "li":
            return [self.list_block(Node("ul", children=[node]), 0)]
        if tag == "pre":
            return [self.code_block(node)]
        if tag == "blockquote":
            return [self.quote(self.blocks(node.children))]
        if tag == "hr":
            return [self.rule()]
        if tag == "table":
            return [self.table(node)]
        if tag == "dl":
            return self.definitions(node)
        if tag in SKIPPED_TAGS:
            return []
        return self.blocks(node.children)

    def paragraph(self, children: list[Node | str]) -> str:
        return self.inline(children).strip()

    def heading(self, level: int, children: list[Node | str]) -> str:
        return self.inline(children).strip()

    def list_block(self, node: Node, depth: int) -> str:
        ordered = node.tag == "ol"
        start = node.attrs.get("start", "1")
        number = int(start) if start.isdigit() and len(start) < 10 else 1
        lines: list[str] = []
        for item in node.children:
            if isinstance(item, str):
                if not item.strip():
                    continue
                item = Node("li", children=[item])
            marker = self.marker(ordered, number, depth)
            number += 1
            blocks = self.item_blocks(item, depth)
            body = self.item_separator.join(blocks)
            lines.append(marker + " " + body.replace("\n", "\n" + _INDENT) if body else marker)
        return self.item_separator.join(lines)

    def item_blocks(self, item: Node, depth: int) -> list[str]:
        """An item's blocks; a list inside it is one level deeper."""
        out: list[str] = []
        run: list[Node | str] = []
        children = item.children if item.tag == "li" else [item]
        for child in children:
            if isinstance(child, Node) and child.tag in ("ul", "ol"):
                self._flush(run, out)
                run = []
                out.append(self.list_block(child, depth + 1))
            elif isinstance(child, str) or child.tag not in BLOCK_TAGS:
                run.append(child)
            else:
                self._flush(run, out)
                run = []
                out.extend(block for block in self.block(child) if block)
        self._flush(run, out)
        return out

    def marker(self, ordered: bool, number: int, depth: int) -> str:
        return f"{number}." if ordered else _BULLETS[min(depth, len(_BULLETS) - 1)]

    def code_block(self, node: Node) -> str:
        return text_of(node).rstrip("\n")

    def quote(self, blocks: list[str]) -> str:
        inner = self.paragraph_separator.join(blocks)
        return "\n".join(("> " + line) if line else ">" for line in inner.split("\n"))

    def rule(self) -> str:
        return "———"

    def table(self, node: Node) -> str:
        rows: list[str] = []
        for row in _rows(node):
            rows.append(" | ".join(self.inline(cell.children).strip() for cell in row))
        return "\n".join(rows)

    def definitions(self, node: Node) -> list[str]:
        lines = []
        for child in node.children:
            if isinstance(child, Node) and child.tag in ("dt", "dd"):
                text = self.inline(child.children).strip()
                lines.append(text if child.tag == "dt" else _INDENT + text)
        return ["\n".join(lines)] if lines else []

    # --- inline ---------------------------------------------------------------------------------------------------

    def inline(self, nodes: list[Node | str]) -> str:
        return "".join(self.text(node) if isinstance(node, str) else self.element(node) for node in nodes)

    def element(self, node: Node) -> str:
        tag = node.tag
        if tag == "br":
            return "\n"
        if tag == "a":
            return self.anchor(node)
        if tag == "img":
            return self.image(node)
        if tag in SKIPPED_TAGS:
            return ""
        if tag in ("strong", "b"):
            return self.strong(self.inline(node.children))
        if tag in ("em", "i", "cite"):
            return self.emphasis(self.inline(node.children))
        if tag in ("code", "kbd", "samp", "tt"):
            return self.code(text_of(node))
        if tag in ("del", "s", "strike"):
            return self.strike(self.inline(node.children))
        if tag in ("u", "ins"):
            return self.underline(self.inline(node.children))
        if tag == "sup" and "fnref" in node.attrs.get("id", ""):
            return "[" + text_of(node) + "]"  # a footnote reference
        if tag in BLOCK_TAGS:
            return self.paragraph_separator.join(self.blocks(node.children))
        return self.inline(node.children)

    def anchor(self, node: Node) -> str:
        href = node.attrs.get("href", "").strip()
        label = self.inline(node.children)
        if "footnote-backref" in node.attrs.get("class", ""):
            return ""
        if not href.lower().startswith((*_URL_SCHEMES, "mailto:")):
            return label  # in-page anchors ("#fn:1"), javascript: and the like
        return self.link(label, text_of(node), href, self.rewrite(href))

    def image(self, node: Node) -> str:
        src = node.attrs.get("src", "").strip()
        alt = node.attrs.get("alt", "")
        if not src.lower().startswith(_URL_SCHEMES):
            return self.text(alt)
        return self.link(self.text(alt), alt, src, self.rewrite(src))

    def link(self, label: str, label_text: str, href: str, target: str) -> str:
        """``label`` is written for this output, ``label_text`` plain; ``target`` is ``href`` with tracking."""
        if _same_target(label_text, href):
            return target if href.lower().startswith(_URL_SCHEMES) else label
        return f"{label} ({target})"

    def text(self, text: str) -> str:
        return text

    def strong(self, inner: str) -> str:
        return inner

    def emphasis(self, inner: str) -> str:
        return inner

    def code(self, text: str) -> str:
        return self.text(text)

    def strike(self, inner: str) -> str:
        return inner

    def underline(self, inner: str) -> str:
        return inner


def _rows(table: Node) -> list[list[Node]]:
    rows: list[list[Node]] = []
    stack = [table]
    while stack:
        node = stack.pop(0)
        for child in node.children:
            if isinstance(child, Node):
                if child.tag == "tr":
                    cells = [cell for cell in child.children if isinstance(cell, Node) and cell.tag in ("td", "th")]
                    rows.append(cells)
                elif child.tag in ("thead", "tbody", "tfoot"):
                    stack.append(child)
    return rows


class TelegramWriter(Writer):
    """Telegram's HTML parse mode: <b>, <i>, <u>, <s>, <code>, <pre>, <a href>, <blockquote>; newlines as they are."""

    def text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def heading(self, level: int, children: list[Node | str]) -> str:
        inner = self.inline(children).strip().replace("<b>", "").replace("</b>", "")  # no bold inside bold
        return f"<b>{inner}</b>" if inner else ""

    def code_block(self, node: Node) -> str:
        language = _language(node)
        code = html.escape(text_of(node).rstrip("\n"), quote=False)
        if language:
            return f'<pre><code class="language-{html.escape(language)}">{code}</code></pre>'
        return f"<pre>{code}</pre>"

    def quote(self, blocks: list[str]) -> str:
        inner = self.paragraph_separator.join(blocks)
        inner = inner.replace("<blockquote>", "").replace("</blockquote>", "")  # Telegram does not nest quotes
        return f"<blockquote>{inner}</blockquote>"

    def link(self, label: str, label_text: str, href: str, target: str) -> str:
        if not label_text.strip():
            label = self.text(href)
        return f'<a href="{html.escape(target)}">{label}</a>'

    def strong(self, inner: str) -> str:
        return f"<b>{inner}</b>" if inner else ""

    def emphasis(self, inner: str) -> str:
        return f"<i>{inner}</i>" if inner else ""

    def code(self, text: str) -> str:
        return f"<code>{self.text(text)}</code>" if text else ""

    def strike(self, inner: str) -> str:
        return f"<s>{inner}</s>" if inner else ""

    def underline(self, inner: str) -> str:
        return f"<u>{inner}</u>" if inner else ""


def _language(pre: Node) -> str:
    for child in pre.children:
        if isinstance(child, Node) and child.tag == "code":
            for name in child.attrs.get("class", "").split():
                if name.startswith("language-") and re.fullmatch(r"[\w+#.-]+", name[9:]):
                    return name[9:]
    return ""


# Discord Markdown: these are escaped wherever they are literal text (never inside links).
_DISCORD_SPECIAL = re.compile(r"([\\*_~`|])")
_DISCORD_LINE_START = re.compile(r"(?m)^(\s*)(>|#{1,3} |-# |[-+] |\d+\. )")


class DiscordWriter(Writer):
    """Discord's Markdown: **bold**, *italic*, ~~strike~~, __underline__, `code`, ```blocks```, # headings (1-3),
    "- " and "1. " lists, "> " quotes, [label](url) links (webhooks and bots may mask links)."""

    def text(self, text: str) -> str:
        if not _DISCORD_SPECIAL.search(text):
            return text
        urls = [e for e in entities_of(text) if e.kind == "url"] if "." in text else []
        out: list[str] = []
        last = 0
        for url in urls:
            out.append(_DISCORD_SPECIAL.sub(r"\\\1", text[last : url.start]))
            out.append(text[url.start : url.end])
            last = url.end
        out.append(_DISCORD_SPECIAL.sub(r"\\\1", text[last:]))
        return "".join(out)

    def paragraph(self, children: list[Node | str]) -> str:
        # A line of running text must not start a quote, heading, list or subtext.
        return _DISCORD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), super().paragraph(children))

    def heading(self, level: int, children: list[Node | str]) -> str:
        inner = self.inline(children).strip()
        if not inner:
            return ""
        return "#" * level + " " + inner if level <= 3 else f"**{inner}**"

    def marker(self, ordered: bool, number: int, depth: int) -> str:
        return f"{number}." if ordered else "-"

    def code_block(self, node: Node) -> str:
        code = text_of(node).rstrip("\n").replace("```", "`\u200b``")
        return f"```{_language(node)}\n{code}\n```"

    def rule(self) -> str:
        return "———"

    def link(self, label: str, label_text: str, href: str, target: str) -> str:
        if _same_target(label_text, href):
            return target if href.lower().startswith(_URL_SCHEMES) else label
        if not href.lower().startswith(_URL_SCHEMES):
            return label
        return f"[{label.replace('[', '(').replace(']', ')')}]({target})"

    def strong(self, inner: str) -> str:
        return f"**{inner}**" if inner else ""

    def emphasis(self, inner: str) -> str:
        return f"*{inner}*" if inner else ""

    def code(self, text: str) -> str:
        if not text:
            return ""
        if "`" in text:
            return "`` " + text.replace("``", "`\u200b`") + " ``"
        return f"`{text}`"

    def strike(self, inner: str) -> str:
        return f"~~{inner}~~" if inner else ""

    def underline(self, inner: str) -> str:
        return f"__{inner}__" if inner else ""


class MatrixHtmlWriter(Writer):
    """Matrix ``formatted_body``: the HTML subset the spec lists (org.matrix.custom.html); soft line breaks as
    <br> (as Element writes them)."""

    paragraph_separator = ""
    item_separator = ""

    def text(self, text: str) -> str:
        return html.escape(text, quote=False).replace("\n", "<br>")

    def paragraph(self, children: list[Node | str]) -> str:
        inner = _strip_breaks(self.inline(children))
        return f"<p>{inner}</p>" if inner else ""

    def heading(self, level: int, children: list[Node | str]) -> str:
        inner = _strip_breaks(self.inline(children))
        return f"<h{level}>{inner}</h{level}>" if inner else ""

    def list_block(self, node: Node, depth: int) -> str:
        ordered = node.tag == "ol"
        start = node.attrs.get("start", "")
        opening = f'<ol start="{start}">' if ordered and start.isdigit() and start != "1" else f"<{node.tag}>"
        items: list[str] = []
        for item in node.children:
            if isinstance(item, str):
                if not item.strip():
                    continue
                item = Node("li", children=[item])
            blocks = self.item_blocks(item, depth)
            items.append("<li>" + "".join(blocks) + "</li>")
        return opening + "".join(items) + f"</{node.tag}>"

    def _flush(self, run: list[Node | str], out: list[str]) -> None:
        if run:
            inner = _strip_breaks(self.inline(run))
            if inner:
                out.append(inner)

    def code_block(self, node: Node) -> str:
        language = _language(node)
        code = html.escape(text_of(node).rstrip("\n"), quote=False)
        attribute = f' class="language-{html.escape(language)}"' if language else ""
        return f"<pre><code{attribute}>{code}</code></pre>"

    def quote(self, blocks: list[str]) -> str:
        return "<blockquote>" + "".join(blocks) + "</blockquote>"

    def rule(self) -> str:
        return "<hr>"

    def table(self, node: Node) -> str:
        rows = []
        for row in _rows(node):
            cells = "".join(f"<{cell.tag}>{_strip_breaks(self.inline(cell.children))}</{cell.tag}>" for cell in row)
            rows.append(f"<tr>{cells}</tr>")
        return "<table>" + "".join(rows) + "</table>"

    def definitions(self, node: Node) -> list[str]:
        out = []
        for child in node.children:
            if isinstance(child, Node) and child.tag in ("dt", "dd"):
                inner = _strip_breaks(self.inline(child.children))
                if inner:
                    out.append(f"<p><strong>{inner}</strong></p>" if child.tag == "dt" else f"<p>{inner}</p>")
        return out

    def element(self, node: Node) -> str:
        if node.tag == "br":
            return "<br>"
        if node.tag in ("sup", "sub") and "fnref" not in node.attrs.get("id", ""):
            inner = self.inline(node.children)
            return f"<{node.tag}>{inner}</{node.tag}>" if inner else ""
        return super().element(node)

    def link(self, label: str, label_text: str, href: str, target: str) -> str:
        if not label_text.strip():
            label = self.text(href)
        return f'<a href="{html.escape(target)}">{label}</a>'

    def strong(self, inner: str) -> str:
        return f"<strong>{inner}</strong>" if inner else ""

    def emphasis(self, inner: str) -> str:
        return f"<em>{inner}</em>" if inner else ""

    def code(self, text: str) -> str:
        return f"<code>{html.escape(text, quote=False)}</code>" if text else ""

    def strike(self, inner: str) -> str:
        return f"<del>{inner}</del>" if inner else ""

    def underline(self, inner: str) -> str:
        return f"<u>{inner}</u>" if inner else ""


def _strip_breaks(markup: str) -> str:
    """Trim whitespace and line breaks at both ends of an HTML fragment."""
    markup = markup.strip()
    while markup.startswith("<br>"):
        markup = markup[4:].lstrip()
    while markup.endswith("<br>"):
        markup = markup[:-4].rstrip()
    return markup


# LinkedIn "little" text: these must be escaped with a backslash, or LinkedIn cuts the post off at the first one.
_LITTLE_RESERVED = re.compile(r"([|{}@\[\]()<>#\\*_~])")
_CLEAN_TAG = re.compile(r"[^\W_]+")


def little_text(plain: str) -> str:
    """Plain text as LinkedIn's "little" format: every reserved character escaped, except the ``#`` of a hashtag
    (written ``#tag``, LinkedIn's hashtag element) whose name has no reserved character in it."""
    if not _LITTLE_RESERVED.search(plain):
        return plain
    keep = {
        entity.start
        for entity in entities_of(plain)
        if entity.kind == "hashtag" and plain[entity.start] == "#" and _CLEAN_TAG.fullmatch(entity.value)
    }
    return _LITTLE_RESERVED.sub(lambda m: m.group(1) if m.start() in keep else "\\" + m.group(1), plain)
