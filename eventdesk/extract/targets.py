"""To whom: the targets of an incident, the main one (actor2) first.

A target is what an attack verb acts on ("dynamited two power pylons", "the killing of the mayor"), a
named actor or a description after the trigger ("a police checkpoint", "a village elder"), the
subject of a passive attack verb ("the retired colonel was shot"), a victim named by a reduced relative
("a rancher kidnapped in Arauca"), a person with a title (`persons`), or the victims of the casualty
figures as the text names them (`victims`). `clean_target` drops phrases that name no one ("by the rebels",
"a month ago") and clauses that are not noun phrases ("were visiting the city"). `incident_targets` lists an
incident's targets, each once. Every target is made of the text's words, and its role carries the name of
the rule that read it and its span in the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from eventdesk.extract.facts import ActorSpan, Incident, Role, SentenceFacts
from eventdesk.extract.lexicon import (
    ATTACKERS,
    COMBATANTS,
    DONE_TO,
    FINITE,
    IRREGULARS,
    TARGET_NOUNS,
    TIME_WORDS,
    nouns,
)
from eventdesk.extract.persons import find_person_target, identified_people, person_targets
from eventdesk.extract.rules import rule
from eventdesk.extract.victims import victims_role

_TARGET = rule("targets.target_noun", rf"\b(?:{TARGET_NOUNS})\b",
               ["Militants attacked a police checkpoint.", "The blast hit a crowded market."], flags=0,
               counterexamples=["The talks ended on Monday."])
_TARGET_LEAD = rule(
    "targets.target_lead",
    r"\b(?:attack\w*|struck|stormed|raided|ambush\w*|targeted|targeting|hit|shot|shot dead|shoots|killed|killing|"
    r"kidnapp\w*|abduct\w*|seized|bomb\w*|shelled|shelling|torched|burned|set fire to|assassinated|enslav\w+|"
    r"against|on|at|in|near|outside|inside)\s+(?:(?:a|an|the|two|three|several|his|her|their|its|\d+|"
    r"(?:dozens|scores|hundreds|thousands) of)\s+)?$",
    ["Militants attacked a ", "Gunmen shot dead two ", "A bomb exploded outside the ", "Gunmen have killed dozens of "],
    counterexamples=["The minister said the "],
)
_MODIFIER = rule(
    "targets.modifiers",
    r"(?:\b(?!(?:a|an|the|his|her|their|its|on|at|in|of|and|killing|killed|attacked|near|dead|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|\d+)\b)"
    r"[A-Za-z][\w-]*\s+){0,3}$",
    ["Militants attacked a crowded "],
)
_NOT_TARGET_LEAD = rule("targets.not_target_lead",
                        r"\b(?:said|told|by|according to|from|(?<!dozens )(?<!scores )(?<!hundreds )(?<!thousands )of)"
                        r"\s+(?:a|an|the)?\s*$",
                        ["The attack was claimed by the ", "according to a "],
                        counterexamples=["Militants attacked a ", "Gunmen killed dozens of "])


def find_target(sentence: str, actors: list[ActorSpan], after: int) -> Role | None:
    """The target named or described after position `after` (the trigger) in the sentence."""
    return next(described_targets(sentence, actors, after), None)


def described_targets(sentence: str, actors: list[ActorSpan], after: int) -> Iterator[Role]:
    """Every target named or described after position `after`, named actors first."""
    for actor in actors:
        if actor.start >= after and actor.type not in ("media",) and \
                _TARGET_LEAD.search(sentence[max(0, actor.start - 30):actor.start]):
            yield Role(actor.name, actor.type, _TARGET_LEAD.name, actor.start, actor.end)
    for match in _TARGET.finditer(sentence, after):
        head = sentence[max(0, match.start() - 80):match.start()]
        modifiers = _MODIFIER.search(head)
        for cut in range(len(modifiers.group(0)), -1, -1):
            start = match.start() - cut
            lead = sentence[max(0, start - 40):start]
            if (cut == 0 or sentence[start - 1].isspace()) and _TARGET_LEAD.search(lead) \
                    and not _NOT_TARGET_LEAD.search(lead):
                yield Role(sentence[start:match.end()].strip(), "target", _TARGET.name, start, match.end())
                break


_OBJECT_VERB = rule(
    "targets.object_verb",
    r"\b(?:dynamited|dynamiting|blew up|blown up|machine-?gunned|murdered|assassinated|sabotaged|sabotaging|"
    r"attacked|attacking|struck|hit|stormed|storming|raided|raiding|ambushed|ambushing|targeted|targeting|bombed|"
    r"shelled|shelling|torched|burned|burnt|set fire to|set alight|abducted|abducting|kidnapped|kidnapping|seized|"
    r"stabbed|shot at|opened fire (?:on|at|in|inside)|fired on|fired at|fired (?:\w+ )?(?:rockets|shells|mortars?)"
    r"(?: \w+)? (?:at|on|into|toward|towards)|rammed(?: \w+)? into|flattened|destroyed|overran|besieged|"
    r"exploded (?:at|near|outside|inside|in front of|next to|under|in)|(?:went off|detonated) (?:at|near|outside|"
    r"inside|in front of|next to|in)|slammed into|crashed into|tore through|ripped through|"
    r"dropped (?:[\w-]+ ){0,2}(?:bombs?|shells?|explosives|barrels?) on|"
    r"attack on|attacks on|assault on|raid on|strike on|"
    r"ambush on|blast at|explosion at|bombing (?:of|at)|(?:assassination|murder|massacre|killing|kidnapping|"
    r"abduction|execution|slaying) of)\s+",
    ["Rebels dynamited two power pylons.", "A car bomb exploded outside the courthouse.",
     "the kidnapping of an engineer"],
    counterexamples=["The minister condemned the violence."],
)
_LEADING = rule(
    "targets.leading_words",
    r"^(?:(?:a|an|the|his|her|their|its|at least|about|some|more than|around|nearly|several|dozens of|scores of|"
    r"hundreds of|all|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,]*|[\w-]+-storey|one of)\s+)+",
    ["at least two police stations", "a five-storey hotel"], counterexamples=["police stations"],
)
_PHRASE_END = rule(
    "targets.phrase_end",
    r"\s+(?:in|on|at|near|outside|inside|from|of|with|during|as|after|before|who|which|that|and|while|when|"
    r"killing|wounding|injuring|leaving|belonging|carrying|guarding|used|where|to|for|by|into|across|along|"
    r"is|was|were|are|has|have|had|will|would|could|said|says|yesterday|today|tonight|this|last|early|late)\b|"
    r"[,;:()\u2014\u2013]|\.(?!\w|\s+[a-z])|$",
    ["beachfront hotel in the capital", "power pylons, a bank"],
)
_NOT_HEADS = {"him", "her", "them", "it", "himself", "themselves", "people", "one", "others", "area", "way", "fire",
              "responsibility", "control", "part", "place", "hundred", "hundreds", "thousand", "thousands", "dozens",
              "whereabouts", "death", "blood", "day", "night", "morning", "afternoon", "evening", "week", "month",
              "year", "time", "times", "suspicions", "regardless", "peace", "freedom", "sovereignty",
              "stability", "dignity"}
# An adverbial or passive phrase after the verb ("kidnapped by ...", "stabbed to death", "attacked on Monday")
# is not its object.
_NOT_OBJECT = rule(
    "targets.not_object",
    r"^(?:by|to|in|on|at|during|while|from|with|for|as|after|before|when|since|into|near|"
    r"there|here|again|also|yesterday|today|tonight|this|last|early|late|later|earlier|once|twice|"
    r"same|over|under|"
    r"because|and|or|but)\b|^\d",
    ["by the rebels on Monday", "to death in his car", "yesterday morning"],
    counterexamples=["a police station"],
)
# What an attack damaged besides what it was aimed at ("the blast damaged a wall"): further targets only.
_DAMAGE_VERB = rule("targets.damage_verb",
                    r"\b(?:destroying|damaged|damaging|wrecked|wrecking|demolished|razed|gutted)\s+",
                    ["The blast damaged a wall.", "The fire gutted two shops."],
                    counterexamples=["The blast killed two guards."])


def find_object_target(sentence: str, after: int = 0) -> Role | None:
    """What an attack verb acts on ("stormed a beachfront hotel", "exploded outside the courthouse")."""
    return next(object_targets(sentence, after), None)


def object_targets(sentence: str, after: int = 0, damage: bool = False) -> Iterator[Role]:
    """What every attack verb acts on, with the further items of a list ("dynamited a bank, a store and
    two pylons" -> bank, store, pylons); with `damage`, also what it damaged."""
    verbs = sorted([*_OBJECT_VERB.finditer(sentence, max(0, after - 40)),
                    *(_DAMAGE_VERB.finditer(sentence, max(0, after - 40)) if damage else ())], key=lambda m: m.start())
    for verb in verbs:
        start, rest = _phrase_start(sentence, verb.end())
        if _NOT_OBJECT.match(rest):
            continue
        rest = rest[:finite.start()] if (finite := FINITE.search(rest)) else rest  # "the murder of X sought ..."
        end = _PHRASE_END.search(rest)
        words = rest[:end.start()].split()[-4:] if end else []
        if words and words[-1].lower() in _PARTS and (whole := _whole_of(sentence, start + end.start())):
            start, rest, end, words = whole  # "the entrance of a mosque" -> mosque
        if not words or _not_a_head(words) or all(w[:1].isupper() for w in words):
            continue
        words = [w for w in words if not w[:1].isupper() or w.lower() != w] if len(words) > 1 else words
        basis = _DAMAGE_VERB.name if verb.re is _DAMAGE_VERB.pattern else _OBJECT_VERB.name
        yield Role(" ".join(words), "target", basis, *_words_span(start, rest, end.start()))
        yield from _list_items(sentence, start + end.start())


def _words_span(start: int, rest: str, end: int) -> tuple[int, int]:
    """The span in the sentence of the last four words of the phrase `rest[:end]` (`rest` starts at `start`):
    the words a target's name is made of."""
    words = list(_WORD.pattern.finditer(rest, 0, end))[-4:]
    return (start + words[0].start(), start + words[-1].end()) if words else (start, start + end)


_WORD = rule("targets.word", r"\S+", ["police station"], counterexamples=[" "])
# Parts of a building or a place: what was hit is the whole ("the entrance of a mosque", "the offices of a
# television station", "the parking lot of a church").
_PARTS = {"entrance", "entrances", "gate", "gates", "door", "doors", "wall", "walls", "front", "offices", "office",
          "premises", "compound", "stairwell", "lobby", "roof", "lot", "courtyard", "yard", "grounds", "facade",
          "outskirts", "vicinity", "branch", "branches"}
_OF = rule("targets.of_the_whole", r"\s+of\s+", [" of a mosque"], flags=0, counterexamples=[" near a mosque"])


def _whole_of(sentence: str, position: int):
    """The noun phrase after "of" at `position`: (start, rest, end, words), or None."""
    joint = _OF.match(sentence[position:])
    if joint is None:
        return None
    start, rest = _phrase_start(sentence, position + joint.end())
    end = _PHRASE_END.search(rest)
    words = rest[:end.start()].split()[-4:] if end else []
    return (start, rest, end, words) if words and not _not_a_head(words) else None


def _not_a_head(words: list[str]) -> bool:
    """A head noun that names no target alone ("the area"), unless it is qualified ("a residential area")."""
    head = words[-1].lower()
    return head in _NOT_HEADS and not (head == "area" and len(words) > 1)


def _phrase_start(sentence: str, position: int) -> tuple[int, str]:
    """Where a noun phrase starts after its determiners and counts, and the text from there (80 characters)."""
    rest = sentence[position:position + 80]
    lead = _LEADING.match(rest)
    return (position + lead.end(), rest[lead.end():]) if lead else (position, rest)


# The next item of a list of objects: ", a store", " and two pylons", ", the bank's offices".
_LIST_ITEM = rule("targets.list_item",
                  r"^(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:a|an|the|his|her|their|its|two|three|four|five|several|"
                  r"\d+)\s)",
                  [", a store and two pylons", " and two pylons"], counterexamples=[" in the town"])


def _list_items(sentence: str, position: int, limit: int = 5) -> Iterator[Role]:
    """The items after the first of a coordinated list of objects, each ending as the first did."""
    for _ in range(limit):
        joint = _LIST_ITEM.match(sentence[position:])
        if joint is None:
            return
        start, rest = _phrase_start(sentence, position + joint.end())
        end = _PHRASE_END.search(rest)
        words = rest[:end.start()].split()[-4:] if end else []
        if not words or words[-1].lower() in _NOT_HEADS or FINITE.search(" ".join(words)):
            return
        yield Role(" ".join(words), "target", _LIST_ITEM.name, *_words_span(start, rest, end.start()))
        position = start + end.start()


_LEADING_FUNCTION = rule("targets.leading_function_word",
                         r"^(?:by|to|in|on|at|from|during|while|that|which|who|when|where|as|for|with|"
                         r"between|the past|past|last|this|next)\b",
                         ["by the rebels", "the past week"], counterexamples=["the driver"])
_LEADING_NOISE = {"of", "and", "or", "at", "least", "about", "nearly", "approximately", "some", "around", "against",
                  "including"}
_TRAILING_NOISE = {"almost", "next", "full", "located", "lately", "there", "but"}
# Where a target phrase runs into another phrase: "the area between rebels and troops".
_PHRASE_JOINT = rule("targets.phrase_joint", r"\s(?:between|without|at the time)\s",
                     ["the area between rebels and troops"], flags=0, counterexamples=["the area near the border"])
_BRACKETS = rule("targets.square_brackets", r"\[[^\]]*\]?", ["the [local] mayor"], flags=0,
                 counterexamples=["the local mayor"])
_FIGURE = rule("targets.figure", r"^[\d,.]+$", ["1,200"], flags=0, counterexamples=["12th"])
_HEAD = rule("targets.head_word", r"^[a-z][a-z'-]+[a-z]$", ["policemen", "o'neill"], flags=0,
             counterexamples=["was.", "2nd"])


def clean_target(name: str) -> str | None:
    """A target phrase trimmed of the words around its noun ("of the driver" -> "driver", "officer who"
    -> "officer"), or None when it names no one and nothing: an agent ("by the rebels"), a time ("a month
    ago", "Friday"), a number or a verb ("was")."""
    main, paren, rest = name.partition("(")
    main = _RELATIVE.sub("", main)
    if FINITE.search(main):  # a clause ("were visiting the city", "fighters had died"), not a noun phrase
        return None
    main = _PHRASE_JOINT.pattern.split(main, maxsplit=1)[0]
    words = _BRACKETS.sub(" ", main).strip(" \"'-\u2014").split()
    if words and words[0].lower() in ("not", "no", "none", "nobody", "them", "him", "her", "it", "us", "me", "you"):
        return None
    while words and (words[0].lower() in _LEADING_NOISE or _FIGURE.match(words[0])):
        words = words[1:]
    while words and (words[-1].lower() in STOP_WORDS or words[-1].lower() in _TRAILING_NOISE):
        words = words[:-1]
    if not words or _LEADING_FUNCTION.match(" ".join(words)):
        return None
    head = words[-1].lower()
    if head in TIME_WORDS or not _HEAD.match(head):
        return None
    if head.endswith("ly") and len(head) > 5 and head not in ("family", "assembly"):
        return None
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):  # "a policeman" and "the policeman" are one target
        words = words[1:]
    return " ".join(words) + (f" ({rest}" if paren else "")


