"""Pydantic models of the output contract (see ``referat schema``)."""

from referat.models.document import (
    SCHEMA_VERSION,
    Amount,
    Attachment,
    AttachmentRef,
    DateMention,
    Decision,
    Document,
    Entity,
    Item,
    Meeting,
    Participant,
    Position,
    Section,
    Source,
    Statement,
    json_schema,
)

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Attachment",
    "AttachmentRef",
    "DateMention",
    "Decision",
    "Document",
    "Entity",
    "Item",
    "Meeting",
    "Participant",
    "Position",
    "Section",
    "Source",
    "Statement",
    "json_schema",
]
