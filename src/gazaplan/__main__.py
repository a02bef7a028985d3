"""``python -m gazaplan``: the ``gazaplan`` command."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
