"""Bad and extreme inputs of the loaders, decimals, names and values (issue 9).

Each kind is driven with generated inputs; every refusal must be a SupportPolicyError
subclass whose message names the value (clipped) and what is accepted, in under 300
characters. The heavy cases (huge files, devices, 10**9-digit numbers) run in a
subprocess with a memory cap: tests/test_hardening_heavy.py.
"""

from __future__ import annotations

import datetime as dt
import numbers
import pathlib
import pickle
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportpolicy import _coerce, _limits, coverage, engagement, errors, i18n, sla

LOADERS = {"plans": sla.load_plans, "policy": coverage.load_policy, "tiers": engagement.load_tiers}
TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def refused(call, *args, error=errors.SupportPolicyError, **kwargs) -> str:  # type: ignore[no-untyped-def]
    """Call; require a library error of *error* with a short message; return the message."""
    with pytest.raises(errors.SupportPolicyError) as info:
        call(*args, **kwargs)
    assert isinstance(info.value, error), type(info.value)
    message = str(info.value)
    assert len(message) < 300, message[:400]
    return message


# --- files ---------------------------------------------------------------------------


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


BAD_BYTES = st.binary(min_size=1, max_size=64).filter(_not_utf8)


@TMP
@given(loader=st.sampled_from(sorted(LOADERS)), data=BAD_BYTES)
def test_a_non_utf8_file_is_refused_naming_it(
    tmp_path: pathlib.Path, loader: str, data: bytes
) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'source = "x"\n' + data)
    message = refused(LOADERS[loader], path, error=errors.PolicyFileError)
    assert str(path) in message and "not UTF-8" in message and "accepted" in message


@TMP
@given(
    loader=st.sampled_from(sorted(LOADERS)),
    depth=st.integers(_limits.MAX_TOML_DEPTH + 1, 3000),
    brackets=st.sampled_from(["[]", "{}"]),
)
def test_deep_nesting_is_refused(
    tmp_path: pathlib.Path, loader: str, depth: int, brackets: str
) -> None:
    if brackets == "[]":
        body = "[" * depth + "1" + "]" * depth
    else:
        body = "{a = " * depth + "1" + "}" * depth
    path = tmp_path / "deep.toml"
    path.write_text(f"x = {body}\n", encoding="utf-8")
    message = refused(LOADERS[loader], path, error=errors.PolicyFileError)
    assert "nested too deeply" in message and str(path) in message


@TMP
@given(loader=st.sampled_from(sorted(LOADERS)), extra=st.integers(1, 1000), in_key=st.booleans())
def test_an_over_long_string_is_refused(
    tmp_path: pathlib.Path, loader: str, extra: int, in_key: bool
) -> None:
    text = "a" * (_limits.MAX_TEXT_CHARS + extra)
    path = tmp_path / "long.toml"
    path.write_text(f'"{text}" = 1\n' if in_key else f'source = "{text}"\n', encoding="utf-8")
    message = refused(LOADERS[loader], path, error=errors.PolicyFileError)
    assert f"{len(text)} characters is too long" in message
    assert f"strings of at most {_limits.MAX_TEXT_CHARS} characters" in message


@settings(deadline=None)
@given(
    loader=st.sampled_from(sorted(LOADERS)),
    path=st.none() | st.integers() | st.floats() | st.binary() | st.lists(st.text(), max_size=2),
)
def test_a_path_of_the_wrong_type_is_refused(loader: str, path: object) -> None:
    message = refused(LOADERS[loader], path, error=errors.InvalidTypeError)
    assert type(path).__name__ in message and "os.PathLike" in message


@settings(deadline=None)
@given(
    loader=st.sampled_from(sorted(LOADERS)), head=st.text(max_size=5000), tail=st.text(max_size=20)
)
def test_a_nul_in_a_path_is_refused(loader: str, head: str, tail: str) -> None:
    message = refused(LOADERS[loader], head + "\0" + tail, error=errors.PolicyFileError)
    assert "NUL" in message


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_folder_is_not_a_regular_file(tmp_path: pathlib.Path, loader: str) -> None:
    message = refused(LOADERS[loader], tmp_path, error=errors.PolicyFileError)
    assert "not a regular file" in message and str(tmp_path) in message


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_long_missing_path_is_clipped(loader: str) -> None:
    message = refused(LOADERS[loader], "/nope/" + "d" * 10_000 + "/plans.toml")
    assert "..." in message