_PASSIVE = rule(
    "targets.passive_verb",
    r"\b(?:was|were|has been|have been|had been)\s+(?:(?!not\b|never\b)\w+\s+)?(?:shot|killed|murdered|assassinated|"
    r"kidnapped|"
    r"abducted|attacked|wounded|injured|stabbed|executed|beheaded|bombed|burned|burnt|torched|destroyed|damaged|"
    r"dynamited|blown up|machine-?gunned|ambushed|targeted|hit|struck|seized|taken hostage)\b",
    ["A bus carrying workers was attacked near the town.", "The retired colonel was shot dead."],
    counterexamples=["The mayor was not hurt."],
)
# Where the subject of a passive verb starts. The words must end at a word boundary: "as" is not the start
# of "assistant", nor "who" of "whose".
_SUBJECT_START = rule(
    "targets.subject_start",
    r".*(?:^|[,;:\]\"\u2014]|\((?![^)]*\))|\s--|\b(?:that|which|who|whom|whose|when|after|"
    r"while|where|said|reported|because|as|but|and then)\b)\s*",
    ["Police said the mayor"],
)
_RELATIVE = rule("targets.relative_clause", r"\s+(?:who|whom|whose|which|that)\s+\S.*$",
                 ["officer who was on duty"], counterexamples=["police officer"])
