"""Many runs: one plan judged at every point of a grid (sweeps), or one timeline perturbed at random
many times (Monte Carlo), here or on any ``concurrent.futures`` executor, a Dask cluster included,
with the same results to the bit.

Modules, bottom-up (each imports only the ones listed before it)::

    _scheduler     reaching a Dask scheduler within a deadline, and refusing what is not one
    executors      run_all: batches on a borrowed executor; plans travel as recipes; seeds by index
    perturbations  what a Monte Carlo run changes (delays, drops, a claim picked), as data
    sweeps         sweep: terms, deadlines, counting points, stated positions; replayed or explored
    montecarlo     monte_carlo: statuses with their probabilities, and the extreme runs

Public surface: ``gazaplan.runs`` names the executor helpers of
:mod:`gazaplan.runs.executors` (as it did before the folder); the modules above hold the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _loading

# The public names, by home module, loaded on first use (gazaplan._loading).
if TYPE_CHECKING:
    from .executors import (
        BATCH_SECONDS as BATCH_SECONDS,
    )
    from .executors import (
        PlanRecipe as PlanRecipe,
    )
    from .executors import (
        Progress as Progress,
    )
    from .executors import (
        recipe_of as recipe_of,
    )
    from .executors import (
        run_all as run_all,
    )
    from .executors import (
        run_seed as run_seed,
    )


def __getattr__(name: str) -> Any:
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "BATCH_SECONDS",
    "PlanRecipe",
    "Progress",
    "recipe_of",
    "run_all",
    "run_seed",
]
