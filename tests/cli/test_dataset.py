"""``gazaplan data validate / releases / diff`` and ``gazaplan event new``."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import gazaplan as gp
from gazaplan.time.datasets import Dataset, Entry, Release, Status
from gazaplan.whatif.releases import release_notes

from ..support.cli import run

PLAN = gp.plan()
IDT = dt.timezone(dt.timedelta(hours=3))


def test_the_bundled_data_file_validates() -> None:
    code, out, err = run("data", "validate")
    assert (code, err) == (0, "")
    assert "ok  (bundled) gazaplan/catalog/data/timeline.toml" in out
    assert "releases 2026.05, 2026.10" in out


def test_a_bad_data_file_is_refused_with_located_problems(tmp_path: Path) -> None:
    text = gp.dumps(gp.dataset(), format="toml").replace('party = "hamas"', 'party = "hamass"', 1)
    bad = tmp_path / "timeline.toml"
    bad.write_text(text, "utf-8")
    code, out, err = run("data", "validate", str(bad), "--json")
    assert code == 2
    (row,) = json.loads(out)["files"]
    (problem,) = row["problems"]
    first = next(
        i
        for i, e in enumerate(gp.dataset().entries)
        if 'party = "hamas"' in gp.dumps(e, format="toml")
    )
    assert problem["path"] == f"entries[{first}].event"
    assert problem["line"] is not None
    assert "'hamass' is no party" in err


def test_releases_say_how_far_the_data_reaches() -> None:
    code, out, _ = run("data", "releases")
    assert code == 0
    assert "2026.10 (data as of 2026-10-09)" in out
    assert "unknown: The result of Israel's election" in out


def test_diff_prints_the_verdicts_the_new_data_changes() -> None:
    code, out, _ = run("data", "diff", "2026.05", "2026.10")
    assert code == 0
    assert "Release 2026.10 against 2026.05" in out
    assert "+ 2026-07-31-disarmament-agreement" in out
    notes = release_notes(gp.dataset(), "2026.05", "2026.10", plan=PLAN)
    assert notes.changes  # the new data changes at least one conclusion
    for change in notes.changes:
        assert str(change) in out
    assert run("data", "diff", "--exit-code")[0] == 1
    doc = json.loads(run("data", "diff", "--json")[1])
    assert (doc["old"], doc["new"]) == ("2026.05", "2026.10")
    assert {(v["id"], v["after"]) for v in doc["verdicts"]} == {
        (c.id, c.after) for c in notes.changes
    }


def _two_releases(tmp_path: Path) -> Path:
    tl = gp.timeline("2026.05")
    jan = Release("2026.05", tl.events[-1].at, "first")
    feb = Release("2026.06", tl.events[-1].at, "second")
    entries = [Entry("2026.05", "c", Status.VETTED, "r", e) for e in tl]
    first = tl.events[4]  # the first line reached, 10 Oct
    fixed = gp.Event(
        "2025-10-10-first-line-fixed", first.at, first.change, "corrected", first.sources, "x"
    )
    entries.insert(5, Entry("2026.06", "c", Status.VETTED, "r", fixed, supersedes=first.id,
                            reason="re-coded"))  # fmt: skip
    entries.append(
        Entry("2026.06", "c", Status.VETTED, "r", id="x1", retracts=tl.events[-1].id, reason="why")
    )
    path = tmp_path / "data.toml"
    gp.dump(Dataset((jan, feb), entries, "Asia/Jerusalem"), path)
    return path


def test_diff_lists_corrections_and_retractions(tmp_path: Path) -> None:
    code, out, err = run("data", "diff", "--file", str(_two_releases(tmp_path)))
    assert (code, err) == (0, "")
    assert "~ 2025-10-10-first-line -> 2025-10-10-first-line-fixed: re-coded" in out
    assert "- 2026-05-19-board-report (x1): why" in out
    assert "Entries added: 0" in out


def test_diff_refuses_releases_in_the_wrong_order() -> None:
    code, _, err = run("data", "diff", "2026.10", "2026.05")
    assert code == 2
    assert "OLD (2026.10) is a later release than NEW (2026.05)" in err
    assert "Give the older release first" in err


def test_the_event_template_becomes_a_valid_entry_once_filled(tmp_path: Path) -> None:
    code, out, _ = run("event", "new")
    assert code == 0
    filled = out.replace("YYYY-MM-DD", "2026-10-08").replace('"candidate"', '"candidate"')
    assert 'kind = "reported"' in filled
    head = 'schema_version = 1\ndocument = "dataset"\n'
    release = '[[releases]]\nversion = "2026.10"\nas_of = 2026-10-09T00:00:00+03:00\ntitle = "t"\n'
    path = tmp_path / "new.toml"
    path.write_text(head + release + filled, "utf-8")
    ds = gp.load(path, Dataset, plan=PLAN)
    (entry,) = ds.entries
    assert entry.status is Status.CANDIDATE
    assert entry.event is not None
    assert entry.event.kind == "reported"
    assert tomllib.loads(path.read_text("utf-8"))["entries"][0]["coded_by"] == "your name or team"
    assert run("data", "validate", str(path))[0] == 0


def test_release_notes_print_as_their_explanation() -> None:
    notes = release_notes(gp.dataset(), plan=PLAN)
    assert str(notes) == notes.explain()
    assert notes.explain().startswith("Release 2026.10 against 2026.05")
