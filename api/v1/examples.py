"""Response examples for the spec: real responses of the seeded API.

``examples.json`` holds, per operationId, the response to the request listed in
``REQUESTS``; ``parley openapi-examples`` regenerates it from the seed corpus and a
test checks that every example is still what the API returns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EXAMPLES_FILE = Path(__file__).with_name("examples.json")

#: operationId -> the request whose response documents it.
REQUESTS = {
    "listSources": "/v1/sources?limit=1",
    "getSource": "/v1/sources/004_6b628c7829295f24",
    "listActors": "/v1/actors?q=sejourne",
    "getActor": "/v1/actors/badr-abdelatty?expand=affiliation",
    "listLocations": "/v1/locations?kind=city&limit=2",
    "getLocation": "/v1/locations/tahrir-palace?expand=parent",
    "listMeetings": "/v1/meetings?location=cairo&limit=2",
    "getMeeting": "/v1/meetings/mtg_7b9eea265f?expand=location,participants",
    "listProposals": "/v1/proposals?party=egypt&limit=1",
    "getProposal": "/v1/proposals/prop_e7a7b17968",
    "listStatements": "/v1/statements?speaker=jake-sullivan&limit=2",
    "getStatement": "/v1/statements/stmt_f94f954fcd?expand=speaker",
    "listStatistics": "/v1/statistics?metric=killed&limit=2",
    "getStatistic": "/v1/statistics/stat_1ee73986c2?expand=claimed_by,location",
    "getStatisticSeries": "/v1/statistics/series?metric=killed&population=Palestinians%20in%20Gaza",
    "listTimeline": "/v1/timeline?actor=hamas&limit=3",
    "searchRecords": "/v1/search?q=generous%20offer",
    "getMeta": "/v1/meta",
    "listVocabularies": "/v1/vocabularies",
}


def load() -> dict[str, Any]:
    return json.loads(EXAMPLES_FILE.read_text()) if EXAMPLES_FILE.exists() else {}


EXAMPLES = load()


def example(operation_id: str) -> Any:
    return EXAMPLES.get(operation_id)
