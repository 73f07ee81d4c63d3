"""Every named extraction rule matches the phrasings it is written for and none of its counterexamples."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import eventdesk.extract
from eventdesk.extract import rules

for module in pkgutil.iter_modules(eventdesk.extract.__path__):
    importlib.import_module(f"eventdesk.extract.{module.name}")

RULES = rules.registered()
EXAMPLES = [(name, text) for name, made in RULES.items() for text in made.examples]
COUNTER = [(name, text) for name, made in RULES.items() for text in made.counterexamples]


def test_rules_are_registered():
    assert RULES, "no extraction rule is registered"


@pytest.mark.parametrize(("name", "text"), EXAMPLES, ids=[f"{n}:{t[:40]}" for n, t in EXAMPLES])
def test_rule_matches_its_example(name, text):
    assert RULES[name].search(text), f"rule {name} does not match its example {text!r}"


@pytest.mark.parametrize(("name", "text"), COUNTER, ids=[f"{n}:{t[:40]}" for n, t in COUNTER])
def test_rule_does_not_match_its_counterexample(name, text):
    assert not RULES[name].search(text), f"rule {name} matches its counterexample {text!r}"


def test_a_rule_name_is_defined_once():
    with pytest.raises(ValueError, match="defined twice"):
        rules.rule(next(iter(RULES)), "x", ["x"])


def test_a_rule_without_an_example_is_refused():
    with pytest.raises(ValueError, match="no example"):
        rules.rule("rules.test.no_example", "x", [])