def _plans_file(count: int) -> str:
    plan = (
        '[plans.p{i}]\ntitle = "x"\ntimezone = "UTC"\nhours = "Mon-Fri 09:00-18:00"\n'
        "reaction = {{p1 = {{hours = 1}}, p2 = {{hours = 1}}, p3 = {{hours = 1}}, "
        "p4 = {{hours = 1}}}}\n"
    )
    return "".join(plan.format(i=i) for i in range(count))


def _rules_file(count: int) -> str:
    rule = (
        '[[rules]]\nid = "r{i}"\nverdict = "in-scope"\n'
        'next = "handled-under-contract"\nreason = "x"\n'
    )
    return 'name = "x"\ntitle = "x"\nsource = "x"\n' + "".join(
        rule.format(i=i) for i in range(count)
    )


def _tiers_file(count: int) -> str:
    tier = (
        '[tiers.t{i}]\nname = "x"\nsessions_per_month = 1\ncadence = "monthly"\n'
        "max_minutes = 60\nmasterclass_seats = 0\n"
    )
    return 'source = "x"\n' + "".join(tier.format(i=i) for i in range(count))


@settings(TMP, max_examples=5)
@given(
    kind=st.sampled_from(["plans", "policy", "tiers"]),
    extra=st.integers(1, 50),
)
def test_too_many_entries_are_refused(tmp_path: pathlib.Path, kind: str, extra: int) -> None:
    count = _limits.MAX_FILE_ENTRIES + extra
    build = {"plans": _plans_file, "policy": _rules_file, "tiers": _tiers_file}[kind]
    path = tmp_path / "many.toml"
    path.write_text(build(count), encoding="utf-8")
    message = refused(LOADERS[kind], path, error=errors.PolicyFileError)
    assert f"has {count} entries" in message and f"at most {_limits.MAX_FILE_ENTRIES}" in message


@settings(TMP, max_examples=20)
@given(amount=st.integers(_limits.MAX_TARGET_AMOUNT + 1, 2**200) | st.integers(max_value=0))
def test_a_huge_target_in_a_plan_file_is_refused(tmp_path: pathlib.Path, amount: int) -> None:
    path = tmp_path / "plans.toml"
    text = _plans_file(1).replace("p1 = {hours = 1}", f"p1 = {{hours = {amount}}}")
    path.write_text(text, encoding="utf-8")
    message = refused(sla.load_plans, path, error=errors.PolicyFileError)
    assert f"accepted: integers 1-{_limits.MAX_TARGET_AMOUNT}" in message
    assert "plans.p0.reaction.p1" in message


