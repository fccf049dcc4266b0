"""``changes``: the answer of a what-if as data (its JSON form names its format and
version), and ``Assessment.what_if`` asking the engine that made the assessment."""

from __future__ import annotations

import gc
import pickle

import pytest

from interview_signals import Engine, InterviewSignalsError, WhatIfs
from interview_signals._assessment.changes import (
    WHAT_IF_FORMAT,
    WHAT_IF_VERSION,
    Change,
    Search,
    WhatIf,
)
from interview_signals._rulebook import load_rulebook


def test_a_what_if_as_json_names_its_format_and_rounds_the_confidence() -> None:
    option = WhatIf(changes=(Change(path="thank_you.note_sent", value=True, kind="do"),),
                    verdict="promising", confidence=0.123456)
    result = WhatIfs(current="tentative", target=None, goal=("strong", "promising"),
                     options=(option,), possible=True, kinds=("find_out", "do"),
                     sizes_searched=2, search=Search(seconds=1.5))
    assert result.to_dict() == {
        "format": WHAT_IF_FORMAT, "version": WHAT_IF_VERSION, "current": "tentative",
        "target": None, "goal": ["strong", "promising"], "possible": True,
        "kinds": ["find_out", "do"],
        "options": [{"changes": [{"path": "thank_you.note_sent", "value": True,
                                  "kind": "do"}],
                     "verdict": "promising", "confidence": 0.1235, "band": None}],
        "sizes_searched": 2,
        "search": {"complete": True, "seconds": 1.5, "unfinished": []}}
    assert (WHAT_IF_FORMAT, WHAT_IF_VERSION) == ("interview-signals/what-if", 1)
    assert (list(result), len(result), result[0]) == ([option], 1, option)


def test_an_assessment_asks_the_engine_that_made_it_even_when_no_one_else_holds_it() -> None:
    assessment = Engine(load_rulebook()).assess({"tour": {"office_tour": True}})
    gc.collect()
    options = assessment.what_if(limit=2)
    assert isinstance(options, WhatIfs)
    assert options.current == assessment.verdict
    assert 0 < len(options) <= 2


def test_an_unpickled_assessment_has_no_engine_to_ask() -> None:
    assessment = Engine.default().assess({"tour": {"office_tour": True}})
    data = pickle.dumps(assessment)
    assert b"Engine" not in data
    with pytest.raises(InterviewSignalsError, match="what_if needs the engine"):
        pickle.loads(data).what_if()
