"""Order rows that point at rows of the same table (an actor's affiliation, a
location's parent, the proposal a proposal revises) so parents are written first."""

from __future__ import annotations


class CycleError(ValueError):
    pass


def parents_first(rows: list[dict], parent_key: str, key: str = "id") -> list[dict]:
    by_id = {row[key]: row for row in rows}
    ordered: list[dict] = []
    state: dict[str, str] = {}  # id -> "visiting" | "done"

    def visit(row_id: str, path: list[str]) -> None:
        if state.get(row_id) == "done":
            return
        if state.get(row_id) == "visiting":
            raise CycleError(f"{parent_key} loops: {' -> '.join([*path, row_id])}")
        state[row_id] = "visiting"
        parent = by_id[row_id].get(parent_key)
        if parent in by_id:
            visit(parent, [*path, row_id])
        state[row_id] = "done"
        ordered.append(by_id[row_id])

    for row in rows:
        visit(row[key], [])
    return ordered
