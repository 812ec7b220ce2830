from __future__ import annotations

from sqlmodel import SQLModel

from .base import EventDate, Extracted, keyset_index, long_text, reference, slug_key, vocabulary


class Meeting(EventDate, Extracted, table=True):
    """A meeting, call, visit or round of talks."""

    __table_args__ = (keyset_index("meeting", "date"),)

    id: str = slug_key()
    summary: str = long_text(nullable=False)
    location_id: str | None = reference("location.id")
    mode: str | None = vocabulary(nullable=True, index=True)
    status: str = vocabulary(index=True)
    note: str | None = long_text()


class MeetingParticipant(SQLModel, table=True):
    __tablename__ = "meeting_participant"

    meeting_id: str = reference("meeting.id", nullable=False, primary_key=True, index=False)
    actor_id: str = reference("actor.id", nullable=False, primary_key=True)
    role: str = vocabulary()
    description: str | None = long_text()
