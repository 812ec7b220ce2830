"""Query parameters shared by the endpoints (API guide, 'Query parameters').

Every string parameter has a pattern: no control character (NUL included) gets
past validation to a database. Multi-valued filters are comma-separated.
"""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from webargs.fields import DelimitedList

from api.vocab import ExtractionMethod, Vocabulary
from schemas.vocabulary import VocabularyField

from .smorest import ID_PATTERN

PRINTABLE = validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="Control characters are not allowed.")
IDENTIFIER = validate.Regexp(rf"^{ID_PATTERN}$", error="Not an id.")


class CommaSeparated(DelimitedList):
    """Several values, comma-separated (``speaker=a,b``) or repeated (``speaker=a&speaker=b``,
    as generated clients send them, whatever ``explode: false`` says): their union."""

    is_multiple = True  # webargs hands over every occurrence of the key

    def _deserialize(self, value, attr, data, **kwargs):
        occurrences = value if isinstance(value, list) else [value]
        if not all(isinstance(text, str) for text in occurrences):
            raise self.make_error("invalid")
        values = [part for text in occurrences for part in text.split(self.delimiter)]
        return fields.List._deserialize(self, values, attr, data, **kwargs)


def several(item: fields.Field, description: str, what: str = "values") -> CommaSeparated:
    """A multi-valued parameter; present but empty (``status=``) is a 400."""
    return CommaSeparated(item, validate=validate.Length(min=1), metadata={
        "description": f"{description} Comma-separated {what} (or the parameter repeated)."})


def ids(description: str) -> DelimitedList:
    return several(fields.String(validate=IDENTIFIER), description, "ids")


def choices(vocabulary: type[Vocabulary], description: str) -> DelimitedList:
    return several(VocabularyField(vocabulary), description)


def text(description: str, max_length: int = 200) -> fields.String:
    return fields.String(validate=[validate.Length(min=1, max=max_length), PRINTABLE],
                         metadata={"description": description})


def full_text(what: str) -> fields.String:
    return text(f"Full-text search in {what}: every word must match (stemmed, accents and "
                "case ignored).")


def sort_field(options: list[str], default: str) -> fields.String:
    return fields.String(load_default=default, validate=validate.OneOf(options), metadata={
        "description": f"Sort field; `-` for descending. Ties are broken by id, in the same "
                       f"direction; records without a value come last. "
                       f"Default `{default}`."})


def expand_field(options: list[str]) -> DelimitedList:
    return several(fields.String(validate=validate.OneOf(options)),
                   "Embed the referenced objects (the `*_id` fields stay).")


def limit_field(default: int, maximum: int, what: str = "Records") -> fields.Integer:
    return fields.Integer(load_default=default, validate=validate.Range(1, maximum),
                          metadata={"description": f"{what} per page."})


def cursor_field() -> fields.String:
    return fields.String(validate=[validate.Length(max=500), validate.Regexp(r"^[A-Za-z0-9_-]+$")],
                         metadata={"description": "`meta.next_cursor` of the previous page."})


class PageArgs(Schema):
    limit = limit_field(20, 100)
    cursor = cursor_field()


class DateRangeArgs(Schema):
    date_from = fields.Date(metadata={"description": "On or after this date (inclusive). "
                                                     "After `date_to`, it is a 400."})
    date_to = fields.Date(metadata={"description": "On or before this date (inclusive)."})

    @validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ValidationError("date_from is after date_to.", "date_from")


class ExtractionArgs(Schema):
    extraction = choices(ExtractionMethod, "How the record was made: `curated` by a person, "
                                           "or found by an extraction `rule`.")


def detail_args(name: str, expansions: list[str]) -> type[Schema]:
    """Query parameters of a detail route: ``expand``, where there is anything to expand."""
    return Schema.from_dict({"expand": expand_field(expansions)} if expansions else {},
                            name=name)
