"""Word lists for the offline sentiment score (English and German). Small on purpose: every verdict can be
explained by the words listed here. Weights: 1 mild, 2 strong. Lower case; German umlauts as written."""

from __future__ import annotations

# fmt: off

POSITIVE: dict[str, int] = {
    # English
    "good": 1, "great": 2, "excellent": 2, "awesome": 2, "amazing": 2, "love": 2, "loved": 2, "loving": 2,
    "like": 1, "liked": 1, "nice": 1, "thanks": 1, "thank": 1, "thx": 1, "helpful": 1, "happy": 1, "glad": 1,
    "wonderful": 2, "fantastic": 2, "perfect": 2, "brilliant": 2, "best": 2, "beautiful": 1, "cool": 1,
    "recommend": 1, "impressed": 1, "useful": 1, "well": 1, "fast": 1, "easy": 1, "congrats": 2,
    "congratulations": 2, "appreciate": 1, "appreciated": 1, "enjoy": 1, "enjoyed": 1, "fixed": 1, "works": 1,
    "solved": 1, "kind": 1, "friendly": 1, "superb": 2, "delighted": 2, "pleased": 1, "yay": 1,
    # German
    "gut": 1, "gute": 1, "guter": 1, "gutes": 1, "guten": 1,
    "super": 2, "toll": 2, "klasse": 2, "prima": 1, "danke": 1, "dank": 1, "liebe": 2,
    "lieben": 2, "hilfreich": 1, "freue": 1, "froh": 1, "schön": 1, "schoen": 1, "großartig": 2, "grossartig": 2,
    "perfekt": 2, "wunderbar": 2, "hervorragend": 2, "genial": 2, "empfehlen": 1, "empfehlenswert": 1,
    "zufrieden": 1, "begeistert": 2, "spitze": 2, "nett": 1, "freundlich": 1, "schnell": 1, "einfach": 1,
    "gelöst": 1, "funktioniert": 1, "glückwunsch": 2, "gratuliere": 2, "beste": 2, "besten": 2, "gefällt": 1,
}

NEGATIVE: dict[str, int] = {
    # English
    "bad": 1, "terrible": 2, "awful": 2, "horrible": 2, "hate": 2, "hated": 2, "worst": 2, "poor": 1,
    "disappointed": 2, "disappointing": 2, "broken": 1, "bug": 1, "buggy": 1, "slow": 1, "useless": 2,
    "angry": 2, "annoying": 1, "annoyed": 1, "problem": 1, "problems": 1, "issue": 1, "fail": 1, "failed": 1,
    "fails": 1, "crash": 1, "crashes": 1, "scam": 2, "wrong": 1, "sucks": 2, "ridiculous": 2, "unacceptable": 2,
    "refund": 1, "complaint": 1, "sad": 1, "upset": 1, "rude": 2, "waste": 2, "lost": 1, "error": 1,
    # German
    "schlecht": 1, "schlechte": 1, "schlechter": 1, "schlechten": 1,
    "schrecklich": 2, "furchtbar": 2, "hasse": 2, "schlimm": 1, "schlimmste": 2, "enttäuscht": 2,
    "enttäuschend": 2, "kaputt": 1, "fehler": 1, "langsam": 1, "nutzlos": 2, "ärgerlich": 1, "wütend": 2,
    "sauer": 1, "probleme": 1, "absturz": 1, "stürzt": 1, "betrug": 2, "falsch": 1, "mist": 2,
    "unverschämt": 2, "frechheit": 2, "beschwerde": 1, "traurig": 1, "unfreundlich": 2, "verloren": 1,
    "ärgern": 1, "katastrophe": 2, "lächerlich": 2,
}

# A negator flips the polarity of a sentiment word up to NEGATION_WINDOW words after it ("not good", "nicht gut",
# "kein guter Service"). German also negates after the word ("gefällt mir nicht"): see NEGATORS_AFTER.
NEGATORS: frozenset[str] = frozenset(
    {
        "not", "no", "never", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "wasn't",
        "wasnt", "aren't", "arent", "won't", "wont", "can't", "cant", "cannot", "hardly", "without",
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts", "ohne",
    }
)
NEGATORS_AFTER: frozenset[str] = frozenset({"nicht", "nie", "niemals"})
NEGATION_WINDOW = 3

# Intensifiers double the next sentiment word ("very good", "sehr gut").
INTENSIFIERS: frozenset[str] = frozenset(
    {"very", "really", "so", "extremely", "totally", "super", "sehr", "echt", "wirklich", "total", "extrem", "ganz"}
)
# fmt: on
