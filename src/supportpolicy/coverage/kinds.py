"""The request vocabulary: what a request is about and how it arrived.

The kinds cover every kind of request the four source documents (001-004) name, with
stable kebab-case values that rule tables and users' files refer to. Strings are
accepted wherever one of these enums is (by value or name, any case).
"""

from __future__ import annotations

import enum

from supportpolicy._render import LabelledStr
from supportpolicy.i18n import N_

__all__ = ["Channel", "ChannelMode", "RequestKind"]


class RequestKind(LabelledStr):
    """What a support request asks for."""

    PRODUCT_DEFECT = "product-defect", N_("defect of the standard product")
    OPERATIONS_INCIDENT = "operations-incident", N_("incident in the provider's operations")
    FUNCTIONAL_QUESTION = "functional-question", N_("question about the product's functions")
    CONFIGURATION_QUESTION = (
        "configuration-question",
        N_("configuration question (how do I set it up)"),
    )
    IMPLEMENTATION_QUESTION = (
        "implementation-question",
        N_("question about the customer's own implementation"),
    )
    SUPPORT_REQUEST = "support-request", N_("general support request (how-to)")
    CUSTOMIZING_ERROR = (
        "customizing-error",
        N_("error in the customer's customizing or configuration"),
    )
    CHANGE_REQUEST = "change-request", N_("change request")
    NEW_DEVELOPMENT = "new-development", N_("development of new functionality")
    USER_ADMINISTRATION = "user-administration", N_("adding users and roles")
    SERVER_SUPPORT = "server-support", N_("remote support of the customer's server")
    BACKUP_AND_UPDATES = "backup-and-updates", N_("backups and installing updates")
    PORTAL_ACCESS = "portal-access", N_("access to the support portal")
    MIGRATION = "migration", N_("migration between cloud and on-premises")
    NEEDS_ASSESSMENT = "needs-assessment", N_("assessment of the system's needs")
    INFRASTRUCTURE_QUESTION = (
        "infrastructure-question",
        N_("question about networks or operating systems"),
    )
    BUSINESS_ANALYSIS = "business-analysis", N_("business analysis and specification")
    TRAINING = "training", N_("training")
    TEAM_ONBOARDING = "team-onboarding", N_("onboarding another team")
    END_USER_SUPPORT = "end-user-support", N_("direct support of end users")
    DEDICATED_SPECIALIST = "dedicated-specialist", N_("a dedicated specialist")
    PRE_SALES_SUPPORT = "pre-sales-support", N_("pre-sales support")


class ChannelMode(enum.StrEnum):
    """Whether a channel is live (online) or asynchronous (offline), as 004 groups them."""

    ONLINE = "online"
    OFFLINE = "offline"


class Channel(LabelledStr):
    """How a request arrived: phone and messengers are online, e-mail and portal offline."""

    PHONE = "phone", N_("phone")
    MESSENGER = "messenger", N_("messenger")
    EMAIL = "email", N_("e-mail")
    PORTAL = "portal", N_("support portal")

    @property
    def mode(self) -> ChannelMode:
        """Online for phone and messengers, offline for e-mail and the portal."""
        if self in (Channel.PHONE, Channel.MESSENGER):
            return ChannelMode.ONLINE
        return ChannelMode.OFFLINE
