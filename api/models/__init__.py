"""The negotiation data model: SQLModel tables on SQLAlchemy 2."""

from sqlmodel import SQLModel

from .actor import Actor, ActorAlias
from .dataset import DatasetState
from .evidence import Evidence
from .location import Location, LocationAlias
from .meeting import Meeting, MeetingParticipant
from .proposal import Proposal, ProposalParty, ProposalPosition, ProposalTerm
from .search import SearchDocument
from .source import Source
from .statement import Statement, StatementTopic
from .statistic import Statistic

metadata = SQLModel.metadata

__all__ = [
    "Actor",
    "ActorAlias",
    "DatasetState",
    "Evidence",
    "Location",
    "LocationAlias",
    "Meeting",
    "MeetingParticipant",
    "Proposal",
    "ProposalParty",
    "ProposalPosition",
    "ProposalTerm",
    "SearchDocument",
    "Source",
    "Statement",
    "StatementTopic",
    "Statistic",
    "metadata",
]
