"""The JSON Schema: shipped up to date, valid, and in agreement with the loader."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.files.schema import document_schema, scenario_schema

VALIDATOR = jsonschema.Draft202012Validator(scenario_schema())
ROOT = Path(__file__).parents[2]


def test_the_shipped_schema_is_what_the_classes_generate() -> None:
    shipped = resources.files("gazaplan.files").joinpath("scenario.schema.json").read_text("utf-8")
    assert json.loads(shipped) == scenario_schema(), "regenerate it: gazaplan schema > ..."


@pytest.mark.parametrize("kind", [gp.Scenario, gp.Plan, gp.Timeline, gp.State, gp.Condition])
def test_schemas_are_valid_json_schema(kind: Any) -> None:
    jsonschema.Draft202012Validator.check_schema(document_schema(kind))


@settings(max_examples=60)
@given(gst.scenarios())
def test_every_dumped_scenario_is_valid_under_the_schema(scenario: gp.Scenario) -> None:
    VALIDATOR.validate(json.loads(gp.dumps(scenario)))


@pytest.mark.parametrize("version", gp.versions())
def test_bundled_plans_are_valid_under_the_plan_schema(version: str) -> None:
    doc = json.loads(gp.dumps(gp.plan(version)))
    jsonschema.Draft202012Validator(document_schema(gp.Plan)).validate(doc)


def test_example_and_golden_files_are_valid() -> None:
    paths = [*ROOT.glob("examples/scenarios/*"), *ROOT.glob("tests/golden/scenario-*")]
    assert paths
    for path in paths:
        scenario = gp.load_scenario(path)
        VALIDATOR.validate(json.loads(gp.dumps(scenario)))


@pytest.mark.parametrize(
    "change",
    [
        {"colour": "red"},  # unknown key
        {"name": 3},  # wrong type
        {"timeline": {"events": [{"id": "a", "at": "2025-10-10T12:00:00", "change": {}}]}},
        {"expectations": [{"kind": "phase", "at": "2025-10-10T12:00:00+03:00", "phase": "p"}]},
        {"expectations": [{"kind": "weather", "at": "2025-10-10T12:00:00+03:00"}]},
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(change: dict[str, Any]) -> None:
    doc = {"schema_version": 1, "name": "x", "version": "2025-09-29", **change}
    assert not VALIDATOR.is_valid(doc)
    with pytest.raises(gp.ScenarioFormatError):
        gp.loads(json.dumps(doc), gp.Scenario)
