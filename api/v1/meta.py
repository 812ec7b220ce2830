"""About the dataset: its version and size, and the vocabularies of its fields."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from api import migrate, models
from api.db import get_engine, get_session
from api.http.cache import memo
from api.http.smorest import Blueprint
from api.vocab import VOCABULARIES
from schemas.service import MetaSchema, VocabulariesSchema
from seed.load import CURRENT

from .examples import example

COUNTED = {"sources": models.Source, "actors": models.Actor, "locations": models.Location,
           "meetings": models.Meeting, "proposals": models.Proposal,
           "statements": models.Statement, "statistics": models.Statistic,
           "evidence": models.Evidence}

def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite returns stored UTC instants without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


blp = Blueprint("meta", __name__, url_prefix="/v1", description=(
    "The dataset's version, load time and size, and every vocabulary's values."))


@blp.route("/meta")
@blp.response(200, MetaSchema, example=example("getMeta"))
def get_meta():
    """Get dataset metadata

    `dataset_version` changes whenever the data changes: a cheap way to know whether
    anything a client cached is stale.
    """
    session = get_session()
    state = session.get(models.DatasetState, CURRENT)
    return {
        "id": "dataset", "type": "meta", "api_version": "v1",
        "dataset_version": state.version if state else None,
        "loaded_at": as_utc(state.loaded_at) if state else None,
        "schema_revision": migrate.current_revision(get_engine()),
        "counts": memo(("counts",), lambda: {
            name: session.scalar(select(func.count()).select_from(model))
            for name, model in COUNTED.items()}),
    }


@blp.route("/vocabularies")
@blp.response(200, VocabulariesSchema, example=example("listVocabularies"))
def list_vocabularies():
    """List vocabularies

    Every enumerated field's values with a short description of each.
    """
    return {"id": "vocabularies", "type": "vocabularies", "vocabularies": {
        name: [{"value": value, "description": description}
               for value, description in vocabulary.describe().items()]
        for name, vocabulary in VOCABULARIES.items()}}
