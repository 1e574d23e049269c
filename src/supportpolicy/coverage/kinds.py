"""The request vocabulary: what a request is about and how it arrived.

The kinds cover every kind of request the four source documents (001-004) name, with
stable kebab-case values that rule tables and users' files refer to. Strings are
accepted wherever one of these enums is (by value or name, any case).
"""

from __future__ import annotations

import enum

from supportpolicy._render import Labelled
from supportpolicy.i18n import N_

__all__ = ["Channel", "ChannelMode", "RequestKind"]


class RequestKind(Labelled, enum.StrEnum):
    """What a support request asks for."""

    PRODUCT_DEFECT = "product-defect"
    OPERATIONS_INCIDENT = "operations-incident"
    FUNCTIONAL_QUESTION = "functional-question"
    CONFIGURATION_QUESTION = "configuration-question"
    IMPLEMENTATION_QUESTION = "implementation-question"
    SUPPORT_REQUEST = "support-request"
    CUSTOMIZING_ERROR = "customizing-error"
    CHANGE_REQUEST = "change-request"
    NEW_DEVELOPMENT = "new-development"
    USER_ADMINISTRATION = "user-administration"
    SERVER_SUPPORT = "server-support"
    BACKUP_AND_UPDATES = "backup-and-updates"
    PORTAL_ACCESS = "portal-access"
    MIGRATION = "migration"
    NEEDS_ASSESSMENT = "needs-assessment"
    INFRASTRUCTURE_QUESTION = "infrastructure-question"
    BUSINESS_ANALYSIS = "business-analysis"
    TRAINING = "training"
    TEAM_ONBOARDING = "team-onboarding"
    END_USER_SUPPORT = "end-user-support"
    DEDICATED_SPECIALIST = "dedicated-specialist"
    PRE_SALES_SUPPORT = "pre-sales-support"


_KIND_LABELS: dict[RequestKind, str] = {
    RequestKind.PRODUCT_DEFECT: N_("defect of the standard product"),
    RequestKind.OPERATIONS_INCIDENT: N_("incident in the provider's operations"),
    RequestKind.FUNCTIONAL_QUESTION: N_("question about the product's functions"),
    RequestKind.CONFIGURATION_QUESTION: N_("configuration question (how do I set it up)"),
    RequestKind.IMPLEMENTATION_QUESTION: N_("question about the customer's own implementation"),
    RequestKind.SUPPORT_REQUEST: N_("general support request (how-to)"),
    RequestKind.CUSTOMIZING_ERROR: N_("error in the customer's customizing or configuration"),
    RequestKind.CHANGE_REQUEST: N_("change request"),
    RequestKind.NEW_DEVELOPMENT: N_("development of new functionality"),
    RequestKind.USER_ADMINISTRATION: N_("adding users and roles"),
    RequestKind.SERVER_SUPPORT: N_("remote support of the customer's server"),
    RequestKind.BACKUP_AND_UPDATES: N_("backups and installing updates"),
    RequestKind.PORTAL_ACCESS: N_("access to the support portal"),
    RequestKind.MIGRATION: N_("migration between cloud and on-premises"),
    RequestKind.NEEDS_ASSESSMENT: N_("assessment of the system's needs"),
    RequestKind.INFRASTRUCTURE_QUESTION: N_("question about networks or operating systems"),
    RequestKind.BUSINESS_ANALYSIS: N_("business analysis and specification"),
    RequestKind.TRAINING: N_("training"),
    RequestKind.TEAM_ONBOARDING: N_("onboarding another team"),
    RequestKind.END_USER_SUPPORT: N_("direct support of end users"),
    RequestKind.DEDICATED_SPECIALIST: N_("a dedicated specialist"),
    RequestKind.PRE_SALES_SUPPORT: N_("pre-sales support"),
}
RequestKind.__domain__, RequestKind.__labels__ = "coverage", _KIND_LABELS


class ChannelMode(enum.StrEnum):
    """Whether a channel is live (online) or asynchronous (offline), as 004 groups them."""

    ONLINE = "online"
    OFFLINE = "offline"


class Channel(Labelled, enum.StrEnum):
    """How a request arrived: phone and messengers are online, e-mail and portal offline."""

    PHONE = "phone"
    MESSENGER = "messenger"
    EMAIL = "email"
    PORTAL = "portal"

    @property
    def mode(self) -> ChannelMode:
        """Online for phone and messengers, offline for e-mail and the portal."""
        if self in (Channel.PHONE, Channel.MESSENGER):
            return ChannelMode.ONLINE
        return ChannelMode.OFFLINE


_CHANNEL_LABELS: dict[Channel, str] = {
    Channel.PHONE: N_("phone"),
    Channel.MESSENGER: N_("messenger"),
    Channel.EMAIL: N_("e-mail"),
    Channel.PORTAL: N_("support portal"),
}
Channel.__domain__, Channel.__labels__ = "coverage", _CHANNEL_LABELS

