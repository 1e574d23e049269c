"""`supportpolicy classify` on the command line."""

from __future__ import annotations

import json
import pathlib
from importlib import resources

import pytest

from supportpolicy.cli import main
from supportpolicy.coverage import classify


def test_text_output_is_the_localized_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", "--policy", "saas", "--kind", "change-request", "--locale", "de"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == classify("saas", kind="change-request").explain("de")


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["classify", "--policy", "crm-packages", "--kind", "functional-question",
                 "--plan", "basic", "--channel", "phone", "--json", "--locale", "ru"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "billable"
    assert data["next_step"] == "available-from-plan"
    assert data["rule"] == "online-consultation-basic"
    assert "Бизнес" in data["next"]


def test_flags(capsys: pytest.CaptureFixture[str]) -> None:
    main(["classify", "--policy", "tam-services", "--kind", "product-defect", "--tier", "a",
          "--from-end-user", "--json"])
    assert json.loads(capsys.readouterr().out)["next_step"] == "admin-as-a-service"
    main(["classify", "--policy", "support-contract", "--kind", "product-defect",
          "--incomplete", "--json"])
    assert json.loads(capsys.readouterr().out)["verdict"] == "incomplete"


def test_user_policy_file(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = resources.files("supportpolicy.coverage").joinpath(
        "presets", "saas.toml").read_text(encoding="utf-8")
    path = tmp_path / "ours.toml"
    path.write_text(text.replace('billed_to = "customer"', 'billed_to = "partner"'),
                    encoding="utf-8")
    main(["classify", "--policy", str(path), "--kind", "customizing-error", "--json"])
    assert json.loads(capsys.readouterr().out)["billed_to"] == "partner"


def test_errors_exit_2_and_list_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", "--policy", "saas", "--kind", "nope"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err
    assert "change-request" in err
