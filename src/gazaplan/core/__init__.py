"""The model: who acts, what is true at an instant, the plan's conditions and obligations, and the
rules that judge them. Everything above builds on it; it imports nothing above it (a lower layer
asks a higher one only through the ports of :mod:`gazaplan.core._ports`).

Modules, bottom-up (each imports only the ones listed before it)::

    _checks       attrs validators whose errors name the place, the value and the fix
    _frozenmap    an immutable, hashable mapping for the fields of frozen classes
    _collector    pauses of the cyclic garbage collector, for work that makes many objects
    _pickling     objects an older release pickled load, added fields taking defaults
    _value        the base of frozen classes: attrs writes their ==, hash and repr when first used
    _kinds        closed sets of kinds (conditions, event changes, amendment edits), each listed once
    _ports        ports: what a lower layer asks of a higher one, and which module serves it
    _results      what results share: a notebook display, lookup of rows by id
    instants      instants as people write them: a date, a local time, RFC 3339
    sources       where things come from: Source, Claim, Contested, Sourced
    parties       who acts, owes or oversees: Party, PartyKind, Response
    facts         the vocabulary of facts: FactKind, FactSpec and the values a fact takes
    state         the facts at an instant: State and FACTS, every field checked
    conditions    conditions as data: each kind says in its own class all it means
    records       attributed records: Figure and Position (the parties' stated conditions)
    control       who can change each fact (sourced)
    models        action models: the parties' possible moves, as data, for exploration
    _plancache    the caches a plan keeps of what it derives
    _compile      conditions compiled to closures State -> Verdict (the fast path)
    _references   every reference in a plan resolves
    provisions    the plan's numbered points: Provision, Nature, Wording
    terms         the concrete terms: WithdrawalLine, ExchangeTerms, AidTerms
    obligations   who owes what, and the stages: Obligation, ObligationKind, Period, Phase
    plans         the whole plan as data: Plan, checked on construction
    words         the plain words a reader sees: names of parties, phases, targets, facts, verdicts
    explain       the words of an evaluation and of a report: the "why" an analyst can cite
    evaluation    evaluate: a three-valued verdict with its trace
    rules         check_phase and check_plan, and the reports they return
    amendments    versions and what-ifs as amendments (data), applied by amend

Public surface: the public modules above; the names users reach for are also at the top level
(``gp.State``, ``gp.check_phase``, ...).
"""