_HALF_WORD = rule("targets.half_word", r"^[\w'-]+", ["ment of the police"], flags=0, counterexamples=[" the police"])
_RELATIVE_END = rule("targets.relative_pronoun_end", r"\b(?:who|whom|which|that)\s*$", ["soldiers who "],
                     counterexamples=["soldiers "])
_RELATIVE_START = rule("targets.relative_pronoun_start", r"\s*(?:who|whom|whose|which|that)\b", [" whom police"],
                       counterexamples=[" a local reporter"])
_APPOSITION_END = rule("targets.apposition_end", r"\s+(?:from|of|with|in|at|for|who|which)\s+",
                       ["a reporter from the town"], flags=0, counterexamples=["a local reporter"])


def find_passive_target(sentence: str) -> Role | None:
    """The subject of a passive attack verb ("a bus carrying workers was attacked", "the mayor was shot")."""
    return next(passive_targets(sentence), None)


def passive_targets(sentence: str) -> Iterator[Role]:
    """The subject of every passive attack verb in the sentence."""
    for verb in _PASSIVE.finditer(sentence):
        clause = sentence[max(0, verb.start() - 80):verb.start()]
        if verb.start() > 80 and sentence[verb.start() - 81].isalnum():  # no half word at the start
            clause = _HALF_WORD.sub(lambda m: " " * len(m.group(0)), clause)
        offset, subject = _passive_subject(clause)
        words = subject.split()[-8:]
        start = verb.start() - len(clause) + offset
        if not words:
            words = _apposition(clause)
            start = verb.start() - len(clause) + clause.rstrip().rstrip(",").rfind(",") + 1
        if words and words[-1].lower() not in _NOT_HEADS:
            yield Role(" ".join(words), "target", _PASSIVE.name, start, verb.start())


