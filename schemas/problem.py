"""The RFC 9457 problem document every error response carries."""

from __future__ import annotations

from marshmallow import Schema, fields


class ParameterErrorSchema(Schema):
    field = fields.String(required=True, metadata={"description": "The parameter, e.g. `limit`."})
    message = fields.String(required=True)


class ProblemSchema(Schema):
    class Meta:
        title = "Problem"

    type = fields.String(required=True, metadata={
        "description": "A URI identifying the problem type; this API serves it as a page.",
        "example": "/v1/problems/invalid-parameter"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    instance = fields.String(required=True, metadata={"description": "The path requested."})
    request_id = fields.String(required=True, allow_none=True, metadata={
        "description": "The request's X-Request-Id."})
    errors = fields.List(fields.Nested(ParameterErrorSchema), metadata={
        "description": "For invalid parameters: each parameter and what is wrong with it."})


def _example(status: int, slug: str | None, title: str, detail: str, **extra) -> dict:
    return {"type": f"/v1/problems/{slug}" if slug else "about:blank", "title": title,
            "status": status, "detail": detail, "instance": "/v1/statements",
            "request_id": "5f0c6b2e9d8a4c1f8e7b6a5d4c3b2a19", **extra}


PROBLEM_EXAMPLES = {
    400: _example(400, "invalid-parameter", "Invalid parameter",
                  "limit: Must be greater than or equal to 1 and less than or equal to 100.",
                  errors=[{"field": "limit", "message": "Must be greater than or equal to 1 "
                                                        "and less than or equal to 100."}]),
    404: _example(404, "not-found", "Not found", "No statement with id 'stmt_0000000000'."),
    405: _example(405, "method-not-allowed", "Method not allowed",
                  "The API is read-only: resources answer GET, HEAD and OPTIONS. The `Allow` "
                  "header lists the methods this URL accepts."),
    500: _example(500, "internal-error", "Internal error",
                  "Something failed on our side. The response's `X-Request-Id` identifies it "
                  "in our logs; please include it when you report the problem."),
    503: _example(503, "not-ready", "Not ready",
                  "The service is up but cannot reach its database; retry later."),
}
