"""The README's test command is exactly what CI runs.

CI (``.ci/run``) marks its test line with the comment "The README's test command,
exactly"; the README gives its commands in fenced ```sh blocks, and its second command
is the test command.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "The README's test command, exactly"
SH_BLOCK = re.compile(r"^```(?:sh|bash|shell|console)[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def ci_test_command(script: str) -> str:
    """The first command line after the marker comment in the CI script."""
    lines = script.splitlines()
    marked = [i for i, line in enumerate(lines) if MARKER in line]
    assert marked, f".ci/run has no comment {MARKER!r}"
    for line in lines[marked[0] + 1 :]:
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip()
    raise AssertionError(f".ci/run has no command after {MARKER!r}")


def readme_commands(markdown: str) -> list[str]:
    """The command lines of the README's fenced shell blocks (a leading "$ " removed)."""
    commands = []
    for block in SH_BLOCK.findall(markdown):
        for line in block.splitlines():
            text = line.strip()
            if text.startswith("$ "):
                text = text[2:].strip()
            if text and not text.startswith("#"):
                commands.append(text)
    return commands


def test_readme_test_command_is_the_ci_command() -> None:
    expected = ci_test_command((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    commands = readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    with_pytest = [c for c in commands if "pytest" in c]
    assert with_pytest, (
        "README.md has no ```sh block with a pytest command; "
        f"its second command must be exactly: {expected}"
    )
    assert len(commands) >= 2, f"README.md gives {len(commands)} command(s); want install, test"
    assert commands[1] == expected, f"README's second command {commands[1]!r} != CI's {expected!r}"


def test_the_parsers_find_what_they_should() -> None:
    script = "set -e\n# The README's test command, exactly (synced).\n\npip install . && pytest\n"
    assert ci_test_command(script) == "pip install . && pytest"
    readme = (
        "text\n```sh\n$ git clone x\n# comment\npip install . && pytest\n```\n"
        "```python\n>>> 1\n```\n"
    )
    assert readme_commands(readme) == ["git clone x", "pip install . && pytest"]