# A victim named by a reduced relative clause: "a rancher kidnapped in Arauca", "two policemen killed during ...".
_REDUCED_RELATIVE = rule(
    "targets.reduced_relative",
    r"\b(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+((?:[a-z][\w'-]*\s+){0,2}?"
    rf"[a-z][\w'-]*)\s+(?:{DONE_TO})\s+"
    r"(?:in|on|by|last|yesterday|during|near|at|when|while|earlier|this)\b",
    ["Relatives of a rancher kidnapped in Arauca asked for help.", "two policemen killed during the raid"],
    counterexamples=["Gunmen kidnapped a rancher in Arauca."],
)


def reduced_relative_targets(sentence: str) -> Iterator[Role]:
    """The victims a reduced relative clause names ("a rancher kidnapped in Arauca")."""
    for match in _REDUCED_RELATIVE.finditer(sentence):
        if match.group(1).split()[-1].lower() not in _NOT_HEADS:
            yield Role(match.group(1), "target", _REDUCED_RELATIVE.name, *match.span(1))


def _passive_subject(clause: str) -> tuple[int, str]:
    """Where the noun phrase before a passive verb starts in `clause`, and its words without the clause
    around them: "soldiers who were visiting the town were attacked" -> "soldiers", "the guards were asleep
    and were shot" -> "the guards"."""
    start = _SUBJECT_START.match(clause).end()
    subject = clause[start:]
    finite = FINITE.search(subject)
    if finite is not None and not subject[:finite.start()].strip():  # a relative clause: its head is before it
        relative = _RELATIVE_END.search(clause[:start])
        if relative is None:
            return start, ""
        head = clause[:relative.start()]
        start = _SUBJECT_START.match(head).end()
        subject = head[start:]
    elif finite is not None:  # a first verb that this subject shares with the passive one
        subject = subject[:finite.start()]
    return start, _RELATIVE.sub("", subject)


