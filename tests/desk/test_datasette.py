"""A real Datasette server over the exported database: started on the loopback address with the
database and its metadata, bounded in time, and asked through its JSON API for the obligations,
their periods and a full-text search; every answer equals the library's own."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

import gazaplan as gp
from gazaplan.desk.database import database_tables, write_database

pytest.importorskip("datasette")

VERSIONS = gp.plan_versions()
DATASET = gp.dataset()
START_SECONDS = 60.0
"""The longest the server may take to answer its first request (a busy machine)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("datasette")
    db, meta = write_database(database_tables(VERSIONS, DATASET), folder / "gazaplan.db")
    port = _free_port()
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(meta),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"datasette did not answer: {(folder / 'server.log').read_text()}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _get(base: str, path: str, **query: str) -> Any:
    url = f"{base}{path}?{urllib.parse.urlencode(query)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def _rows(base: str, table: str, **query: str) -> list[dict[str, Any]]:
    doc = _get(base, f"/gazaplan/{table}.json", _shape="objects", _size="max", **query)
    rows: list[dict[str, Any]] = doc["rows"]
    assert not doc.get("next"), "more rows than a page"
    return rows


def test_the_obligations_are_the_librarys(server: str) -> None:
    rel = DATASET.release()
    judged = gp.compliance(VERSIONS, DATASET.timeline(rel.version), at=rel.as_of)
    rows = _rows(server, "compliance")
    assert {r["obligation_id"]: r["status"] for r in rows} == {
        c.obligation.id: str(c.status) for c in judged.items
    }
    periods = _rows(server, "compliance_periods")
    assert {(r["obligation_id"], r["period"]): (r["status"], r["start"]) for r in periods} == {
        (c.obligation.id, i): (str(p.status), p.start.isoformat())
        for c in judged.items
        for i, p in enumerate(c.periods, 1)
    }


@pytest.mark.parametrize("word", ["Rafah", "hostages"])
def test_full_text_search_through_the_api(server: str, word: str) -> None:
    found = {r["event_id"] for r in _rows(server, "events", _search=word)}
    alone = re.compile(rf"(?<![^\W_]){word}(?![^\W_])", re.IGNORECASE)  # FTS5's tokens
    events = DATASET.timeline(candidates=True).events
    expected = {e.id for e in events if alone.search(" ".join((e.summary, e.note, e.reported_by)))}
    assert found
    assert found == expected


def test_the_metadata_is_served(server: str) -> None:
    meta = _get(server, "/-/metadata.json")
    assert meta["license"] == "MIT"
    assert "compliance" in meta["databases"]["gazaplan"]["tables"]
