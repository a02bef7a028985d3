"""Objects pickled by an older release load: fields added since take their defaults.

attrs' own ``__setstate__`` sets only the fields the pickle holds; a field added later would be
left unset. :func:`added_fields_default` wraps it so that such a field gets its default.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

__all__ = ["added_fields_default"]

C = TypeVar("C", bound=type)


def added_fields_default(cls: C) -> C:
    """Make an attrs class fill fields missing from a pickle with their defaults.

    Args:
        cls: a slotted attrs class whose every added field has a default.

    Returns:
        The class, its ``__setstate__`` wrapped.
    """
    setstate = getattr(cls, "__setstate__")  # noqa: B009 (attrs adds it: not in the type)
    defaults: list[tuple[str, Any]] = [
        (a.name, a.default) for a in attrs.fields(cls) if a.default is not attrs.NOTHING and a.init
    ]

    def set_state(self: Any, state: Any) -> None:
        setstate(self, state)
        if isinstance(state, dict):
            for name, default in defaults:
                if name not in state:
                    made = getattr(default, "factory", None)
                    value = made() if callable(made) else default
                    object.__setattr__(self, name, value)

    setattr(cls, "__setstate__", set_state)  # noqa: B010
    return cls