def _apposition(clause: str) -> list[str]:
    """The description set off by commas before a passive verb ("Name, a local reporter, was shot")."""
    parts = clause.rstrip().rstrip(",").rsplit(",", 1)
    if len(parts) < 2 or not clause.rstrip().endswith(","):
        return []
    if _RELATIVE_START.match(parts[1]):  # "the driver, whom police ..."
        head = parts[0][_SUBJECT_START.match(parts[0]).end():]
        return [] if FINITE.search(head) else head.split()[-6:]
    phrase = _APPOSITION_END.pattern.split(parts[1].strip(), maxsplit=1)[0]
    return phrase.split()[-6:]


# ---------------------------------------------------------------------------------------------
# The targets of an incident
# ---------------------------------------------------------------------------------------------

# The attackers among the victims of a figure ("two gunmen were killed"): not a target.
_ATTACKER_WORDS = rule("targets.attacker_words", rf"{nouns(ATTACKERS)}|themselves",
                       ["two gunmen", "the bombers themselves"], counterexamples=["two policemen"])
# Armed men among the victims: the dead of an armed group are not a further target.
_COMBATANTS = rule("targets.combatants", rf"\b(?:{nouns(COMBATANTS)}|{nouns(IRREGULARS)})\b",
                   ["three militants", "a guerrilla", "militiamen"], counterexamples=["three policemen"])


