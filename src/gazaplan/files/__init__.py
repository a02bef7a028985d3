"""Files: gazaplan's documents (scenarios, plans, timelines, states, datasets, ...) in JSON and TOML,
read with every problem located (path and line), written whole or not at all, and their JSON
Schema. Documents record tags (``document = "scenario"``, ``kind = "at_least"``), never module
paths. An edge: nothing below imports it (the catalog reads its data file through the
``documents`` port), and cattrs is imported only here.

Modules, bottom-up (each imports only the ones listed before it)::

    _io              safe reads (bounded, regular files) and atomic writes
    _locate          the line of each path in a JSON or TOML text
    _codec           the document form of untyped values: fact values, operands, enums
    _hooks           hooks for the classes a converter cannot structure from annotations
    _problems        reading errors flattened to (path, message)
    _converter       the cattrs converters: one factory, one converter per format
    _fast            the fast path of reading a timeline, tried before the detailed pass
    _document_types  which types a document may hold, and the name each is filed under
    documents        dump, dumps, load, loads and the scenario shortcuts
    schema           the JSON Schema (draft 2020-12), generated from the classes

Public surface: :mod:`gazaplan.files.documents` and :mod:`gazaplan.files.schema`; ``gp.dump``,
``gp.load`` and the rest are also at the top level.
"""
