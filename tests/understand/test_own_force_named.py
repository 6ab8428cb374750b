"""The indexed force named as an organisation ("Kent Constabulary", "Kent Police's figures") is the tables' own
publisher, not another force: the question is answered from its tables, while a force no summary is for is still
refused as another force. On the generated Kent corpus, whose force is learned from its summary's title."""

from __future__ import annotations

import pytest

from assistant import understand, vocab

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("named", ["Kent Constabulary", "Kent Police", "Kent Constabulary's"])
def test_the_indexed_force_by_its_organisation_s_name_is_not_another_force(kent, named):
    district = kent.index.catalogue.districts()[0]
    question = f"How many burglaries did {named} record in {district}?"
    with vocab.using(kent.vocabulary):
        reasons = [r.kind for r in understand.parse(question).out_of_scope]
    assert "other forces" not in reasons
    answer = kent.ask(question)
    assert answer.answerable and any(f.area == district for f in answer.figures)


def test_another_force_by_its_organisation_s_name_is_still_refused(kent):
    district = kent.index.catalogue.districts()[0]
    with vocab.using(kent.vocabulary):
        reasons = [r.kind for r in understand.parse(f"How many burglaries did Dyfed Constabulary record in "
                                                    f"{district}?").out_of_scope]
    assert "other forces" in reasons
