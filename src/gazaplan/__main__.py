"""``python -m gazaplan``: the ``gazaplan`` command."""

from __future__ import annotations

from .cli._main import main

raise SystemExit(main())