def test_the_entry_limit_itself_is_accepted(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(_plans_file(_limits.MAX_FILE_ENTRIES), encoding="utf-8")
    assert len(sla.load_plans(path)) == _limits.MAX_FILE_ENTRIES


def test_a_byte_order_mark_is_accepted(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_bytes(b"\xef\xbb\xbf" + _plans_file(1).encode())
    assert list(sla.load_plans(path)) == ["p0"]


# --- decimals ------------------------------------------------------------------------

HUGE_DECIMALS = st.one_of(
    st.integers(_limits.MAX_DECIMAL_DIGITS, 10**9).map(lambda e: f"1e{e}"),
    st.integers(_limits.MAX_DECIMAL_DIGITS + 1, 10**9).map(lambda e: f"1e-{e}"),
    st.integers(_limits.MAX_DECIMAL_DIGITS + 1, 200).map(lambda n: "7" * n),
    st.integers(_limits.MAX_DECIMAL_DIGITS, 6000).map(lambda n: 10**n),
    st.integers(_limits.MAX_DECIMAL_DIGITS, 10**6).map(lambda e: Decimal(f"1e{e}")),
    st.just("9" * 10_000_000),
)


@settings(deadline=None)
@given(value=HUGE_DECIMALS, where=st.sampled_from(["hours", "threshold", "sow", "travel"]))
def test_huge_decimals_are_refused_at_entry(value: object, where: str) -> None:
    calls = {
        "hours": lambda: engagement.routing(value),
        "threshold": lambda: engagement.routing(1, value),
        "sow": lambda: engagement.statement_of_work(value, {"qa-sessions": value}),
        "travel": lambda: engagement.statement_of_work(
            9, {"qa-sessions": 9}, "fixed-amount", travel_amount=value
        ),
    }
    message = refused(calls[where], error=errors.InvalidValueError)
    assert "out of range" in message and f"below 10**{_limits.MAX_DECIMAL_DIGITS}" in message


@settings(deadline=None)
@given(
    count=st.one_of(
        st.integers(_limits.MAX_INTEGER + 1), st.integers(max_value=-_limits.MAX_INTEGER - 1)
    )
)
def test_huge_day_counts_are_refused(count: int) -> None:
    message = refused(i18n.format_business_days, count, "en", error=errors.InvalidValueError)
    assert "accepted: integers from" in message


ACCEPTED = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: (
        len(d.as_tuple().digits) <= 40
        and d.as_tuple().exponent >= -40
        and (d.is_zero() or d.adjusted() < 40)
    )  # type: ignore[operator]
)
LOCALE = st.sampled_from(i18n.LOCALES)


def parse_back(text: str, locale: str) -> Decimal:
    """A number as format_decimal writes it, read back in *locale*."""
    point = i18n.decimal_symbol(locale)
    plain = re.sub(r"[^\d\-" + re.escape(point) + "]", "", text).replace(point, ".")
    return Decimal(plain)


@settings(deadline=None)
@given(value=ACCEPTED, locale=LOCALE)
def test_a_shown_decimal_reads_back_exactly(value: Decimal, locale: str) -> None:
    assert parse_back(i18n.format_decimal(value, locale), locale) == value


@settings(deadline=None)
@given(
    hours=ACCEPTED.filter(lambda d: d >= 0),
    threshold=st.sampled_from([Decimal(8), Decimal("0.0001"), Decimal("7.99999")])
    | ACCEPTED.filter(lambda d: d >= 0),
    locale=LOCALE,
)
def test_a_routing_explanation_never_contradicts_its_decision(
    hours: Decimal, threshold: Decimal, locale: str
) -> None:
    decision = engagement.routing(hours, threshold)
    text = decision.explain(locale)
    number = r"-?[\d\s\u00a0\u202f.,']+\d|\d"
    found = [parse_back(n, locale) for n in re.findall(number, text) if re.search(r"\d", n)]
    shown_hours, shown_threshold = found[0], found[1]
    assert (shown_hours, shown_threshold) == (hours, threshold)
    assert (shown_hours > shown_threshold) == (decision.route is engagement.Route.STATEMENT_OF_WORK)


def test_the_reported_rounding_cases() -> None:
    assert "8.0001 hours is more than 8" in engagement.routing("8.0001").explain("en")
    assert "0,0001" in engagement.statement_of_work("0.0001", {"qa-sessions": "0.0001"}).explain(
        "de"
    )


@settings(TMP, max_examples=30)
@given(percent=st.decimals(0, 100, places=6), locale=LOCALE)
def test_a_discount_is_shown_exactly(tmp_path: pathlib.Path, percent: Decimal, locale: str) -> None:
    preset = pathlib.Path(coverage.__file__).parent / "presets" / "tam-services.toml"
    body = preset.read_text("utf-8").replace(
        "[parameters]", f'[parameters]\nsubscriber_discount = "{percent}"', 1
    )
    path = tmp_path / "p.toml"
    path.write_text(body, encoding="utf-8")
    policy = coverage.load_policy(path)
    assert policy.subscriber_discount == percent
    texts = [
        coverage.classify(policy, kind=k, tier="csm").explain(locale) for k in coverage.RequestKind
    ]
    text = next(t for t in texts if "%" in t)
    figure = re.search(r"(\d[\d.,\s\u00a0]*)\s?%", text)
    assert figure is not None, text
    assert parse_back(figure.group(1), locale) == percent


# --- other public functions and messages ----------------------------------------------


@settings(deadline=None)
@given(
    domain=st.text(max_size=10_000).filter(
        lambda d: d not in ("core", "sla", "coverage", "engagement", "cli")
    )
)
def test_an_unknown_catalog_domain_lists_the_domains(domain: str) -> None:
    message = refused(i18n.translator, "en", domain, error=errors.InvalidValueError)
    assert "accepted: core, sla, coverage, engagement, cli" in message


SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@settings(deadline=None)
@given(head=st.text(max_size=20), odd=SURROGATES, tail=st.text(max_size=20), locale=LOCALE)
def test_a_lone_surrogate_never_breaks_the_csv(head: str, odd: str, tail: str, locale: str) -> None:
    name = "A" + head + odd + tail
    entry = coverage.TimeEntry(name, "T" + odd, dt.date(2026, 11, 3), "1.5", "120", "EUR")
    sheet = coverage.monthly_statement([entry], customer=name, month="2026-11")
    text = coverage.statement_csv(sheet, locale).decode("utf-8-sig")
    assert "\ufffd" in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@settings(deadline=None)
@given(timezones=st.integers() | st.floats() | st.lists(st.text(), max_size=2) | st.binary())
def test_monthly_statements_refuses_a_timezones_of_the_wrong_type(timezones: object) -> None:
    entry = coverage.TimeEntry("ACME", "T-1", dt.date(2026, 11, 3), "1", "1", "EUR")
    message = refused(
        coverage.monthly_statements,
        [entry],
        month="2026-11",
        timezones=timezones,
        error=errors.InvalidTypeError,
    )
    assert "timezones must be" in message


@settings(deadline=None)
@given(
    blank=st.text(alphabet=" \t\n\u00a0", max_size=5), field=st.sampled_from(["customer", "ticket"])
)
def test_a_blank_id_names_its_field(blank: str, field: str) -> None:
    values = {"customer": "ACME", "ticket": "T-1", field: blank}
    message = refused(
        coverage.TimeEntry,
        values["customer"],
        values["ticket"],
        dt.date(2026, 1, 5),
        "1",
        "1",
        "EUR",
    )
    assert message.startswith(field) and "non-empty" in message


@settings(deadline=None)
@given(value=st.integers() | st.floats() | st.none() | st.lists(st.integers(), max_size=2))
def test_a_plan_of_the_wrong_type_is_a_type_error(value: object) -> None:
    message = refused(sla.plan, value, error=errors.InvalidTypeError)
    assert "presets: basic" in message


@settings(deadline=None)
@given(name=st.sampled_from(sla.plan_names()), locale=LOCALE)
def test_plans_table_takes_one_name_as_one_plan(name: str, locale: str) -> None:
    assert sla.plans_table(locale, name) == sla.plans_table(locale, [name])


@settings(deadline=None)
@given(spec=st.text(min_size=1, max_size=50).filter(lambda s: s.strip()))
def test_bad_extra_day_hours_are_named(spec: str) -> None:
    try:
        sla.calendar("UTC", "Mon-Fri 09:00-18:00", open=[dt.date(2026, 1, 3)], extra_day_hours=spec)
    except errors.CalendarError as exc:
        assert str(exc).startswith("extra_day_hours") and "give ranges such as" in str(exc)
        assert len(str(exc)) < 300


@pytest.mark.parametrize("size", [10_000, 10_000_000])
def test_a_huge_hours_spec_is_clipped_in_the_message(size: int) -> None:
    for spec in ("x" * size, "Mon " + "9" * size, "Mon-Fri 09:00-" + "1" * size):
        message = refused(sla.calendar, "UTC", spec, error=errors.CalendarError)
        assert f"({len(spec)} characters)" in message


@settings(deadline=None)
@given(extra=st.integers(1, 10_000), tail=st.text(max_size=20), field=st.integers(0, 2))
def test_a_huge_request_text_is_refused(extra: int, tail: str, field: int) -> None:
    args = ["Request", "a", "b"]
    args[field] = "a" * (_limits.MAX_TEXT_CHARS + extra) + tail
    message = refused(engagement.check_request, *args, error=errors.InvalidValueError)
    assert ("subject", "issue_type", "inquiry_type")[field] in message and "at most" in message


# --- values --------------------------------------------------------------------------


class Int64:
    """A stand-in for numpy.int64: an Integral that is not an int."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


numbers.Integral.register(Int64)


@settings(deadline=None)
@given(number=st.integers(1, 4))
def test_an_integral_priority_that_is_not_an_int_is_accepted(number: int) -> None:
    deadline = sla.reaction_deadline(
        "basic", Int64(number), dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    )
    assert deadline.priority is sla.Priority(number)
    assert engagement.assignment_risk(Int64(number)).overdue_invoices == number


def test_preset_values_pickle() -> None:
    values = [
        engagement.tam_tiers(),
        engagement.tam_tier("b"),
        engagement.statement_of_work("12", {"qa-sessions": 4, "prototyping": "8"}, "at-cost"),
        engagement.routing("8.5"),
        engagement.start_process(),
        engagement.check_request("Help", "a", "b"),
        engagement.assignment_risk(2),
        coverage.TimeEntry("A", "T", dt.date(2026, 11, 3), "1", "2", "EUR"),
        coverage.monthly_statement(
            [coverage.TimeEntry("A", "T", dt.date(2026, 11, 3), "1", "2", "EUR")],
            customer="A",
            month="2026-11",
        ),
        *(sla.plan(name) for name in sla.plan_names()),
        *(coverage.policy(name) for name in coverage.policy_names()),
    ]
    for value in values:
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value and hash(copy) == hash(value), type(value)


def _registered() -> tuple[type, ...]:
    from supportpolicy.strategies._register import _kinds

    return _kinds()


@pytest.mark.parametrize("kind", _registered(), ids=lambda k: k.__name__)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_registered_value_type_pickles(kind: type, data: st.DataObject) -> None:
    value = data.draw(st.from_type(kind))
    copy = pickle.loads(pickle.dumps(value))
    assert copy == value


def test_tier_sets_compare_by_their_tiers() -> None:
    import attrs

    preset = engagement.tam_tiers()
    empty = attrs.evolve(preset, tiers={})
    assert empty != preset and len({empty, preset}) == 2
    renamed = attrs.evolve(preset.get("a"), name={"en": "Gold"})
    assert renamed != preset.get("a")


def test_a_user_tier_name_table_is_immutable(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "tiers.toml"
    path.write_text(
        _tiers_file(1).replace('name = "x"', 'name = {en = "Gold", de = "Gold"}'), "utf-8"
    )
    tier = engagement.load_tiers(path).get("t0")
    with pytest.raises(TypeError):
        tier.name["en"] = "Lead"  # type: ignore[index]
    assert tier.label("de") == "Gold" and pickle.loads(pickle.dumps(tier)) == tier


BAD_NAME_CELL = st.sampled_from(["1", '""', '"  "', "true", "[]", "{}"])


@settings(TMP, max_examples=20)
@given(
    good=st.booleans(),
    bad=st.dictionaries(st.sampled_from(["de", "nl", "xx"]), BAD_NAME_CELL, max_size=2),
)
def test_a_bad_tier_name_table_is_refused(
    tmp_path: pathlib.Path, good: bool, bad: dict[str, str]
) -> None:
    cells = {"en": '"Gold"'} if good else {}
    if good and not bad:
        bad = {"de": '""'}
    cells.update(bad)
    table = "{" + ", ".join(f"{k} = {v}" for k, v in cells.items()) + "}"
    path = tmp_path / "tiers.toml"
    path.write_text(_tiers_file(1).replace('name = "x"', f"name = {table}"), "utf-8")
    message = refused(engagement.load_tiers, path, error=errors.PolicyFileError)
    assert "tiers.t0.name" in message and "such as" in message


@settings(deadline=None)
@given(path=st.integers() | st.binary() | st.none() | st.floats())
def test_the_csv_writer_takes_only_a_file_name(path: object) -> None:
    """An int would be a file descriptor: writing to it could close the caller's stdout."""
    entry = coverage.TimeEntry("A", "T", dt.date(2026, 11, 3), "1", "2", "EUR")
    sheet = coverage.monthly_statement([entry], customer="A", month="2026-11")
    message = refused(coverage.write_statement_csv, sheet, path, error=errors.InvalidTypeError)
    assert "os.PathLike" in message


@settings(deadline=None)
@given(
    loader=st.sampled_from(sorted(LOADERS)),
    head=st.text(max_size=20),
    odd=st.characters(min_codepoint=0xD800, max_codepoint=0xDBFF),
)
def test_a_path_that_is_no_file_name_is_refused(loader: str, head: str, odd: str) -> None:
    message = refused(LOADERS[loader], head + odd, error=errors.PolicyFileError)
    assert "path" in message


@settings(deadline=None)
@given(text=st.integers() | st.none() | st.lists(st.text(), max_size=2) | st.binary())
def test_localize_refuses_what_is_no_text(text: object) -> None:
    message = refused(i18n.localize, text, "en", "core", error=errors.InvalidTypeError)
    assert "mapping of locale to text" in message


@settings(deadline=None)
@given(kind=st.text(max_size=10_000))
def test_an_unknown_request_kind_is_clipped_and_every_kind_listed(kind: str) -> None:
    """The one message allowed past 300 characters: it lists all 22 kinds, whatever the
    input (the input itself is clipped)."""
    with pytest.raises(errors.InvalidValueError) as info:
        coverage.classify("saas", kind="?" + kind)
    message = str(info.value)
    assert all(k.value in message for k in coverage.RequestKind)
    listed = len(", ".join(k.value for k in coverage.RequestKind))
    assert len(message) < listed + 150


@settings(max_examples=40, deadline=None)
@given(
    st.text(st.characters(codec="ascii", exclude_characters="0123456789"), min_size=1,
            max_size=3).map(lambda t: t * 200),
    st.text("0123456789", min_size=300, max_size=400),
)  # fmt: skip
def test_a_long_text_is_called_not_a_number_or_too_big_by_what_it_is(
    garbage: str, digits: str
) -> None:
    if garbage.strip():
        with pytest.raises(errors.InvalidValueError, match="is not a number") as caught:
            _coerce.decimal(garbage, "hours")
        assert len(str(caught.value)) < 200
    with pytest.raises(errors.InvalidValueError, match="out of range") as caught:
        _coerce.decimal(digits, "hours")
    assert len(str(caught.value)) < 200
