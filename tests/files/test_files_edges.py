"""Reading and writing files: linear line location, bounded reads of regular files only, writes
that land whole or not at all, RFC 3339 offsets, and only the formats gazaplan writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import gazaplan as gp
from gazaplan.files.documents import MAX_BYTES

from ..support.cli import run

HYPOTHETICAL = gp.Scenario(name="edge", version="2025-09-29")


def test_locating_lines_is_linear_on_a_one_megabyte_file(tmp_path: Path) -> None:
    # A "[a" and a million spaces inside a multi-line string: the old header pattern backtracked
    # over the spaces for minutes. The subprocess bound is a guard against a hang, not a speed goal.
    text = 'schema_version = 1\nname = """\n[a' + " " * 1_000_000 + '\n"""\nversion = 5\n'
    path = tmp_path / "big.toml"
    path.write_text(text, encoding="utf-8")
    code = (
        "import sys, gazaplan as gp\n"
        "try:\n    gp.load(sys.argv[1], gp.Scenario)\n"
        "except gp.ScenarioFormatError as e:\n    print(e.problems[0].line)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"  # version = 5: the wrong type, located on its line


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_named_like_a_document_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(gp.ScenarioFormatError, match="not a regular file"):
        gp.load(link, gp.Scenario)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    program = "import sys, gazaplan as gp\ngp.load(sys.argv[1], gp.Scenario)"
    done = subprocess.run(
        [sys.executable, "-c", program, str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert "pipe (FIFO)" in done.stderr
    code, _, err = run("validate", str(fifo))
    assert code == 2
    assert "not a regular file" in err


def test_a_file_over_the_limit_is_refused_after_reading_no_more_than_the_limit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 10)  # sparse: no disk used
    with pytest.raises(gp.ScenarioFormatError, match="the limit"):
        gp.load(path, gp.Scenario)


WRITE_UNDER_A_SIZE_LIMIT = textwrap.dedent(
    """
    import resource, signal, sys
    import gazaplan as gp
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
    from gazaplan.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limits")
@pytest.mark.parametrize("kind", ["html", "export"])
def test_a_failed_write_leaves_the_old_file_whole_and_names_it(tmp_path: Path, kind: str) -> None:
    target = tmp_path / ("report.html" if kind == "html" else "plan.json")
    target.write_text("the old, complete file\n", encoding="utf-8")
    argv = ["report", "--html", str(target)] if kind == "html" else ["export", "plan", str(target)]
    done = subprocess.run(
        [sys.executable, "-c", WRITE_UNDER_A_SIZE_LIMIT, *argv],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert str(target) in done.stderr
    assert "File too large" in done.stderr
    assert target.read_text(encoding="utf-8") == "the old, complete file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_a_dump_replaces_the_file_and_keeps_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    gp.dump(HYPOTHETICAL, target)
    gp.dump(HYPOTHETICAL, target)
    assert gp.load(target, gp.Scenario) == HYPOTHETICAL
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]


def test_an_offset_with_seconds_is_refused_in_both_formats_and_the_schema() -> None:
    doc = json.loads(gp.dumps(gp.Scenario(name="s", version="2025-09-29", timeline=gp.timeline())))
    doc["timeline"]["events"][0]["at"] = "2025-10-03T22:00:00+03:00:30"
    with pytest.raises(gp.ScenarioFormatError, match=r"timeline.events\[0\].at"):
        gp.loads(json.dumps(doc), gp.Scenario)
    import jsonschema

    from gazaplan.files.schema import scenario_schema

    errors = list(jsonschema.Draft202012Validator(scenario_schema()).iter_errors(doc))
    assert errors
    odd = dt.timezone(dt.timedelta(hours=3, seconds=30))
    with pytest.raises(gp.InvalidValueError, match="whole minutes"):
        gp.Event("e", dt.datetime(2025, 10, 3, tzinfo=odd), gp.CeasefireChanged(True))
    code, _, err = run("compliance", "--at", "2025-10-13T12:00:00+03:00:30")
    assert code == 2
    assert "offset" in err


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(gp.InvalidValueError, match="JSON and TOML"):
        gp.dumps(HYPOTHETICAL, format="yaml")  # type: ignore[arg-type]
    with pytest.raises(gp.ScenarioFormatError):
        gp.loads("{}", gp.Scenario, format="yaml")  # type: ignore[arg-type]


def test_dump_and_load_agree_on_one_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gazaplan.files import documents

    events = gp.timeline("2026.05").events
    small, large = gp.Timeline(events[:1]), gp.Timeline(events[:12])
    limit = len(gp.dumps(small).encode()) + 10
    assert len(gp.dumps(large).encode()) > limit
    monkeypatch.setattr(documents, "MAX_BYTES", limit)
    gp.dump(small, tmp_path / "small.json")  # what dump writes, load reads back
    assert gp.load(tmp_path / "small.json", gp.Timeline) == small
    with pytest.raises(gp.InvalidValueError, match="Split the timeline"):
        gp.dump(large, tmp_path / "large.json")
    assert not (tmp_path / "large.json").exists()
    monkeypatch.setattr(documents, "MAX_BYTES", 10**9)
    text = gp.dumps(large)
    monkeypatch.setattr(documents, "MAX_BYTES", limit)
    for given in (text, text.encode()):  # a str is measured as the UTF-8 bytes it stands for
        with pytest.raises(gp.ScenarioFormatError, match="the limit is"):
            gp.loads(given, gp.Timeline)
    wide = gp.dumps(small).replace("Hamas", "Ḥamās")  # same characters, more bytes
    assert len(wide) <= limit < len(wide.encode())
    with pytest.raises(gp.ScenarioFormatError, match="the limit is"):
        gp.loads(wide, gp.Timeline)


def test_a_set_listing_an_item_twice_is_refused_not_merged() -> None:
    doc = (
        '{"schema_version": 1, "document": "change", "kind": "reported", "topics": ["aid", "aid"]}'
    )
    with pytest.raises(gp.ScenarioFormatError) as info:
        gp.loads(doc, gp.events.Reported)
    (problem,) = info.value.problems
    assert problem.path == "topics[1]"
    assert "listed twice" in problem.message
