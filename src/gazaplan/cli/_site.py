"""The command ``site``: the tracker, a static site built from one release of the dataset
(:func:`gazaplan.desk.site.write_site`)."""

from __future__ import annotations

import argparse
from typing import TextIO

from .. import catalog
from ._options import Handler, bundled_plan, emit, need_text

__all__ = ["HANDLERS"]


def _site(args: argparse.Namespace, out: TextIO) -> None:
    from ..desk.site import write_site

    need_text(args.directory, "site DIR")
    plans = bundled_plan(args.plan_version) if args.plan_version else catalog.plan_versions()
    dataset = catalog.dataset()
    if args.release is not None:
        from ._dataset import release_index

        release_index(dataset, args.release, "--release")
    site = write_site(
        plans,
        dataset,
        args.directory,
        release=args.release,
        force=args.force,
        plots=not args.no_plots,
    )
    if args.json:
        emit(
            out,
            "site",
            {
                "directory": str(site.directory),
                "release": site.release,
                "data_as_of": site.data_as_of,
                "version": site.version,
                "pages": list(site.pages),
                "files": list(site.files),
            },
        )
    else:
        out.write(site.explain() + "\n")


HANDLERS: dict[str, Handler] = {"site": _site}
