"""Victims named as people: a person with a title who was killed, kidnapped or shot.

"assassinated presidential candidate Luis Gomez", "the kidnapping of businessman Juan Diaz", "judge ana
ruiz was shot" (upper-case wire copy, read in lower case), "the archbishop's murder", each person of a
list ("the murders of judge X, colonel Y and senator Z"), and the people a later sentence names as the
victims ("the dead were identified as ..."). `targets` adds them to an incident's targets.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from eventdesk.extract.facts import Role
from eventdesk.extract.lexicon import FINITE, TARGET_NOUNS, TIME_WORDS
from eventdesk.extract.rules import rule

# Words that title a person ("presidential candidate", "former defence minister", "Msgr"): in upper-case wire
# copy, read in lower case, a title is what tells a name ("judge maria perez") from a phrase ("judge the case").
_TITLES = (r"mayor|judge|magistrate|prosecutor|attorney|lawyer|priest|father|monsignor|msgr|archbishop|bishop|"
           r"cardinal|pastor|reverend|rev|imam|cleric|sheikh|nun|sister|candidate|hopeful|minister|leader|chief|"
           r"journalist|reporter|newsman|correspondent|editor|photographer|cameraman|businessman|businesswoman|"
           r"banker|industrialist|magnate|tycoon|landowner|rancher|senator|deputy|congressman|congresswoman|"
           r"lawmaker|legislator|mp|governor|councilman|councilwoman|councillor|councilor|colonel|general|major|"
           r"captain|lieutenant|sergeant|commander|commandant|officer|inspector|president|vice-president|director|"
           r"secretary|ambassador|consul|diplomat|official|activist|unionist|chairman|chairwoman|spokesman|"
           r"politician|professor|teacher|doctor|dr|mr|mrs|ms|engineer|rector|student|elder|chieftain|headman|"
           r"economist|analyst|manager|executive|owner|founder|member|aide|adviser|advisor|bodyguard|driver|jesuit|"
           r"son|daughter|wife|husband|brother|mother|nephew|niece|cousin|uncle|aunt")
_TITLE = rule("persons.title", rf"\b(?:{_TITLES})s?\b\.?",
              ["Gunmen shot dead judge Ana Ruiz.", "Msgr. Luis Gil was kidnapped."],
              counterexamples=["Gunmen shot dead two guards."])
# A title chained to the one before it: "defense minister general", "minister of defence".
_CHAINED_TITLE = rule("persons.chained_title", rf"\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:{_TITLES})\b\.?",
                      [" minister general", " of the interior minister"], counterexamples=[" Ana Ruiz"])
# "general" and "major" alone title no one: "the general staff", "a major attack".
_RANK_OR_ADJECTIVE = rule("persons.rank_or_adjective", r"^(?:general|major)$", ["general", "Major"],
                          counterexamples=["colonel"])
_PERSON_LEAD = rule(
    "persons.lead",
    r"\b(?:killed|killing|murdered|murdering|assassinated|assassinating|kidnapped|kidnapping|abducted|abducting|"
    r"shot|shot dead|shooting|executed|executing|gunned down|stabbed|wounded|wounding|injured|injuring|ambushed|"
    r"fired at|fired on|opened fire on|shot at|took as hostages?|taking as hostages?|"
    r"(?:to|tried to|attempted to) (?:kill|kidnap|murder|assassinate|abduct)|"
    r"(?:murders?|assassinations?|killings?|kidnappings?|abductions?|deaths?|slayings?|executions?|shooting|life|"
    r"lives|attempt on the life) of|(?:attack|attempt) (?:on|against))\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:former|late|then|retired|ex)\s+)?$",
    ["Gunmen assassinated ", "the kidnapping of the former ", "an attempt on the life of "],
    counterexamples=["The minister said "],
)
_PERSON_AFTER = rule(
    "persons.after",
    r"^(?:'s\s+(?:murder|assassination|killing|kidnapping|abduction|death|slaying|execution)|"
    r"\s*(?:,[^,]{0,90},\s*)?(?:(?:was|were|has been|had been|is)\s+(?:\w+\s+)?(?:shot|killed|murdered|"
    r"assassinated|kidnapped|abducted|executed|stabbed|gunned down|wounded|injured)|died|was found dead)\b|"
    r",\s*(?:who (?:was|were) )?(?:kidnapped|abducted|murdered|assassinated|shot dead)\b)",
    ["'s murder shocked the town", ", a local reporter, was shot outside his home", " died in hospital",
     ", who was kidnapped on Monday"],
    counterexamples=[" said the attack was cowardly"],
)
_NAME_STOP = rule("persons.not_a_name", rf"^(?:{_TITLES}|{TARGET_NOUNS}|\w+ing|\w+ly)$",
                  ["judge", "market", "morning", "quickly"], counterexamples=["gomez"])
_MODIFIER_WORD = rule("persons.modifier_word", r"^[a-z][\w'.-]*$", ["peruvian", "vice-president"],
                      counterexamples=["1990", "(retired)"])
_NEXT_WORD = rule("persons.next_word", r" +([\w'.-]+)", [" Luis Gomez"])


def find_person_target(sentence: str) -> Role | None:
    """The first of `person_targets`."""
    return next(person_targets(sentence), None)


def person_targets(sentence: str) -> Iterator[Role]:
    """A named or titled person who was killed, kidnapped or shot: the object of the attack ("assassinated
    presidential candidate Luis Gomez", "the kidnapping of businessman Juan Diaz"), the subject of its passive
    ("judge ana ruiz was shot"), or its possessor ("the archbishop's murder"); each person of a list
    ("photographers Ana Ruiz and Luis Gil were shot", "the murders of judge X, colonel Y and senator Z")."""
    mixed = sentence != sentence.lower() and sentence != sentence.upper()
    done = 0
    for title in _TITLE.finditer(sentence):
        if title.start() < done:
            continue
        start = _title_start(sentence, title.start())
        end = _title_end(sentence, title.end())
        name_end = _name_end(sentence, end, mixed)
        if name_end == end and not sentence.startswith("'s", end):
            continue  # a title without a name ("the mayor"): the other finders describe it as well
        if _RANK_OR_ADJECTIVE.match(title.group(0)) and end == title.end() \
                and len(sentence[end:name_end].split()) < 2:
            continue  # "the general staff", "a major attack"
        people = [(start, name_end), *_listed_people(sentence, name_end, mixed)]
        last = people[-1][1]
        if _PERSON_LEAD.search(sentence[max(0, start - 40):start]) or \
                _PERSON_AFTER.match(sentence[last:last + 120]):
            done = last
            for first, stop in people:
                yield Role(sentence[first:stop].strip(), "target", _TITLE.name, first, stop)


_POSSESSIVES = {"his", "her", "their", "its", "the", "a", "an"}
_LIST_JOINT = rule("persons.list_joint", r"^(?:\s*,(?:\s*and)?|\s+and)(?=\s)", [", and colonel", " and senator"],
                   flags=0, counterexamples=[" was shot"])


def _listed_people(sentence: str, position: int, mixed: bool, limit: int = 8) -> Iterator[tuple[int, int]]:
    """The spans of further people in a list after a titled name: each a title with a name, or a name
    of two words or more."""
    for _ in range(limit):
        joint = _LIST_JOINT.match(sentence[position:])
        if joint is None:
            return
        start = position + joint.end()  # at the space before the next item
        title = _TITLE.search(sentence, start, start + 50)
        lead = sentence[start:title.start()].split() if title else []
        if title and len(lead) <= 3 and all(_MODIFIER_WORD.match(w) and (w.lower() not in STOP_WORDS or
                                                                        w.lower() in _POSSESSIVES) for w in lead):
            end = _title_end(sentence, title.end())
        else:
            end = start
        stop = _name_end(sentence, end, mixed)
        if stop == end or (end == start and len(sentence[start:stop].split()) < 2):
            return
        yield start + 1, stop
        position = stop


# Who the victims were, named after the report: "the dead were identified as Ana Ruiz and Luis Gil".
_IDENTIFIED = rule(
    "persons.identified_as",
    r"\b(?:identified as|(?:victims|dead|deceased|injured|wounded|hostages|those killed|those injured|those wounded)"
    r"(?: \w+)? (?:were|are|included|include)|(?:they|the victims) (?:are|were))\s*:?(?=\s)",
    ["The dead were identified as Ana Ruiz and Luis Gil.", "The victims included two teachers."],
    counterexamples=["Police identified the car used in the attack."],
)
# "the arrested men were identified as ...": the people named are not victims.
_SUSPECTS = rule(
    "persons.suspects",
    r"\b(?:arrest|detain|suspect|captur|accused|charged|perpetrator|attacker|assailant|gunm[ae]n|kidnapper|killer)",
    ["The arrested men were identified as", "The gunmen were identified as"],
    counterexamples=["The dead were identified as"],
)


def identified_people(sentence: str) -> Iterator[Role]:
    """The people a sentence names as the victims ("the victims were identified as ..."), each of a list."""
    mixed = sentence != sentence.lower() and sentence != sentence.upper()
    for lead in _IDENTIFIED.finditer(sentence):
        if _SUSPECTS.search(sentence[:lead.start()]):
            continue
        offset = lead.end() - 1  # "," stands before the list, so that its first name is read as a further one
        for start, stop in _listed_people("," + sentence[lead.end():], 0, mixed):
            yield Role(sentence[offset + start:offset + stop].strip(), "target", _IDENTIFIED.name, offset + start,
                       offset + stop)


_QUALIFIERS = {"former", "late", "ex", "then", "retired", "slain", "murdered", "kidnapped"}


def _title_start(sentence: str, position: int) -> int:
    """The start of the words that qualify a title ("former peruvian defense minister")."""
    start = position
    for word in reversed(sentence[max(0, position - 50):position].split()[-3:]):
        bare = word.lower()
        if _PERSON_LEAD.search(sentence[max(0, start - 40):start]) or not _MODIFIER_WORD.match(word) \
                or (bare in STOP_WORDS and bare not in _QUALIFIERS) or FINITE.match(bare) or bare == "dead":
            break
        start = sentence.rfind(word, 0, start)
    return start


def _title_end(sentence: str, position: int) -> int:
    """The end of a title with its chained titles ("defense minister general", "minister of defence")."""
    while more := _CHAINED_TITLE.match(sentence[position:]):
        position += more.end()
    return position


def _name_end(sentence: str, position: int, mixed: bool) -> int:
    """The end of the name after a title: capitalised words in mixed-case text, in lower-cased capitals
    up to four words that are neither function words nor verbs nor nouns of the target list."""
    end = position
    for _ in range(5):
        word = _NEXT_WORD.match(sentence[end:])
        if word is None or not _name_word(word.group(1), mixed):
            break
        end += len(word.group(0).rstrip(".")) if word.group(0).endswith(".") else word.end()
    return end


def _name_word(text: str, mixed: bool) -> bool:
    bare = text.rstrip(".").lower()
    if mixed and not text[:1].isupper():
        return False
    verb = len(bare) > 4 and bare.endswith("ed") and not bare.endswith(("eed", "hmed", "mmed", "ved", "yed"))
    return bare.isalpha() and not (bare in STOP_WORDS or bare in TIME_WORDS or verb or FINITE.match(bare)
                                   or _NAME_STOP.match(bare))