def _victims(incident: Incident) -> tuple[Role, SentenceFacts] | None:
    for facts in incident.facts:
        for casualty in facts.casualties:
            role = victims_role(casualty, facts)
            name = clean_target(role.name) if role is not None else None
            if name is not None and not _ATTACKER_WORDS.search(name):
                return replace(role, name=name), facts
    return None


def _sentence_target(facts: SentenceFacts, perpetrator: Role | None) -> Role | None:
    """The first plausible object of the attack in one sentence, else a target after its trigger."""
    violent = facts.violent()
    after = violent[0].start if violent else 0
    actors = [a for a in facts.actors if a.type != "state" and (perpetrator is None or a.name != perpetrator.name)]
    for role in (find_person_target(facts.role_text), find_object_target(facts.role_text, after),
                 find_target(facts.role_text, actors, after), find_passive_target(facts.role_text)):
        name = clean_target(role.name) if role is not None else None
        if name is not None:
            return replace(role, name=name)
    return None


def _incident_target(incident: Incident, perpetrator: Role | None) -> tuple[Role, SentenceFacts] | None:
    """What or who was attacked, with the victims when they say more ("police van (policemen)"), and the
    sentence that names it (the target's span is in that sentence)."""
    target = next(((t, f) for t, f in ((_sentence_target(f, perpetrator), f) for f in incident.facts)
                   if t is not None), None)
    victims = _victims(incident)
    if target is None or victims is None:
        return target or victims
    if victims[0].name.lower() in target[0].name.lower():
        return target
    return replace(target[0], name=f"{target[0].name} ({victims[0].name})"), target[1]


