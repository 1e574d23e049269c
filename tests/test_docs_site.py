"""The documentation site's structure: every page is in the nav, every nav entry exists.

``mkdocs build --strict`` (run by CI with the ``docs`` extra) catches broken links and
pages left out of the nav, but only where mkdocs is installed. These checks need no
extra package (mkdocs.yml is read with regular expressions, not PyYAML), so the plain
test run keeps the site's structure honest too: the nav, the API pages naming real
modules, and one page per source document that a preset cites.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import supportpolicy

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
# Pages under these folders of docs/ are build helpers, excluded from the site.
EXCLUDED = ("_hooks",)
NAV_PAGE = re.compile(r"^\s*-\s+(?:(?:\"[^\"]*\"|'[^']*'|[^\"':]+):\s+)?([\w./-]+\.md)\s*$")
API_TARGET = re.compile(r"^:::\s+([\w.]+)\s*$", re.M)
DOCUMENT = re.compile(r"`(\d{3}_[0-9a-f]{16}\.txt)`")
RULE_TABLE = re.compile(r"^\|.*\brule\b.*\|\s*$", re.I | re.M)
LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def nav_pages(config: str) -> list[str]:
    """The page paths listed under the top-level ``nav:`` key of an mkdocs.yml text."""
    lines = config.splitlines()
    starts = [i for i, line in enumerate(lines) if line.rstrip() == "nav:"]
    assert starts, "mkdocs.yml has no top-level nav:"
    pages = []
    for line in lines[starts[0] + 1 :]:
        if line.strip() and not line.startswith((" ", "\t", "-")):
            break  # the next top-level key
        match = NAV_PAGE.match(line)
        if match:
            pages.append(match.group(1))
    return pages


def doc_pages() -> list[str]:
    """Every Markdown page under docs/, relative to it, build helpers left out."""
    pages = (p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    return sorted(p for p in pages if not p.startswith(EXCLUDED))


def config_text() -> str:
    return CONFIG.read_text(encoding="utf-8")


def test_every_page_is_in_the_nav() -> None:
    missing = sorted(set(doc_pages()) - set(nav_pages(config_text())))
    assert not missing, f"pages in docs/ but not in mkdocs.yml's nav: {missing}"


def test_every_nav_entry_exists_once() -> None:
    pages = nav_pages(config_text())
    assert pages, "the nav lists no pages"
    absent = [p for p in pages if not (DOCS / p).is_file()]
    assert not absent, f"nav entries with no file in docs/: {absent}"
    repeated = sorted({p for p in pages if pages.count(p) > 1})
    assert not repeated, f"pages listed twice in the nav: {repeated}"


def test_the_site_is_built_strictly_with_the_api_from_src() -> None:
    config = config_text()
    assert re.search(r"^theme:\s*\n\s+name:\s*material\s*$", config, re.M)
    assert re.search(r"^strict:\s*true\s*$", config, re.M)
    assert re.search(r"^\s+- mkdocstrings:", config, re.M)
    assert re.search(r"^\s+paths:\s*\[src\]\s*$", config, re.M)


@pytest.mark.parametrize("page", sorted((DOCS / "api").glob("*.md")), ids=lambda p: p.name)
def test_api_pages_name_importable_modules(page: Path) -> None:
    targets = API_TARGET.findall(page.read_text(encoding="utf-8"))
    assert targets, f"{page.name} has no '::: module' directive"
    # Import order is not this test's concern (tests/test_installed.py checks a cold
    # import of the strategies): load hypothesis first, as any test run already has.
    importlib.import_module("hypothesis")
    for target in targets:
        importlib.import_module(target)


def test_every_public_package_has_an_api_page() -> None:
    documented = set()
    for page in (DOCS / "api").glob("*.md"):
        documented.update(API_TARGET.findall(page.read_text(encoding="utf-8")))
    packages = {
        f"supportpolicy.{name}"
        for name in supportpolicy.__all__
        if hasattr(getattr(supportpolicy, name), "__path__") or name == "errors"
    }
    missing = sorted((packages | {"supportpolicy.strategies"}) - documented)
    assert not missing, f"public modules without an API page: {missing}"


def preset_sources() -> set[str]:
    """The ``source`` document of every preset the package ships."""
    found = set()
    for area in ("sla", "coverage", "engagement"):
        folder = resources.files(f"supportpolicy.{area}") / "presets"
        for entry in folder.iterdir():
            if entry.name.endswith(".toml"):
                found.add(tomllib.loads(entry.read_text(encoding="utf-8"))["source"])
    return found


def documents_listed() -> set[str]:
    """The source documents that docs/sources/index.md lists."""
    return set(DOCUMENT.findall((DOCS / "sources" / "index.md").read_text(encoding="utf-8")))


def test_every_cited_document_is_listed() -> None:
    cited = preset_sources()
    assert cited, "no preset cites a document"
    unlisted = sorted(cited - documents_listed())
    assert not unlisted, f"documents cited by presets but not in docs/sources/index.md: {unlisted}"


def test_every_listed_document_has_its_page() -> None:
    documents = documents_listed()
    assert len(documents) == 5, documents  # the five documents 000-004
    pages = {p.name[:3]: p for p in (DOCS / "sources").glob("[0-9][0-9][0-9]-*.md")}
    assert sorted(pages) == sorted(d[:3] for d in documents)
    for document in sorted(documents):
        page = pages[document[:3]]
        text = page.read_text(encoding="utf-8")
        assert document in text, f"{page.name} does not name its document {document}"
        assert RULE_TABLE.search(text), f"{page.name} has no table of its document's rules"


@pytest.mark.parametrize("page", doc_pages())
def test_relative_links_point_at_pages(page: str) -> None:
    path = DOCS / page
    targets = LINK.findall(path.read_text(encoding="utf-8"))
    broken = [t for t in targets if "://" not in t and not (path.parent / t).resolve().is_file()]
    assert not broken, f"{page} links to missing pages: {broken}"


def test_the_parsers_find_what_they_should() -> None:
    config = (
        "site_name: x\nnav:\n  - Home: index.md\n  - Group:\n      - a/b.md\n"
        '      - "Q: quoted": c-d.md\n  - plain.md\nplugins:\n  - search\n'
        "  - Not nav: other.md\n"
    )
    assert nav_pages(config) == ["index.md", "a/b.md", "c-d.md", "plain.md"]
    assert API_TARGET.findall("# t\n\n::: supportpolicy.sla\n    options:\n") == [
        "supportpolicy.sla"
    ]
    assert DOCUMENT.findall("| `000_99be47d06173a60f.txt` | `x.txt` | 001_x.txt") == [
        "000_99be47d06173a60f.txt"
    ]
    assert LINK.findall("see [a](a.md#x), [b](https://x/b.md) and [c](c.txt)") == [
        "a.md",
        "https://x/b.md",
    ]
