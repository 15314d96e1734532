"""The JSON Schema: generated from the model, committed, and agreeing with the loader."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from attrs import evolve
from conftest import FIXTURES, ROOT
from hypothesis import given
from strategies import maps

import journeymap as jm
from journeymap.schema import schema_text

COMMITTED = ROOT / "schemas" / "journeymap.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(
    jm.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def as_json(value: Any) -> Any:
    """TOML data as an editor hands it to a JSON Schema validator: dates become ISO text."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(text: str) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(as_json(tomllib.loads(text)))]


def test_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "run: journeymap schema -o schemas/journeymap.schema.json"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(COMMITTED.read_text()))


def test_examples_validate_against_the_schema(example: Path) -> None:
    assert schema_errors(example.read_text(encoding="utf-8")) == []


@given(maps())
def test_every_written_map_validates_against_the_schema(m: jm.JourneyMap) -> None:
    assert schema_errors(jm.dumps(m)) == []


@pytest.mark.parametrize("name", ["wrong-types.toml", "unknown-key.toml", "newer-version.toml"])
def test_schema_and_loader_refuse_the_same_files(name: str) -> None:
    text = (FIXTURES / name).read_text()
    assert schema_errors(text)
    with pytest.raises(jm.LoadError):
        jm.loads(text)


def test_schema_checks_dates_and_ranges() -> None:
    data = as_json(tomllib.loads(jm.dumps(jm.starter_map("x"))))
    data["iterations"][0]["steps"][0]["emotion"] = 3
    data["iterations"][0]["created"] = "not a date"
    errors = sorted(e.message for e in VALIDATOR.iter_errors(data))
    assert errors == ["'not a date' is not a 'date'", "3 is greater than the maximum of 2"]


def test_a_signed_off_map_with_merge_conflicts_validates_against_the_schema() -> None:
    m = jm.Lock("current", by="Ann Designer <ann@example.org>").apply(
        jm.load(ROOT / "examples" / "home-training.toml")
    )
    conflict = jm.Conflict(
        iteration="current", kind="step", id="referred", key="name", ours='"A"', theirs='"B"'
    )
    text = jm.dumps(evolve(m, conflicts=(conflict,)))
    assert "locked_at = " in text and "[[conflicts]]" in text
    assert schema_errors(text) == []
    assert schema_errors(text.replace('key = "name"', "key = 1")) == ["1 is not of type 'string'"]