# How many targets one incident lists at most (GTD codes three; a list of victims and buildings can be longer).
MAX_TARGETS = 6
_WORD_KEY = rule("targets.content_word", r"[a-z][a-z'-]+", ["two policemen"], flags=0, counterexamples=["12"])


def _target_key(name: str) -> frozenset[str]:
    """The content words of a target, singular: "two policemen" and "the policeman" share theirs."""
    words = (w.rstrip("s") if len(w) > 3 else w for w in _WORD_KEY.pattern.findall(name.lower().replace("men", "man")))
    return frozenset(w for w in words if w not in STOP_WORDS)


def _further_targets(incident: Incident, perpetrator: Role | None) -> Iterator[tuple[Role, SentenceFacts]]:
    """Every target the incident's sentences name, in the order found: the objects and subjects of its
    attack verbs, titled persons and the victims of its casualty figures, then the people its sentences
    and those after them name as the victims."""
    for facts in incident.facts:
        violent = facts.violent()
        after = violent[0].start if violent else 0
        actors = [a for a in facts.actors if a.type != "state" and (perpetrator is None or a.name != perpetrator.name)]
        text = facts.role_text
        for finder in (person_targets(text), object_targets(text, after, damage=True),
                       described_targets(text, actors, after), passive_targets(text), reduced_relative_targets(text)):
            for role in finder:
                yield role, facts
        for casualty in facts.casualties:
            role = victims_role(casualty, facts) if not casualty.toll else None
            if role is not None:
                yield role, facts
    for facts in incident.facts + incident.context:  # "the victims were identified as ..." may come later
        for role in identified_people(facts.role_text):
            yield role, facts


# What is not a further target of an attack: the place it happened in, the weapon it used, or words of a
# clause rather than a noun phrase ("used to frequent the farm", "23 times thus far").
_NOT_FURTHER = rule(
    "targets.not_a_further_target",
    r"\b(?:neighbou?rhoods?|towns?|villages?|cit(?:y|ies)|areas?|zones?|sectors?|regions?|provinces?|departments?|"
    r"districts?|outskirts|north|south|east|west|bombs?|explosives?|dynamite|charges?|mortars?|grenades?|rockets?|"
    r"mines?|weapons?|arms|materiel|ammunition|also|thus|far|used|then|still|already|again|attacks?|explosions?|"
    r"blasts?|bombings?|incidents?|offensives?|clash(?:es)?|fighting)$|"
    r"\b(?:also|thus|used|launched|began|continued)\b",
    ["the village", "two hand grenades", "used to frequent the farm"],
    counterexamples=["village elder", "police station"],
)


def _excluded(name: str | None, role: Role, perpetrator: Role | None) -> bool:
    """A further target that is the attacker, a place, a weapon, a combatant or a clause."""
    return name is None or bool(_ATTACKER_WORDS.search(name) or _NOT_FURTHER.search(name)
                                or _COMBATANTS.search(name)) or role.type in ("armed_group", "state") or (
        perpetrator is not None and name == perpetrator.name)


def incident_targets(incident: Incident, perpetrator: Role | None) -> list[tuple[Role, SentenceFacts | None]]:
    """The incident's targets, the main one (actor2) first, each once: a target whose words are all in
    one already listed ("policeman" after "two policemen") adds nothing. Each comes with the sentence
    that names it, in which its span is."""
    found = _incident_target(incident, perpetrator)
    chosen: list[tuple[Role, SentenceFacts | None]] = [found] if found is not None else []
    keys = [_target_key(found[0].name.partition(" (")[0])] if found is not None else []
    if incident.background:  # an earlier incident the article recalls: its main target is enough
        return chosen
    for role, facts in _further_targets(incident, perpetrator):
        name = clean_target(role.name)
        if _excluded(name, role, perpetrator):
            continue
        key = _target_key(name)
        if not key or any(key <= k or k <= key for k in keys):
            continue
        chosen.append((replace(role, name=name), facts))
        keys.append(key)
        if len(chosen) == MAX_TARGETS:
            break
    return chosen
