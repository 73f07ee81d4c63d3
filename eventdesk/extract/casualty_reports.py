"""Headlines as reports: where one report of an event begins in a text that joins several, whether a line is a
headline, and whether a headline counts the dead of a period rather than of one event.

`casualties` reads each report apart and takes the middle of their figures, never their sum.
"""

from __future__ import annotations

from eventdesk.extract.numbers import NUMBER
from eventdesk.extract.rules import rule

# Several headlines of one event in one text: a semicolon before a capital opens the next report.
REPORT_BREAK = rule("casualties.report_break", r"\s*;\s*(?=[\"'‘“(]?[A-Z0-9])",
                    ["8 killed in clash;Army kills 8 rebels", "Four killed in blasts; Four killed in Maiduguri"],
                    flags=0, counterexamples=["two soldiers were killed; three others were wounded"])
# A headline that counts the dead of a period, not of one event: "72 soldiers killed this year", "220 killed in
# 2 weeks", "Over 60 killed in past three days" (a daily bulletin's "past 24 hours" is one event's).
OVER_A_PERIOD = rule(
    "casualties.over_a_period",
    rf"(?<!\bsecond\s)(?<!\bthird\s)(?<!\bfourth\s)(?<!\battack\s)(?<!\battacks\s)"
    rf"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:(?:past|last|first)\s+(?:(?:{NUMBER}|few|several)\s+)?|"
    rf"(?:{NUMBER}|a\s+few|few|several)\s+)(?:days|weeks?|months?|years?|decades?)\b|"
    r"\b(?:this|last|past)\s+(?:year|month)\b|\bover\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?weekend\b|"
    r"\b(?:past|last)\s+(?:48|72|\d{3})\s+hours\b|"
    r"(?<!\battack\s)(?<!\bdeadliest\s)(?<!\bworst\s)(?<!\bbloodiest\s)(?<!\bbiggest\s)(?<!\blargest\s)"
    r"\bsince\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:start|beginning|launch|outbreak|onset|coup|war|conflict|invasion|"
    r"uprising|revolution|agreement|truce|ceasefire|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:19|20)\d\d)\b|"
    r"\bso far\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b",
    ["72 soldiers killed in the war this year", "220 Nigerians killed in 2 Weeks", "Over 60 killed in past three days",
     "Nearly 50 troops killed in four days of attacks", "Over 1000 citizens murdered in four months",
     "death toll tops 3100 since the launch of operations", "At least 25 killed over bloody weekend",
     "35 killed in the past 48 hours"],
    counterexamples=["Five soldiers killed, 12 wounded in past day", "Three killed in past 24 hours",
                     "Gunmen kill 15 in northeast Nigeria", "Gunmen kill 12, the second attack this week",
                     "Three dead in clashes, worst violence in weeks",
                     "Rebels kill one in first attack since halting talks",
                     "Rebels kill one in first attack since halting ceasefire",
                     "Eleven die in gold mine attack, second in two days",
                     "Nearly 140 dead in an attack, the deadliest since 2015"])
# A line that does not end as a sentence does: a headline or a title.
HEADLINE_END = rule("casualties.headline_end", r"[^.!?\s\"'”’)\]][\"'”’)\]]*\s*$",
                    ["Gunmen kill 3 in Kaduna", "Bomb kills 16 in Pakistan's northwest - officials"],
                    counterexamples=["Gunmen killed three people.", "\"Three were killed,\" he said.\""])
