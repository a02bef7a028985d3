"""Sphinx configuration for the gazaplan reference (built by ``.ci/run`` with warnings as errors)."""

from __future__ import annotations

project = "gazaplan"
author = "gazaplan developers"
copyright = "gazaplan developers"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "myst_parser"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
root_doc = "index"
html_theme = "alabaster"
html_title = "gazaplan"

# Google-style docstrings; an "Attributes:" section becomes a field list, so an attribute is
# described once (autodoc lists the class's members).
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True}
myst_heading_anchors = 3
