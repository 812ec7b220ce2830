from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlmodel import Field, SQLModel


class DatasetState(SQLModel, table=True):
    """The loaded dataset's version (a digest of its content) and when it was loaded."""

    __tablename__ = "dataset_state"

    name: str = Field(primary_key=True, sa_type=String(32))
    version: str = Field(sa_type=String(64))
    loaded_at: datetime = Field(sa_type=DateTime(timezone=True))
