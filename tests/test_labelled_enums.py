"""Enums that people see by a label declare it with the member (``_render.Labelled``).

Every labelled enum of the library is found by walking the packages, so a new one is
checked without being listed here: its codes are plain strings that look the member
up, survive pickling and compare as before; its labels are message ids of the catalog
domain of its package, present in every locale; a malformed declaration is refused
when the class is made.
"""

from __future__ import annotations

import copy
import enum
import importlib
import json
import operator
import pickle
import pkgutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import supportpolicy
from supportpolicy import _render, coverage, engagement, sla
from supportpolicy.errors import InvalidTypeError
from supportpolicy.i18n import LOCALES, N_

LOCALE_DIR = Path(supportpolicy.__file__).parent / "i18n" / "locales"


def _labelled_enums() -> list[type[_render.Labelled]]:
    found: dict[str, type[_render.Labelled]] = {}
    for info in pkgutil.walk_packages(supportpolicy.__path__, "supportpolicy."):
        if info.name == "supportpolicy.__main__" or info.name.startswith(
            ("supportpolicy.batch", "supportpolicy.reports.charts")
        ):
            continue  # the command itself, and the extras (numpy, pandas, matplotlib)
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, _render.Labelled)
                and value.__module__ == info.name
                and len(value) > 0
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


ENUMS = _labelled_enums()
MEMBERS = [member for cls in ENUMS for member in cls]


def _catalog_ids(locale: str, domain: str) -> set[str]:
    with (LOCALE_DIR / locale / f"{domain}.po").open("rb") as file:
        return {message.id for message in read_po(file) if isinstance(message.id, str)}


def test_the_walk_finds_the_labelled_enums_of_every_package() -> None:
    names = {cls.__name__ for cls in ENUMS}
    assert {"State", "Metric", "RequestKind", "Channel", "Verdict", "IntakeState"} <= names
    assert {"Cadence", "SessionStatus", "Route", "Step", "Phase", "Travel"} <= names


@given(st.sampled_from(MEMBERS))
def test_a_member_is_found_by_its_code_and_survives_pickling(member: _render.Labelled) -> None:
    cls = type(member)
    assert isinstance(member.value, str)
    assert cls(member.value) is member
    assert pickle.loads(pickle.dumps(member)) is member
    assert copy.deepcopy(member) is member
    assert [m.value for m in cls].count(member.value) == 1


@given(st.sampled_from([m for m in MEMBERS if isinstance(m, str)]))
def test_a_string_member_is_its_code(member: _render.LabelledStr) -> None:
    assert member == member.value and str(member) == member.value == f"{member}"
    assert hash(member) == hash(member.value)
    assert json.dumps({"k": member}) == json.dumps({"k": member.value})


@given(st.sampled_from([m for m in MEMBERS if not isinstance(m, str)]))
def test_a_plain_member_is_not_its_code(member: _render.Labelled) -> None:
    assert not operator.eq(member, member.value)
    assert repr(member) == f"<{type(member).__name__}.{member.name}: {member.value!r}>"


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_labels_are_ids_of_the_package_domain_in_every_locale(
    cls: type[_render.Labelled],
) -> None:
    domain = cls.__module__.split(".")[1]
    assert cls.__domain__ == domain
    for locale in LOCALES:
        ids = _catalog_ids(locale, domain)
        for member in cls:
            assert member._message in ids, (locale, member)
            assert member.label(locale), (locale, member)
    for member in cls:
        assert member.label("en") == member._message  # en.po repeats the English


def test_labels_are_translated() -> None:
    assert sla.State.BREACHED.label("nl") == "overschreden"
    assert sla.Metric.RESOLUTION.label("de") == "Lösung"
    assert coverage.Channel.EMAIL.label("de") != coverage.Channel.EMAIL.label("en")
    assert engagement.Cadence.WEEKLY.label("en") == "weekly"


@pytest.mark.parametrize(
    "declared",
    [("only-a-code",), ("code", N_("label"), "more"), (1, N_("label")), ("code", 2)],
    ids=["no label", "three parts", "code not text", "label not text"],
)
@pytest.mark.parametrize("base", [_render.Labelled, _render.LabelledStr])
def test_a_malformed_member_is_refused_when_the_class_is_made(
    declared: tuple[object, ...], base: type[_render.Labelled]
) -> None:
    with pytest.raises(InvalidTypeError, match=r'NAME = "code", N_\("label"\)'):
        enum.EnumType(
            "Broken", (base,), _namespace(base, {"__domain__": "sla", "MEMBER": declared})
        )


def test_an_enum_outside_the_packages_names_its_domain() -> None:
    members = {"__domain__": "coverage", "PORTAL": ("portal", N_("support portal"))}
    door = enum.EnumType("Door", (_render.LabelledStr,), _namespace(_render.LabelledStr, members))
    assert door("portal").label("nl") == "supportportaal"


def _namespace(base: type[enum.Enum], items: Mapping[str, object]) -> enum._EnumDict:
    namespace = enum.EnumType.__prepare__("Made", (base,))
    for key, value in items.items():
        namespace[key] = value
    return namespace
