"""The readable API page at ``/docs``, built from the app's own OpenAPI document (FastAPI's default
page loads Swagger UI from a CDN; this one needs nothing from outside): ``docs_context(openapi)
-> {"info", "endpoints"}``, one endpoint per path and method with its summary, parameters,
request body types and responses."""
from __future__ import annotations


def _params(op: dict) -> list[dict]:
    out = []
    for p in op.get("parameters", []):
        schema = p.get("schema", {})
        out.append({"name": p.get("name"), "in": p.get("in"), "required": bool(p.get("required")),
                    "type": schema.get("type") or "/".join(s.get("type", "?") for s in schema.get("anyOf", [])) or "string",
                    "enum": schema.get("enum")})
    return out


def docs_context(openapi: dict) -> dict:
    endpoints = []
    for path, methods in sorted(openapi.get("paths", {}).items()):
        for method, op in methods.items():
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                              "description": op.get("description") or "", "params": _params(op),
                              "bodies": sorted(op.get("requestBody", {}).get("content", {})),
                              "responses": [(code, r.get("description", "")) for code, r in sorted(op.get("responses", {}).items())]})
    return {"info": openapi.get("info", {}), "endpoints": endpoints}
