#!/usr/bin/env python3
"""Writes src/needs/openapi.json, the needs module's OpenAPI fragment, from the table below.
Run it after changing a route (python3 src/needs/tools/openapi_fragment.py); the app's
OpenAPI test fails while a route is undocumented."""
import json
import os

BASE = "/api/poles/{pole}/needs"
S = lambda name: {"$ref": "#/components/schemas/" + name}
STR = {"type": "string"}
INT = {"type": "integer"}
NUM = {"type": "number"}
NSTR = {"type": "string", "nullable": True}
NINT = {"type": "integer", "nullable": True}
NNUM = {"type": "number", "nullable": True}
LIST = lambda item: {"type": "array", "items": item}
OBJ = lambda props, **extra: dict({"type": "object", "properties": props}, **extra)

CELL = OBJ({"count": NINT, "rate_per_1000": NNUM, "share": NNUM, "ratio": NNUM},
           description="null values are suppressed (below the pole's minimum cell size)")
UNIT = OBJ({"level": STR, "code": STR, "name": STR, "country": STR, "region": STR, "population": NINT,
            "lat": NUM, "lon": NUM})
RECORD_INPUT = OBJ({"record_id": STR, "date": STR, "centre": STR, "counsellor": STR, "commune_code": STR,
                    "person_key": STR, "age_band": STR, "situation": LIST(STR), "need_text": STR,
                    "need_codes": LIST(STR), "proposal_text": STR, "coop_interest": STR,
                    "sectors": LIST(STR), "skills": LIST(STR), "language": STR},
                   required=["record_id"], additionalProperties=False,
                   description="A record needs a need_text or a proposal_text")
SCHEMAS = {
    "NeedsSettings": OBJ({"min_cell_size": INT, "similarity_threshold": NUM, "shingle_size": INT,
                          "hotspot_min_count": INT, "hotspot_min_ratio": NUM}),
    "NeedsSummary": OBJ({"records": INT, "groups": INT, "calls": INT, "decisions": INT,
                         "last_catalogue": NSTR, "last_rationalisation": NSTR, "settings": S("NeedsSettings")}),
    "NeedsTaxonomy": OBJ({"categories": LIST(OBJ({"code": STR, "label": OBJ({"fr": STR, "it": STR, "en": STR}),
                                                  "sections": LIST(STR)})),
                          "dimensions": LIST(OBJ({"code": STR, "label": OBJ({})})),
                          "indicators": LIST(OBJ({"code": STR, "dimension": STR, "source": STR, "measure": STR,
                                                  "label": OBJ({}), "unit": STR})),
                          "languages": LIST(STR), "rules": INT,
                          "sections": LIST(OBJ({"code": STR, "label": STR}))}),
    "IntakeRecordInput": RECORD_INPUT,
    "IntakeRecordCode": OBJ({"kind": {"type": "string", "enum": ["need", "sector"]}, "code": STR,
                             "matched": LIST(STR), "declared": {"type": "boolean"},
                             "correction": {"type": "string", "nullable": True, "enum": ["add", "remove"]},
                             "effective": {"type": "boolean"}}),
    "IntakeRecord": {"allOf": [S("IntakeRecordInput"),
                               OBJ({"id": INT, "commune_name": NSTR, "codes": LIST(S("IntakeRecordCode")),
                                    "group_id": NINT, "created_at": STR, "updated_at": STR})]},
    "IntakeRecordPage": OBJ({"items": LIST(S("IntakeRecord")), "total": INT, "page": INT, "per_page": INT}),
    "CodeCorrection": OBJ({"kind": {"type": "string", "enum": ["need", "sector"]}, "code": STR,
                           "action": {"type": "string", "enum": ["add", "remove", "reset"]}},
                          required=["kind", "code", "action"]),
    "ImportSummary": OBJ({"rows": INT, "coded": INT, "uncoded": INT}),
    "CatalogueView": OBJ({"records": INT, "coded": INT, "uncoded": INT, "min_cell_size": INT, "last_run": NSTR,
                          "entries": LIST(OBJ({"kind": STR, "code": STR, "count": NINT, "by_rules": INT,
                                               "corrected": INT, "words": LIST(OBJ({"word": STR, "count": INT}))}))}),
    "NeedGroup": OBJ({"id": INT, "title": STR, "custom_title": NSTR, "representative_text": STR,
                      "representative_record": STR, "size": INT, "manual": {"type": "boolean"},
                      "communes": LIST(OBJ({"code": STR, "name": STR, "count": INT})),
                      "categories": LIST(OBJ({"code": STR, "count": INT}))}),
    "NeedGroupPage": OBJ({"items": LIST(S("NeedGroup")), "total": INT, "page": INT, "per_page": INT,
                          "hidden": {"type": "integer", "description": "groups too small for this reader"}}),
    "NeedGroupMember": OBJ({"id": INT, "record_id": STR, "commune_code": NSTR, "text": STR}),
    "NeedDecision": OBJ({"id": INT, "kind": {"type": "string", "enum": ["merge", "split"]}, "records": LIST(STR),
                         "user_id": NINT, "at": STR}),
    "Diagnostic": OBJ({"level": STR, "min_cell_size": INT, "records": INT, "without_commune": INT,
                       "outside_level": INT, "suppressed_cells": INT, "categories": LIST(STR),
                       "rows": LIST(OBJ({"unit": UNIT, "records": CELL,
                                         "needs": {"type": "object", "additionalProperties": CELL},
                                         "indicators": {"type": "object", "additionalProperties": NNUM}})),
                       "hotspots": LIST(OBJ({"category": STR, "unit": UNIT, "count": INT, "rate_per_1000": NUM,
                                             "reference_rate": NUM, "ratio": NUM}))}),
    "Figure": OBJ({"indicator": STR, "level": STR, "territory": STR, "value": NUM, "source": NSTR,
                   "updated_at": STR}),
    "CallRequest": OBJ({"title": STR, "language": {"type": "string", "enum": ["fr", "it", "en"]},
                        "group_ids": LIST(INT), "level": STR, "territories": LIST(STR), "budget": NUM,
                        "deadline": STR}, required=["group_ids"]),
    "CallEdit": OBJ({"title": STR, "subtitle": STR, "context": STR, "objective": STR, "eligibility": STR,
                     "status": {"type": "string", "enum": ["draft", "final"]}, "deadline": STR, "budget": NUM}),
    "CallDocument": OBJ({"title": STR, "subtitle": STR, "language": STR, "level": STR, "context": STR,
                         "objective": STR, "eligibility": STR, "budget": NNUM, "deadline": NSTR,
                         "groups": LIST(OBJ({"id": INT, "title": STR, "size": INT, "record_ids": LIST(STR),
                                             "categories": LIST(STR)})),
                         "territories": LIST(OBJ({"code": STR, "name": STR, "records": NINT})),
                         "sectors": LIST(OBJ({})), "publics": LIST(OBJ({})),
                         "budget_lines": LIST(OBJ({"code": STR, "label": STR, "share": NUM, "amount": NNUM})),
                         "records": INT, "pole_records": INT, "min_cell_size": INT}),
    "Call": OBJ({"id": INT, "status": STR, "created_at": STR, "updated_at": STR, "document": S("CallDocument")}),
    "CallSummary": OBJ({"id": INT, "title": STR, "status": STR, "language": STR, "groups": INT, "budget": NNUM,
                        "created_at": STR, "updated_at": STR}),
}

