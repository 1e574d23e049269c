"""Every example in the docs, the README and the docstrings runs, with doctest.

Markdown: every fenced ```python block holding a ``>>>`` prompt, in ``docs/**/*.md``
and ``README.md``; the blocks of one file run in order in one namespace, from the repo
root. Docstrings: every module under ``src/supportpolicy`` whose source has a prompt.
"""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "supportpolicy"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


def python_examples(markdown: str) -> list[str]:
    """The fenced python blocks of *markdown* that hold doctest prompts."""
    return [block for block in FENCE.findall(markdown) if ">>>" in block]


def markdown_files() -> list[Path]:
    files = sorted((ROOT / "docs").glob("**/*.md"))
    readme = ROOT / "README.md"
    return [*files, readme] if readme.exists() else files


def run_doctest(test: doctest.DocTest) -> doctest.TestResults:
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_examples(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_examples(path.read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip(f"{path.name} has no python examples")
    monkeypatch.chdir(ROOT)
    name = str(path.relative_to(ROOT))
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, name, name, 0)
    result = run_doctest(test)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def modules_with_examples() -> list[str]:
    names = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "__main__.py" or ">>>" not in path.read_text(encoding="utf-8"):
            continue
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("module_name", modules_with_examples())
def test_docstring_examples(module_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module(module_name)
    tests = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    if not tests:
        pytest.skip(f"{module_name} has '>>>' only outside docstrings")
    monkeypatch.chdir(ROOT)
    failed = {t.name: run_doctest(t).failed for t in tests}
    assert not any(failed.values()), failed


def test_the_markdown_finder_sees_only_python_prompts() -> None:
    text = (
        "intro\n```python\n>>> 1 + 1\n2\n```\n"
        "```sh\n>>> not python\n```\n"
        "```python\nx = 1  # no prompt\n```\n"
    )
    assert python_examples(text) == [">>> 1 + 1\n2\n"]


def test_a_wrong_example_fails() -> None:
    test = doctest.DocTestParser().get_doctest(">>> 1 + 1\n3\n", {}, "wrong", "wrong", 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test, out=lambda _text: None)
    assert runner.summarize(verbose=False).failed == 1
