"""Time: what happens, in order, and what follows from it at each instant.

Events are dated, sourced changes of facts; a timeline orders them; a history replays a timeline
on a plan (pure and linear); compliance judges every obligation as of an instant; verdicts over
time follow each phase through a timeline; a report is one judgement at one instant, which
every view reads. The dataset is the real timeline as reviewed data,
in releases. Every judgement names its instant; nothing here reads the clock.

Modules, bottom-up (each imports only the ones listed before it)::

    events        Event and its kinds of change: what happens, as data
    timelines     Timeline, TimelineBuilder, apply
    datasets      the timeline as a reviewed dataset: Entry, Release, Dataset
    histories     History, history, replay
    compliance    every obligation's status as of an instant: compliance, ComplianceReport
    verdicts      each phase's verdicts over a timeline, and when a target was first MET
    anomalies     where the record and the rules disagree: anomalies, with the plan's notes
    reports       one judgement at one instant, which every view reads: report, Report

Public surface: the modules above; ``gp.replay``, ``gp.compliance``, ``gp.first_met`` and the
rest are also at the top level.
"""