def q(name, schema=STR, description=None):
    p = {"name": name, "in": "query", "required": False, "schema": schema}
    if description:
        p["description"] = description
    return p

PAGING = [q("page", {"type": "integer", "minimum": 1}), q("per_page", {"type": "integer", "minimum": 1, "maximum": 200})]
JSON_BODY = lambda ref: {"required": True, "content": {"application/json": {"schema": S(ref) if isinstance(ref, str) else ref}}}
JOB = ("202", {"description": "Accepted: a background job (GET /api/jobs/{id})",
               "content": {"application/json": {"schema": OBJ({"job_id": STR})}}})
FILE = lambda types: {"description": "The file", "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in types}}

ROUTES = [
    ("get", "", "The observatory's summary: counts, last runs and settings", [], None, ("200", S("NeedsSummary"))),
    ("get", "/taxonomy", "Need categories, dimensions and indicators", [], None, ("200", S("NeedsTaxonomy"))),
    ("get", "/records", "Intake records (personal data: counsellors only, logged)",
     [q("q", description="Words of the texts, or a record_id"), q("commune"), q("category"), q("sector"),
      q("uncoded", {"type": "boolean"})] + PAGING, None, ("200", S("IntakeRecordPage"))),
    ("post", "/records", "Record an intake interview", [], JSON_BODY("IntakeRecordInput"), ("201", S("IntakeRecord"))),
    ("get", "/records/{id}", "One intake record with its codes (logged)", [], None, ("200", S("IntakeRecord"))),
    ("put", "/records/{id}", "Change an intake record (it is coded again)", [], JSON_BODY("IntakeRecordInput"), ("200", S("IntakeRecord"))),
    ("delete", "/records/{id}", "Delete an intake record", [], None, ("204", None)),
    ("put", "/records/{id}/codes", "A counsellor's correction of one code: add, remove or reset", [], JSON_BODY("CodeCorrection"), ("200", S("IntakeRecord"))),
    ("post", "/imports", "Import intake records from CSV, XLSX or JSON (background job, all or nothing)", [],
     {"required": True, "content": {"text/csv": {"schema": STR},
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
                                    "application/json": {"schema": LIST(S("IntakeRecordInput"))},
                                    "application/x-ndjson": {"schema": STR}}}, JOB),
    ("get", "/exports/records", "Export the intake records with the import's columns (csv, xlsx or json)",
     [q("format", {"type": "string", "enum": ["csv", "xlsx", "json"]})], None, ("200", FILE(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json"]))),
    ("get", "/settings", "The observatory's settings", [], None, ("200", S("NeedsSettings"))),
    ("put", "/settings", "Change the observatory's settings", [], JSON_BODY("NeedsSettings"), ("200", S("NeedsSettings"))),
    ("get", "/catalogue", "The catalogue: records per need category and NAF section, and the words that matched", [], None, ("200", S("CatalogueView"))),
    ("post", "/catalogue", "Code every record again with the rules (background job)", [], None, JOB),
    ("post", "/rationalise", "Group proposals that say the same thing (background job)", [], None, JOB),
    ("get", "/groups", "Proposal groups, largest first (small ones hidden from readers of aggregates)",
     [q("q"), q("category"), q("commune"), q("min_size", {"type": "integer", "minimum": 1})] + PAGING, None, ("200", S("NeedGroupPage"))),
    ("post", "/groups/merge", "Merge proposal groups (a decision replayed after every rationalisation)", [], JSON_BODY(OBJ({"groups": LIST(INT)}, required=["groups"])), ("200", S("NeedGroup"))),
    ("get", "/groups/{id}", "One proposal group", [], None, ("200", S("NeedGroup"))),
    ("put", "/groups/{id}", "Give a proposal group a title (null: its representative text)", [], JSON_BODY(OBJ({"title": NSTR})), ("200", S("NeedGroup"))),
    ("get", "/groups/{id}/members", "The intake records of a proposal group (logged)", [], None, ("200", LIST(S("NeedGroupMember")))),
    ("post", "/groups/{id}/split", "Take records out of a proposal group into a new one (a decision replayed after every run)", [], JSON_BODY(OBJ({"records": LIST(STR)}, required=["records"])), ("200", LIST(S("NeedGroup")))),
    ("get", "/decisions", "Counsellors' merges and splits, oldest first", [], None, ("200", LIST(S("NeedDecision")))),
    ("delete", "/decisions/{id}", "Drop a decision: the next rationalisation no longer replays it", [], None, ("204", None)),
    ("get", "/diagnostic", "The territorial diagnostic at a level (json, csv or xlsx; small cells suppressed)",
     [q("level", {"type": "string", "enum": ["commune", "epci", "department", "region"]}), q("category"),
      q("format", {"type": "string", "enum": ["json", "csv", "xlsx"]})], None, ("200", S("Diagnostic"))),
    ("get", "/figures", "Figures the pole entered for the diagnostic's indicators", [], None, ("200", LIST(S("Figure")))),
    ("put", "/figures", "Enter figures for indicators of source 'pole'", [], JSON_BODY(OBJ({"figures": LIST(S("Figure"))}, required=["figures"])), ("200", LIST(S("Figure")))),
    ("get", "/calls", "Calls for projects of the pole", [], None, ("200", LIST(S("CallSummary")))),
    ("post", "/calls", "Draft a call for projects from need groups", [], JSON_BODY("CallRequest"), ("201", S("Call"))),
    ("get", "/calls/{id}", "One call for projects with the groups that justify it", [], None, ("200", S("Call"))),
    ("put", "/calls/{id}", "Change a call's texts, budget or status", [], JSON_BODY("CallEdit"), ("200", S("Call"))),
    ("delete", "/calls/{id}", "Delete a call for projects", [], None, ("204", None)),
    ("get", "/calls/{id}/export", "A call as a document (html or pdf) or as data (json)",
     [q("format", {"type": "string", "enum": ["pdf", "html", "json"]})], None, ("200", FILE(["application/pdf", "text/html", "application/json"]))),
]

paths = {}
for method, rest, summary, params, body, (status, schema) in ROUTES:
    path = BASE + rest
    parameters = [{"name": "pole", "in": "path", "required": True, "schema": STR, "description": "Pole slug or numeric id"}]
    if "{id}" in rest:
        parameters.append({"name": "id", "in": "path", "required": True, "schema": INT})
    parameters += params
    if status == "204":
        ok = {"description": "No content"}
    elif isinstance(schema, dict) and ("description" in schema and "content" in schema):
        ok = schema
    else:
        ok = {"description": "OK", "content": {"application/json": {"schema": schema}}}
    responses = {status: ok}
    for code, name in [("400", "BadRequest"), ("401", "Unauthorized"), ("403", "Forbidden"), ("404", "NotFound")]:
        responses[code] = {"$ref": "#/components/responses/" + name}
    if method in ("post", "put") and rest in ("/records", "/records/{id}"):
        responses["409"] = {"$ref": "#/components/responses/Conflict"}
    op = {"summary": summary, "tags": ["needs"], "parameters": parameters, "responses": responses}
    if body:
        op["requestBody"] = body
    paths.setdefault(path, {})[method] = op

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "openapi.json")
with open(out, "w") as f:
    json.dump({"paths": paths, "components": {"schemas": SCHEMAS}}, f, indent=2, ensure_ascii=False)
    f.write("\n")
print("wrote", os.path.normpath(out), len(ROUTES), "operations")
