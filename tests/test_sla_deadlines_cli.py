"""`supportpolicy deadline`: explanations and JSON with ISO instants."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from supportpolicy.cli import main
from supportpolicy.errors import shown


def test_deadline_json_004_premium_p1(capsys: pytest.CaptureFixture[str]) -> None:
    opened = "2026-11-21T23:30+03:00"
    args = ["deadline", "--plan", "premium", "--priority", "1", "--opened", opened]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plan"] == "premium" and data["priority"] == 1
    assert data["reaction"]["due"] == "2026-11-22T00:30:00+03:00"  # 004: 60 minutes, 24x7
    assert data["resolution"]["due"] == "2026-11-22T11:30:00+03:00"  # 004: 12 hours


def test_deadline_text_003_tam_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["deadline", "--plan", "tam", "--priority", "P2", "--opened", "2026-11-25T15:00-05:00"]
    assert main([*args, "--locale", "ru"]) == 0
    out = capsys.readouterr().out
    assert "1 рабочий день" in out and "27 ноября 2026" in out
    assert "не устанавливает норматив разрешения" in out


@pytest.mark.parametrize(
    ("opened", "priority", "message"),
    [
        ("2026-11-21T23:30", "1", "add one such as +03:00"),
        ("2026-11-21", "1", "is a date only; give a time and a UTC offset"),
        ("yesterday", "1", "ISO 8601"),
        ("2026-11-21T23:30+03:00", "9", "1-4"),
    ],
)
def test_deadline_refuses_bad_input(
    opened: str, priority: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["deadline", "--plan", "basic", "--priority", priority, "--opened", opened]
    assert main(args) == 2
    assert message in capsys.readouterr().err


@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=0,
        max_size=3000,
    ).filter(lambda text: not text.strip()[:1].isdigit() and not text.startswith("-"))
)
@example(text="y" * 5000)
@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_bad_instant_is_quoted_as_every_message_quotes_inputs(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI quotes what it refuses through ``errors.shown``, the library's one clip:
    the same form, and a long value cut with its length noted, never echoed whole."""
    capsys.readouterr()
    args = ["deadline", "--plan", "basic", "--priority", "1", "--opened", text]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"--opened {shown(text)} is not an ISO 8601 instant" in err
    assert len(err) <= 300
