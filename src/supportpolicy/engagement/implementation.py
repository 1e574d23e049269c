"""Checking a partner's request for implementation services (document 000).

A request is well-formed only with the subject "Request for Implementation services for
End Customer <name>", the issue type "General Issues and Questions" and the inquiry type
"Implementation Issue". The check lists every problem found, not just the first, so the
partner can fix the ticket in one go. The expected texts are a :class:`RequestForm`
parameter whose default is document 000's.
"""

from __future__ import annotations

import attrs

from supportpolicy import _limits
from supportpolicy._render import Labelled
from supportpolicy.engagement._text import tr
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import N_

__all__ = ["RequestCheck", "RequestForm", "RequestProblem", "check_request"]


class RequestProblem(Labelled):
    """What can be wrong with a request ticket."""

    SUBJECT = (
        "subject",
        N_('The subject must read "{expected} <end customer>", with the end customer\'s name.'),
    )
    END_CUSTOMER = "end-customer", N_('The subject must name the end customer after "{expected}".')
    ISSUE_TYPE = "issue-type", N_('The issue type must be "{expected}", not "{given}".')
    INQUIRY_TYPE = "inquiry-type", N_('The inquiry type must be "{expected}", not "{given}".')


@attrs.frozen
class RequestForm:
    """The fields a well-formed request must have (defaults: document 000)."""

    subject_prefix: str = "Request for Implementation services for End Customer"
    issue_type: str = "General Issues and Questions"
    inquiry_type: str = "Implementation Issue"


@attrs.frozen
class RequestCheck:
    """The outcome of :func:`check_request`: every problem found, in field order."""

    form: RequestForm
    subject: str
    issue_type: str
    inquiry_type: str
    problems: tuple[RequestProblem, ...]

    @property
    def ok(self) -> bool:
        """Whether the request is well-formed."""
        return not self.problems

    @property
    def end_customer(self) -> str | None:
        """The end customer named in the subject, if the subject has the right form."""
        rest = _after_prefix(self.subject, self.form.subject_prefix)
        return rest or None

    def explain(self, locale: object = "en") -> str:
        """The problems in words (or that the request is well-formed), in *locale*."""
        t = tr(locale)
        if self.ok:
            return t.gettext("The request is well-formed (document 000).")
        lines = []
        for problem in self.problems:
            expected, given = {
                RequestProblem.SUBJECT: (self.form.subject_prefix, self.subject),
                RequestProblem.END_CUSTOMER: (self.form.subject_prefix, self.subject),
                RequestProblem.ISSUE_TYPE: (self.form.issue_type, self.issue_type),
                RequestProblem.INQUIRY_TYPE: (self.form.inquiry_type, self.inquiry_type),
            }[problem]
            lines.append(problem.label(locale).format(expected=expected, given=given))
        return "\n".join(lines)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _after_prefix(subject: str, prefix: str) -> str | None:
    """The text after *prefix* in *subject* (spacing and case ignored), or None."""
    words, head = subject.split(), prefix.split()
    if [w.casefold() for w in words[: len(head)]] != [w.casefold() for w in head]:
        return None
    return " ".join(words[len(head) :]).strip(" \"'")


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{name} must be a string, got {type(value).__name__}")
    if len(value) > _limits.MAX_TEXT_CHARS:
        raise InvalidValueError(
            f"{name} {shown(value)} is too long; accepted: at most "
            f"{_limits.MAX_TEXT_CHARS} characters"
        )
    return value


def check_request(
    subject: str, issue_type: str, inquiry_type: str, form: RequestForm | None = None
) -> RequestCheck:
    """Check a request ticket's subject, issue type and inquiry type; list every problem.

    Comparison ignores case and repeated spaces (a portal's display may vary in both).

    >>> check_request("Request for Implementation services for End Customer ACME",
    ...               "General Issues and Questions", "Implementation Issue").ok
    True
    >>> check_request("Help", "Bug", "Implementation Issue").problems
    (<RequestProblem.SUBJECT: 'subject'>, <RequestProblem.ISSUE_TYPE: 'issue-type'>)
    """
    spec = RequestForm() if form is None else form
    if not isinstance(spec, RequestForm):
        raise InvalidTypeError(
            f"form must be an engagement.RequestForm or None, got {type(spec).__name__}"
        )
    subject = _text(subject, "subject")
    issue_type = _text(issue_type, "issue_type")
    inquiry_type = _text(inquiry_type, "inquiry_type")
    problems = []
    customer = _after_prefix(subject, spec.subject_prefix)
    if customer is None:
        problems.append(RequestProblem.SUBJECT)
    elif not customer:
        problems.append(RequestProblem.END_CUSTOMER)
    if _normal(issue_type) != _normal(spec.issue_type):
        problems.append(RequestProblem.ISSUE_TYPE)
    if _normal(inquiry_type) != _normal(spec.inquiry_type):
        problems.append(RequestProblem.INQUIRY_TYPE)
    return RequestCheck(spec, subject, issue_type, inquiry_type, tuple(problems))
