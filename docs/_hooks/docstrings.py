"""Griffe extension for the API reference: docstrings written for ``help()`` read well as Markdown.

The library's docstrings are plain text with bare doctest examples (``>>>`` lines, run
by the test suite) and the odd reST role such as ``:class:`Plan```. Markdown would
read the examples as prose (``[a][b]`` even as a link reference), so this extension
fences each run of example lines as a ``pycon`` block and turns roles into code spans.
It changes only what the documentation site shows; the docstrings themselves stay as
written.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:mod|class|func|meth|attr|data|exc|obj|const):`~?([^`]+)`")


def fence_examples(text: str) -> str:
    """*text* with every doctest example (a ``>>>`` line up to a blank line) fenced."""
    out: list[str] = []
    in_example = False
    for line in text.split("\n"):
        if not in_example and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


def to_markdown(text: str) -> str:
    """Roles become code spans; examples become fenced blocks."""
    return fence_examples(_ROLE.sub(r"`\1`", text))


class DocstringsAsMarkdown(griffe.Extension):
    """Rewrite each docstring for the site when Griffe loads the object."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
