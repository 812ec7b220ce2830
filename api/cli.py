"""The ``parley`` console script: Flask's CLI on Parley's app factory.

``parley run``, ``parley seed``, ``parley serve`` and every other command share
``create_app``; the commands themselves live in ``api.commands``.
"""

from __future__ import annotations

import click
from flask.cli import FlaskGroup

from . import create_app


@click.group(cls=FlaskGroup, create_app=create_app)
def cli() -> None:
    """Parley: structured data on ceasefire and hostage-deal negotiations."""
