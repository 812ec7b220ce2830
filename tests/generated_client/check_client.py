"""Use the client generated from openapi.yaml against a running server.

    python check_client.py http://127.0.0.1:8000

Imports nothing but the generated package (``parley_api_client``, from the spec's title
"Parley API") and the standard library, as a client's user would. Each check reports
PASS or FAIL; any FAIL, including a response the generated models cannot parse, exits 1.
Run by tests/generated_client/run.sh, which generates and installs the client first.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from http import HTTPStatus

from parley_api_client import Client
from parley_api_client.api.statements import get_statement, list_statements
from parley_api_client.models import (
    Actor,
    GetStatementExpandItem,
    PageMeta,
    Problem,
    Statement,
    StatementPage,
)
from parley_api_client.types import Unset

KNOWN_STATEMENT = "stmt_f94f954fcd"
KNOWN_SPEAKER = ("stephane-sejourne", "Stéphane Séjourné")
MISSING_STATEMENT = "stmt_0000000000"


class CheckFailed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def expect_type(value: object, cls: type, what: str) -> None:
    expect(
        isinstance(value, cls),
        f"{what} is {type(value).__name__} ({value!r:.200}), not the generated {cls.__name__}",
    )


def check_list(client: Client) -> str:
    response = list_statements.sync_detailed(client=client, limit=2)
    expect(
        response.status_code == HTTPStatus.OK,
        f"listStatements(limit=2) answered {response.status_code}: {response.content[:300]!r}",
    )
    page = response.parsed
    expect_type(page, StatementPage, "listStatements' parsed body")
    expect_type(page.meta, PageMeta, "page.meta")
    expect(page.meta.total > 0, f"meta.total is {page.meta.total}, expected > 0")
    expect(page.meta.limit == 2, f"meta.limit is {page.meta.limit}, expected 2")
    expect(
        len(page.data) == min(2, page.meta.total),
        f"{len(page.data)} items on a limit=2 page of {page.meta.total}",
    )
    for i, item in enumerate(page.data):
        expect_type(item, Statement, f"data[{i}]")
        expect(item.id.startswith("stmt_"), f"data[{i}].id is {item.id!r}, expected stmt_…")
    ids = ", ".join(item.id for item in page.data)
    return f"StatementPage with {len(page.data)} Statements ({ids}), meta.total={page.meta.total}"


def check_expanded(client: Client) -> str:
    response = get_statement.sync_detailed(
        KNOWN_STATEMENT, client=client, expand=[GetStatementExpandItem.SPEAKER]
    )
    expect(
        response.status_code == HTTPStatus.OK,
        f"getStatement({KNOWN_STATEMENT}) answered {response.status_code}: "
        f"{response.content[:300]!r}",
    )
    statement = response.parsed
    expect_type(statement, Statement, "getStatement's parsed body")
    expect(statement.id == KNOWN_STATEMENT, f"id is {statement.id!r}")
    speaker_id, name = KNOWN_SPEAKER
    expect(
        statement.speaker_id == speaker_id,
        f"speaker_id is {statement.speaker_id!r}, expected {speaker_id!r}",
    )
    expect(
        not isinstance(statement.speaker, Unset),
        "speaker is missing (Unset) although expand=speaker was sent",
    )
    expect_type(statement.speaker, Actor, "speaker")
    expect(statement.speaker.name == name, f"speaker.name is {statement.speaker.name!r}")
    expect(statement.speaker.id == speaker_id, f"speaker.id is {statement.speaker.id!r}")
    return f"Statement {statement.id} with speaker Actor {statement.speaker.name!r} ({speaker_id})"


def check_several_values(client: Client) -> str:
    """Generated clients send a list as repeated keys (speaker=a&speaker=b), whatever the
    spec's explode: false says; the API must treat that as the union."""
    speakers = ["jake-sullivan", KNOWN_SPEAKER[0]]
    response = list_statements.sync_detailed(client=client, speaker=speakers, limit=100)
    expect(response.status_code == HTTPStatus.OK,
           f"listStatements(speaker={speakers}) answered {response.status_code}")
    page = response.parsed
    expect_type(page, StatementPage, "listStatements' parsed body")
    found = {item.speaker_id for item in page.data}
    expect(found == set(speakers), f"speakers in the page are {sorted(found)}, "
                                   f"expected both of {speakers}")
    expect(page.meta.total == len(page.data) == 4, f"meta.total is {page.meta.total}, "
                                                   f"expected 4 (3 + 1)")
    return f"speaker={speakers} gave {page.meta.total} statements from both speakers"


def check_not_found(client: Client) -> str:
    response = get_statement.sync_detailed(MISSING_STATEMENT, client=client)
    expect(
        response.status_code == HTTPStatus.NOT_FOUND,
        f"getStatement({MISSING_STATEMENT}) answered {response.status_code}, expected 404",
    )
    problem = response.parsed
    expect_type(problem, Problem, "the 404's parsed body")
    expect(problem.status == 404, f"problem.status is {problem.status!r}")
    expect(
        problem.type_ == "/v1/problems/not-found",
        f"problem.type is {problem.type_!r}, expected '/v1/problems/not-found'",
    )
    return f"404 parsed as Problem(type={problem.type_!r}, detail={problem.detail!r})"


CHECKS: list[tuple[str, Callable[[Client], str]]] = [
    ("listStatements limit=2", check_list),
    (f"getStatement {KNOWN_STATEMENT} expand=speaker", check_expanded),
    ("listStatements speaker=[two actors]", check_several_values),
    (f"getStatement {MISSING_STATEMENT} (missing)", check_not_found),
]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} BASE_URL", file=sys.stderr)
        return 2
    base_url = argv[1].rstrip("/")
    failures = 0
    with Client(base_url=base_url, raise_on_unexpected_status=True) as client:
        for name, check in CHECKS:
            try:
                summary = check(client)
            except CheckFailed as error:
                failures += 1
                print(f"FAIL {name}: {error}")
            except Exception as error:
                # A response the generated models cannot parse surfaces here (KeyError,
                # ValueError, TypeError from from_dict), as do an unexpected status and
                # a connection error.
                failures += 1
                print(f"FAIL {name}: the generated client raised {type(error).__name__}: {error}")
                traceback.print_exc(limit=-3, chain=False, file=sys.stdout)
            else:
                print(f"PASS {name}: {summary}")
    print(
        f"generated client against {base_url}: "
        f"{len(CHECKS) - failures} of {len(CHECKS)} checks passed"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
