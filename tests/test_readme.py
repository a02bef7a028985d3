"""The README's tour runs as written, and its stated results hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gazaplan as gp

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_tour_runs() -> None:
    (tour,) = re.findall(r"## A short tour\n\n```python\n(.*?)```", README.read_text(), re.S)
    namespace: dict[str, object] = {}
    exec(compile(tour, "README.md", "exec"), namespace)  # the README is ours; no outside input
    report = namespace["report"]
    assert isinstance(report, gp.PhaseReport)
    assert report.verdict is gp.Verdict.UNMET
    plan = namespace["plan"]
    assert isinstance(plan, gp.Plan)
    text = plan.line("yellow").describe_share()
    assert "53% per Israeli officials" in text
    assert "58% per Al Jazeera's Sanad unit" in text


def test_the_data_section_runs() -> None:
    (block,) = re.findall(
        r"## The data, and how far it reaches\n.*?```python\n(.*?)```", README.read_text(), re.S
    )
    namespace: dict[str, object] = {"gp": gp}
    exec(compile(block, "README.md", "exec"), namespace)  # the README is ours
    stated = namespace["stated"]
    assert isinstance(stated, gp.Plan)
    assert stated.version.endswith("+positions")
    assert "2026.10" in README.read_text()


def test_the_readme_gives_the_two_commands_that_ci_runs() -> None:
    ci = (README.parent / ".ci" / "run").read_text()
    commands = re.findall(r"```sh\n(.*?)\n```", README.read_text(), re.S)
    assert len(commands) >= 2
    for command in commands[:2]:
        assert command in ci


def test_every_scenario_snippet_in_the_readme_passes_as_printed(tmp_path: Path) -> None:
    from gazaplan.cli import main

    snippets = re.findall(r"```toml\n(.*?)```", README.read_text(), re.S)
    assert snippets
    for i, snippet in enumerate(snippets):
        path = tmp_path / f"snippet-{i}.toml"
        path.write_text(snippet, encoding="utf-8")
        scenario = gp.load_scenario(path)
        result = gp.check_scenario(scenario)
        assert result.passed, result.explain()
        assert main(["check", str(path), "-q"]) == 0


def test_every_python_snippet_in_the_readme_runs_as_printed() -> None:
    snippets = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    assert snippets
    for snippet in snippets:
        exec(compile(snippet, "README.md", "exec"), {})  # the README is ours; no outside input


def test_the_structure_section_runs_and_names_the_cycle(capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = re.findall(
        r"## Why is it stuck\? The plan's structure\n\n```python\n(.*?)```",
        README.read_text(),
        re.S,
    )
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)  # the README is ours
    out = capsys.readouterr().out
    assert "wait on each other (points 13, 16)" in out
    assert "(p13-decommission) waits on" in out
    assert "(p16-hand-over) waits on" in out
    assert "Hamas commits to" in out  # the parties in words, the same form for each
    assert "Israel commits to" in out


def test_the_headline_section_states_what_status_prints() -> None:
    text = " ".join(README.read_text().split())
    (section,) = re.findall(r"## Where does the plan stand\? (.*?) ## A short tour", text)
    h = gp.status(gp.plan_versions(), gp.timeline())
    said = " ".join(h.explain().split())
    assert "phase 2, its preconditions met since 14 January 2026" in section
    assert "its preconditions met since 14 January 2026" in said
    assert f"({h.unknown} of {h.obligations})" in section
    assert f"{h.unknown} of {h.obligations} obligations" in said
    assert h.vetoes_words in section
    assert "9 October 2026" in section
    assert "the data reach 9 October 2026" in said


def test_the_explore_figure_is_what_the_explorer_finds() -> None:
    text = " ".join(README.read_text().split())
    (states,) = re.findall(r"\(([\d,]+) states with 20 living and 28 deceased hostages\)", text)
    found = gp.explore(gp.plan(), positions=True)
    assert found.states == int(states.replace(",", ""))
    assert "phase-2.completion" in found.stuck


def test_the_explored_sweep_says_which_stated_condition_opens_which_phase() -> None:
    text = " ".join(README.read_text().split())
    assert "Dropping Hamas's stated condition alone" in text
    found = gp.sweep(  # the README's grid, on a model of the same structure with fewer hostages
        gp.plan(),
        {
            "position.hamas": [True, False],
            "position.israel": [True, False],
            "model.living": [1],
            "model.deceased": [1],
        },
        explore=True,
    )
    stuck = {
        v.values[:2]: {s.id for s in v.standings if "completion stuck" in s.status and s.waits_on}
        for v in found.variants
    }
    assert stuck[(True, True)] == stuck[(True, False)] == {"phase-2", "perimeter"}
    assert stuck[(False, True)] == stuck[(False, False)] == set()
