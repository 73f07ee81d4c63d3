"""State forces as initiators: named by a demonym ("Somali troops", "Russian warplanes"), blamed by a
sentence ("Baku blamed Armenian forces"), or left unnamed ("soldiers", "the army") and then the forces of the
incident's country, as the conflict datasets name them ("Military Forces of Nigeria", "Police Forces of Kenya").
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventdesk.extract import agents
from eventdesk.extract.facts import Role
from eventdesk.extract.rules import rule

FORCES = rule(
    "perpetrators.forces",
    r"\b(?P<who>[A-Z][a-z]+|[a-z]+)\s+(?:(?:air|military|army|government|security|armed|naval|special|federal|"
    r"state|regime|pro-government)\s+)?(?P<what>troops|soldiers|forces|army|military|warplanes|war planes|jets|"
    r"fighter jets|aircraft|drones?|air ?strikes?|artillery|police|policemen|gendarmes|navy|helicopters?|"
    r"missiles?|shells|shelling|snipers?|tanks|commandos|special forces|paratroopers|marines|border guards)\b",
    ["Russian warplanes struck the town overnight.", "Somali army troops attacked the camp."],
    flags=0, counterexamples=["Troops withdrew from the town."],
)
_POLICE = rule("perpetrators.police", r"police|gendarme", ["police", "gendarmes"], counterexamples=["troops"])
# What the forces own or hold when they are the target: "a Syrian army vehicle", "an Afghan police checkpoint".
_FORCES_PROPERTY = rule(
    "perpetrators.forces_property",
    r"^\s+(?:vehicles?|convoys?|bases?|posts?|checkpoints?|patrols?|positions?|camps?|"
    r"barracks|outposts?|trucks?|helicopters?|headquarters|stations?)\b",
    [" vehicle was hit by a roadside bomb", " checkpoint near the border"],
    counterexamples=[" attacked the village"],
)
_FORCES_TARGETED = rule(
    "perpetrators.forces_targeted",
    r"\b(?:targeting|targeted|against|on|at|attacked|ambushed|hit|struck)\s+(?:an?\s+|the\s+)?$",
    ["a roadside bomb targeting a ", "Militants ambushed the "],
    counterexamples=["The village was shelled by "],
)
_WEAPONRY = rule(
    "perpetrators.weaponry",
    r"warplanes|war planes|jets|fighter jets|aircraft|drones?|air ?strikes?|artillery|missiles?|"
    r"shells|shelling|tanks|helicopters?",
    ["warplanes", "air strike", "drones"], counterexamples=["troops", "police"],
)
# What may stand between forces and their verb: "Somali troops backed by AU forces attacked", "troops, ..., shelled".
_FORCES_ASIDE = rule(
    "perpetrators.forces_aside",
    r"^\s*(?:,[^,]{0,80},|(?:backed|supported|aided|led) by [\w\s-]{0,40}?"
    r"(?=\s(?:attack|struck|kill|bomb|shell|raid|launch)))",
    [" backed by local militias attacked the town", ", who arrived before dawn, attacked"],
    flags=0, counterexamples=[" attacked the town"],
)


def _forces_attacked(sentence: str, match: re.Match) -> bool:
    """Whether the forces a demonym names are what was attacked ("targeting a Syrian army vehicle")."""
    before = sentence[max(0, match.start() - 30):match.start()]
    return bool(_FORCES_PROPERTY.match(sentence[match.end():]) or _FORCES_TARGETED.search(before))


def _acts(sentence: str, match: re.Match) -> bool:
    """Whether the forces a demonym names do the violence: their weapons ("Russian warplanes"), the subject
    of an attack verb ("Somali troops attacked", "Somali troops backed by ... attacked") or the agent after "by"."""
    if _WEAPONRY.pattern.fullmatch(match.group("what")):  # "an Israeli air strike", "Russian aircraft": the act
        return True
    after = sentence[match.end():match.end() + 120]
    if agents.HEADLINE_PASSIVE.match(after):  # "Pakistani troops killed in an attack" are its victims
        return False
    subject_verb = agents.HEADLINE_SUBJECT_VERB if agents.is_headline(sentence) else agents.SUBJECT_VERB
    return bool(subject_verb.match(after) or agents.AGENT_BY.search(sentence[max(0, match.start() - 90):match.start()])
                or subject_verb.match(_FORCES_ASIDE.sub("", after)))


def find_state_forces(sentence: str, before: int, country_of, armed_forces_of=None) -> Role | None:
    """State forces named by a demonym before position `before` ("Russian warplanes", "Somali troops").

    Soldiers are the country's armed forces as the registry names them (`armed_forces_of`, country ->
    actor), so "Salvadoran troops" and "the Salvadoran army" are one actor; else, and for the police,
    "Military Forces of X" and "Police Forces of X", as the conflict datasets name them.
    """
    for match in FORCES.finditer(sentence):
        # the forces before the first trigger, or their weapons anywhere ("two killed ... by Russian shelling")
        if match.start() > before + 40 and not _WEAPONRY.pattern.fullmatch(match.group("what")):
            continue
        country = country_of(match.group("who"))
        if country is None or agents.REPORTER_AFTER.match(sentence[match.end():]) or _forces_attacked(sentence, match) \
                or not _acts(sentence, match):
            continue
        return forces_role(match, country, armed_forces_of, "narrator")
    return None


def find_blamed_forces(sentence: str, country_of, armed_forces_of=None) -> Role | None:
    """State forces named by a demonym that a sentence blames ("Baku blamed Armenian forces")."""
    for match in FORCES.finditer(sentence):
        before = sentence[max(0, match.start() - 60):match.start()]
        country = country_of(match.group("who"))
        if country is not None and agents.ATTRIBUTION_BEFORE.search(before) and not agents.HEDGE_BEFORE.search(before):
            return forces_role(match, country, armed_forces_of, "official")
    return None


def forces_role(match: re.Match, country: str, armed_forces_of, basis: str) -> Role:
    """The police or the armed forces of `country` as the registry (or the conflict datasets) name them."""
    if _POLICE.search(match.group("what")):
        return Role(f"Police Forces of {country}", "security_forces", basis, *match.span())
    known = armed_forces_of(country) if armed_forces_of is not None else None
    if known is not None:
        return Role(known.name, known.type, basis, *match.span())
    return Role(f"Military Forces of {country}", "security_forces", basis, *match.span())


# The state's own forces among the descriptions: named after the incident's country (`national_forces`).
_NATIONAL = rule(
    "perpetrators.national_forces",
    r"^(?:soldiers|troops|army troops|security forces|national guardsmen|army|military|"
    r"armed forces|air force|navy|(?:government|govt\.?|regime|junta) (?:forces|troops|shelling|air ?strikes?|"
    r"warplanes|jets|bombardment|artillery)|junta|regime)$",
    ["soldiers", "security forces", "army"], counterexamples=["police", "unidentified gunmen"],
)
_NATIONAL_POLICE = rule("perpetrators.national_police", r"^(?:policemen|police officers|police)$",
                        ["police officers", "policemen"], counterexamples=["soldiers", "police station"])


def national_forces(role: Role | None, country: str | None, armed_forces_of=None) -> Role | None:
    """An unnamed state force ("soldiers", "the army", "police") as the conflict datasets code it: the
    forces of the country the incident is in ("Military Forces of Nigeria", or the registry's name for
    its armed forces via `armed_forces_of`; "Police Forces of Kenya"). Other roles are returned as they are."""
    if role is None or country is None or role.basis != "description":
        return role
    if _NATIONAL_POLICE.match(role.name):
        return replace(role, name=f"Police Forces of {country}", type="security_forces")
    if not _NATIONAL.match(role.name):
        return role
    known = armed_forces_of(country) if armed_forces_of is not None else None
    if known is not None:
        return replace(role, name=known.name, type=known.type)
    return replace(role, name=f"Military Forces of {country}", type="security_forces")
