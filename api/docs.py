"""Interactive documentation assets, served locally: no CDN is reachable from many
deployments, nor from CI.

Swagger UI 5 (it renders OpenAPI 3.1) comes from the flask-swagger-ui package's
``dist`` folder; ReDoc is vendored under ``api/static/redoc``.
"""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Flask

SWAGGER_UI_ASSETS = Path(flask_swagger_ui.__file__).parent / "dist"
REDOC_ASSETS = Path(__file__).parent / "static" / "redoc"

DOCS_CONFIG = {
    "V1_OPENAPI_URL_PREFIX": "/",
    "V1_OPENAPI_JSON_PATH": "v1/openapi.json",
    "V1_OPENAPI_SWAGGER_UI_PATH": "docs",
    "V1_OPENAPI_SWAGGER_UI_URL": "/docs/assets/",
    "V1_OPENAPI_REDOC_PATH": "redoc",
    "V1_OPENAPI_REDOC_URL": "/redoc/assets/redoc.standalone.js",
}


def init_app(app: Flask) -> None:
    for key, value in DOCS_CONFIG.items():
        app.config.setdefault(key, value)
    app.register_blueprint(Blueprint("swagger_ui_assets", __name__,
                                     static_folder=SWAGGER_UI_ASSETS,
                                     static_url_path="/docs/assets"))
    app.register_blueprint(Blueprint("redoc_assets", __name__, static_folder=REDOC_ASSETS,
                                     static_url_path="/redoc/assets"))
