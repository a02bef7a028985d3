"""The desk: every view of a judgement a reader or a program takes away. Results as tables (the
rows behind ``to_pandas()``, the notebook tables, the HTML report and ``--json``, so every view
says the same thing), notebook displays, plots (the ``plot`` extra), the HTML report, and
exports comparable with the field.

Modules, bottom-up (each imports only the ones listed before it)::

    tables        results as rows of plain values; to_pandas() (the ``pandas`` extra)
    exports       tables as CSV with a Frictionless descriptor, or Parquet: types kept
    pax           implementation scores on the Peace Accords Matrix scale; the dataset's export
    database      the judgement as one SQLite database (FTS5, keys), with Datasette's metadata
    _html         HTML pieces shared by the displays and the report (every text escaped)
    _graph_svg    a dependency graph as inline SVG
    _display      the notebook displays (_repr_html_) of the plan and every result
    _frame        a chart's frame: title, key, notes, source line, fitted texts, sizes
    plots         matplotlib plots (the ``plot`` extra); save() to PNG and SVG
    htmlreport    one self-contained HTML report: html_report, write_html_report
    _periods_svg  an obligation's periods drawn as inline SVG
    site          the tracker: a static site of one release, write_site

Public surface: :mod:`gazaplan.desk.tables`, :mod:`~gazaplan.desk.exports`,
:mod:`~gazaplan.desk.pax`, :mod:`~gazaplan.desk.database`, :mod:`~gazaplan.desk.plots` and
:mod:`~gazaplan.desk.htmlreport` and :mod:`~gazaplan.desk.site`; ``gp.plot_exchange``, the report functions,
``gp.write_csv``/``gp.write_parquet`` and ``gp.write_site`` are also at the top level.
"""
