"""The committed JSON Schemas in docs/schema/ are exactly what docingest.schema generates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from docingest import Article, Claim, Failure
from docingest.schema import NAMES, SchemaName, dumps, json_schema, write_schemas
from docingest.strategies import articles, failures, standalone_claims

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "docs" / "schema"
REFRESH = "python -c \"from docingest.schema import write_schemas; write_schemas('docs/schema')\""


@pytest.mark.parametrize("name", NAMES)
def test_committed_schema_is_current(name: SchemaName) -> None:
    path = SCHEMA_DIR / f"{name}.json"
    assert path.exists(), f"{path} is missing; run {REFRESH}"
    assert path.read_text(encoding="utf-8") == dumps(name), f"{path} is stale; run {REFRESH}"
    assert json.loads(path.read_text(encoding="utf-8")) == json_schema(name)


def test_no_stray_schema_files() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(f"{n}.json" for n in NAMES)


def test_models_doc_lists_every_field() -> None:
    from docingest.models import Block, Provenance, Quantity, Removal, Span, TextRef

    doc = (SCHEMA_DIR.parent / "models.md").read_text(encoding="utf-8")
    for model in (Article, Block, Claim, Failure, Provenance, Quantity, Removal, Span, TextRef):
        assert f"### `{model.__name__}`" in doc, f"docs/models.md has no section for {model.__name__}"
        section = doc.split(f"### `{model.__name__}`", 1)[1].split("\n### ", 1)[0]
        for field in model.model_fields:
            assert f"| `{field}` |" in section, f"docs/models.md does not list {model.__name__}.{field}"


def test_unknown_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown schema"):
        json_schema("blocks")  # type: ignore[arg-type]


def test_write_schemas_writes_the_three_files(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "out")
    assert [p.name for p in written] == ["article.json", "claim.json", "failure.json"]
    for path, name in zip(written, NAMES, strict=True):
        assert json.loads(path.read_text(encoding="utf-8")) == json_schema(name)


def test_schemas_forbid_unknown_fields_and_describe_every_field() -> None:
    for name, model in (("article", Article), ("claim", Claim), ("failure", Failure)):
        schema = json_schema(name)  # type: ignore[arg-type]
        assert schema["additionalProperties"] is False
        assert set(schema["properties"]) == set(model.model_fields)
        for field, spec in schema["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description in the schema"


def _conforms(value: object, schema: dict[str, object], defs: dict[str, dict[str, object]]) -> bool:
    """A small JSON-Schema checker for the keywords pydantic emits (type, enum, const, anyOf, $ref, items,
    properties, required, additionalProperties, min/max); enough to catch a schema that disagrees with the
    JSON the models write."""
    if "$ref" in schema:
        return _conforms(value, defs[str(schema["$ref"]).rsplit("/", 1)[-1]], defs)
    if "anyOf" in schema:
        return any(_conforms(value, s, defs) for s in schema["anyOf"])  # type: ignore[attr-defined]
    if "const" in schema and value != schema["const"]:
        return False
    if "enum" in schema and value not in schema["enum"]:  # type: ignore[operator]
        return False
    kind = schema.get("type")
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
    }
    if kind is not None and not checks[str(kind)](value):
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:  # type: ignore[operator]
            return False
        if "maximum" in schema and value > schema["maximum"]:  # type: ignore[operator]
            return False
    if isinstance(value, str) and len(value) < int(schema.get("minLength", 0)):  # type: ignore[call-overload]
        return False
    if isinstance(value, list):
        items = schema.get("prefixItems") or ([schema["items"]] * len(value) if "items" in schema else None)
        if items is not None:
            schemas: list[dict[str, object]] = list(items)  # type: ignore[call-overload]
            if not all(_conforms(v, s, defs) for v, s in zip(value, schemas, strict=False)):
                return False
    if isinstance(value, dict):
        properties: dict[str, dict[str, object]] = schema.get("properties", {})  # type: ignore[assignment]
        if schema.get("additionalProperties") is False and set(value) - set(properties):
            return False
        if set(schema.get("required", ())) - set(value):  # type: ignore[call-overload]
            return False
        return all(_conforms(value[k], properties[k], defs) for k in value if k in properties)
    return True


@settings(max_examples=40, deadline=None)
@given(articles(), standalone_claims(), failures())
def test_written_json_conforms_to_the_schema(article: Article, claim: Claim, failure: Failure) -> None:
    for name, record in (("article", article), ("claim", claim), ("failure", failure)):
        schema = json_schema(name)  # type: ignore[arg-type]
        data = json.loads(record.model_dump_json())
        assert _conforms(data, schema, schema.get("$defs", {})), f"{name} JSON does not conform: {data}"


def test_checker_rejects_what_the_schema_forbids() -> None:
    schema = json_schema("failure")
    defs = schema.get("$defs", {})
    good = json.loads(Failure(kind="invalid", source="x", message="m").model_dump_json())
    assert _conforms(good, schema, defs)
    assert not _conforms({**good, "kind": "nope"}, schema, defs)
    assert not _conforms({**good, "extra": 1}, schema, defs)
    assert not _conforms({k: v for k, v in good.items() if k != "message"}, schema, defs)
