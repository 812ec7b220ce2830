"""Meetings: who met whom, where and when."""

from __future__ import annotations

from api import models
from api.http.params import (
    DateRangeArgs,
    ExtractionArgs,
    PageArgs,
    choices,
    expand_field,
    ids,
    sort_field,
)
from api.http.smorest import Blueprint
from api.vocab import MeetingMode, MeetingStatus
from schemas.meeting import MeetingSchema

from .resource import (
    Children,
    Expansion,
    Resource,
    any_of,
    between,
    linked,
    reported_in,
    within_locations,
)
from .routes import collection_routes

PARTICIPANT = models.MeetingParticipant.__table__
PARTICIPANTS = Children(models.MeetingParticipant, "meeting_id", PARTICIPANT.c.role,
                        PARTICIPANT.c.actor_id)


class Meetings(Resource):
    record_type = "meeting"
    path = "meetings"
    model = models.Meeting
    schema = MeetingSchema
    sorts = {"date": "date", "id": "id"}
    default_sort = "date"
    expansions = {
        "location": Expansion("location_id", "location"),
        "participants": Expansion("actor_id", "actor", within="participants"),
    }

    def conditions(self, args: dict):
        table = self.table
        if args.get("participant"):
            yield linked(table.c.id, PARTICIPANT, "meeting_id", "actor_id", args["participant"])
        yield from within_locations(table.c.location_id, args.get("location"))
        yield from any_of(table.c.mode, args.get("mode"))
        yield from any_of(table.c.status, args.get("status"))
        yield from between(table.c.date, args)
        yield from reported_in(self.record_type, table.c.id, args.get("source"))

    def attach(self, records: list[dict]) -> None:
        participants = PARTICIPANTS.of(records)
        for record in records:
            record["participants"] = participants[record["id"]]


meetings = Meetings()


class MeetingArgs(ExtractionArgs, PageArgs, DateRangeArgs):
    sort = sort_field(meetings.sort_options, meetings.default_sort)
    expand = expand_field(list(meetings.expansions))
    participant = ids("Any of these actors took part.")
    location = ids("Held at one of these locations or anywhere inside it.")
    mode = choices(MeetingMode, "In person, phone call, indirect talks, visit.")
    status = choices(MeetingStatus, "Held, scheduled or cancelled.")
    source = ids("Reported in one of these articles.")


blp = Blueprint("meetings", __name__, url_prefix="/v1/meetings", description=(
    "Meetings, calls, visits and rounds of talks: when and where, in which mode, and who "
    "took part in which role."))


collection_routes(
    blp, meetings, args=MeetingArgs, schema=MeetingSchema,
    list_doc="""List meetings

    `location=cairo` includes meetings at places inside Cairo (Tahrir Palace).
    Undated meetings sort last and drop out of a date filter.
    """,
    get_doc="Get a meeting",
)

