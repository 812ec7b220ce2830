"""Version 1 of the public API: one flask-smorest ``Api``, hence one spec, per version."""

from __future__ import annotations

from flask import Flask

from api.http.smorest import ID_PATTERN, Api, ConditionalGetPlugin, IdConverter
from schemas.service import typed_record_property
from schemas.vocabulary import vocabulary_components, vocabulary_property

from . import (
    actors,
    locations,
    meetings,
    meta,
    operations,
    proposals,
    search,
    sources,
    statements,
    statistics,
    timeline,
)

BLUEPRINTS = [sources, actors, locations, meetings, proposals, statements, statistics,
              timeline, search, meta, operations]

DESCRIPTION = """\
Structured, source-linked data on ceasefire and hostage-deal negotiations: who met
whom (meetings), what was proposed and who accepted it (proposals), who said what
(statements), which numbers were reported (statistics), and the actors, locations
and sources behind them.

**Provenance.** Every record that came out of an article carries `evidence`:
`{source_id, start, end, text}` spans with `text == source.body[start:end]`
(characters). A fact without evidence is not served.

**Collections** answer `{data, meta: {total, limit, next_cursor}, links: {self, next}}`,
with the next page also in a `Link` header. Page with `limit` (1-100) and `cursor`.
Filters are plain parameters named after the field, comma-separated for several
values; `date_from`/`date_to` are inclusive. `expand=a,b` embeds referenced objects.

**Errors** are RFC 9457 `application/problem+json`; an unknown or malformed
parameter is a 400 naming it. **Caching**: every GET has a strong `ETag` and answers
`If-None-Match` with 304. Ids are stable across data reloads.
"""

API_CONFIG = {
    "V1_API_TITLE": "Parley API",
    "V1_API_VERSION": "1.0.0",
    "V1_OPENAPI_VERSION": "3.1.0",
    "V1_API_SPEC_OPTIONS": {"info": {"description": DESCRIPTION,
                                     "license": {"name": "MIT", "identifier": "MIT"}}},
}


def init_app(app: Flask) -> Api:
    for key, value in API_CONFIG.items():
        app.config.setdefault(key, value)
    app.url_map.converters["id"] = IdConverter
    api = Api(app, config_prefix="V1_",
              spec_kwargs={"extra_plugins": [ConditionalGetPlugin()]})
    api.ma_plugin.converter.add_attribute_function(typed_record_property)
    api.ma_plugin.converter.add_attribute_function(vocabulary_property)
    for name, component in vocabulary_components().items():
        api.spec.components.schema(name, component)
    api.register_converter(IdConverter, lambda _: {"type": "string",
                                                   "pattern": f"^{ID_PATTERN}$"})
    for module in BLUEPRINTS:
        api.register_blueprint(module.blp)
    return api
