"""Vocabulary fields: one named enum per vocabulary in the spec, shared by every field
and parameter that uses it (generated clients get one ``Stance`` type, not one enum
class per field)."""

from __future__ import annotations

from marshmallow import fields, validate

from api.vocab import VOCABULARIES, Vocabulary


class VocabularyField(fields.String):
    def __init__(self, vocabulary: type[Vocabulary], **kwargs):
        super().__init__(validate=validate.OneOf(vocabulary.values()), **kwargs)
        self.vocabulary = vocabulary


def vocabulary_property(converter, field: fields.Field, ret: dict, **kwargs) -> dict:
    """apispec attribute function: a reference to the vocabulary's component."""
    if not isinstance(field, VocabularyField):
        return {}
    for generic in ("type", "enum"):
        ret.pop(generic, None)
    reference = {"$ref": f"#/components/schemas/{field.vocabulary.__name__}"}
    return {"anyOf": [reference, {"type": "null"}]} if field.allow_none else reference


def vocabulary_components() -> dict[str, dict]:
    """The component schema of every vocabulary, each value described."""
    return {
        vocabulary.__name__: {
            "type": "string",
            "enum": vocabulary.values(),
            "description": f"Values of `{name}`:\n\n" + "\n".join(
                f"- `{value}`: {meaning}" for value, meaning in vocabulary.describe().items()),
        }
        for name, vocabulary in VOCABULARIES.items()
    }
