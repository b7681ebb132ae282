"""The brand check: every rule found where it applies and silent where it does not, with offsets into the Markdown,
German spelling (umlauts, ß, composed or not), the mechanical fixes (and that applying one twice changes nothing),
and the profile's JSON shape (a round trip, and bad input refused with a code)."""

from __future__ import annotations

import json
import unicodedata

import pytest

from publisher.domain.brand import (
    BRAND_MESSAGES,
    DEFAULT_CAPS_EXCEPTIONS,
    BrandProfile,
    ImageFrame,
    apply_fix,
    brand_check,
    count_emoji,
    count_exclamations,
)
from publisher.domain.problems import Fix, Problem, Severity
from publisher.errors import InputError
from publisher.messages import MESSAGES


def describe_problem(problem: Problem) -> str:
    """The English sentence for a problem, as the CLI shows it."""
    return MESSAGES[problem.code].format(**problem.params)


def profile(**settings) -> BrandProfile:
    return BrandProfile(name="ACME", **settings)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def only(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


def fix_all(text: str, problems: list[Problem]) -> str:
    for problem in problems:
        if problem.fix is not None:
            text = apply_fix(text, problem.fix)
    return text


def assert_idempotent(text: str, fix: Fix) -> str:
    once = apply_fix(text, fix)
    assert apply_fix(once, fix) == once
    return once


def test_a_profile_with_only_a_name_finds_nothing():
    text = "GROSSARTIG!!! Jetzt kaufen 😀😀😀😀 https://example.org"
    assert brand_check(text, kind="mastodon", profile=profile()) == []


# -- banned words ----------------------------------------------------------------------------------------


def test_a_banned_word_is_an_error_with_its_place_and_a_fix():
    text = "This is a cheap trick."
    [problem] = brand_check(text, kind="mastodon", profile=profile(banned_words=("cheap",)))
    assert problem.code == "brand.banned_word"
    assert problem.severity == Severity.ERROR and problem.blocks
    assert problem.params == {"word": "cheap"}
    assert (problem.start, problem.end) == (10, 15)
    assert text[problem.start : problem.end] == "cheap"
    assert problem.fix == Fix("remove_word", {"word": "cheap"})
    assert assert_idempotent(text, problem.fix) == "This is a trick."


def test_banned_words_match_whole_words_in_any_case():
    p = profile(banned_words=("cheap", "free gift"))
    text = "CHEAP, Cheap and cheap; a Free   Gift. Not cheapest, not cheapskate, not freegift."
    found = brand_check(text, kind="x", profile=p)
    assert [text[f.start : f.end] for f in found] == ["CHEAP", "Cheap", "cheap", "Free   Gift"]
    assert all(f.params["word"] == text[f.start : f.end] for f in found)


def test_banned_words_are_not_found_inside_longer_words_or_urls():
    p = profile(banned_words=("crypto",))
    clean = "Cryptography matters. See https://example.org/crypto and [our post](https://example.org/crypto-news)."
    assert brand_check(clean, kind="mastodon", profile=p) == []


def test_a_banned_hashtag_or_mention_is_found_and_removed_with_its_sign():
    p = profile(banned_words=("crypto",))
    text = "Our news #crypto today"
    [problem] = brand_check(text, kind="mastodon", profile=p)
    assert text[problem.start : problem.end] == "crypto"
    assert apply_fix(text, problem.fix) == "Our news today"


@pytest.mark.parametrize(
    ("banned", "text", "found"),
    [
        ("Straße", "Die STRASSE ist gesperrt.", "STRASSE"),  # ß matches SS (full case folding)
        ("strasse", "Die Straße ist gesperrt.", "Straße"),
        ("über", "Alles ÜBER uns.", "ÜBER"),
        ("Größe", "In jeder GRÖSSE erhältlich.", "GRÖSSE"),
        ("Äpfel", "Frische äpfel!", "äpfel"),
        ("über", "Alles u\u0308ber uns.", "u\u0308ber"),  # decomposed umlaut (NFD) in the text
        ("u\u0308ber", "Alles über uns.", "über"),  # decomposed in the profile
    ],
)
def test_german_banned_words(banned, text, found):
    [problem] = brand_check(text, kind="mastodon", profile=profile(banned_words=(banned,)))
    assert text[problem.start : problem.end] == found


@pytest.mark.parametrize(
    ("banned", "text"),
    [
        ("über", "Übermorgen geht es los."),  # a longer word
        ("über", "Gegenüber dem Rathaus."),
        ("Maß", "Massenhaft Angebote."),  # "Maß" folds to "mass", but "Massenhaft" is one word
        ("ab", "Abholung ab 9 Uhr gratis? Nein: Abholung."),  # "ab" is there once, as a word
    ],
)
def test_german_words_inside_longer_words_are_not_banned(banned, text):
    found = brand_check(text, kind="mastodon", profile=profile(banned_words=(banned,)))
    assert all(not text[p.start : p.end].lower().startswith(banned) or p.end - p.start == len(banned) for p in found)
    if banned == "ab":
        assert [text[p.start : p.end] for p in found] == ["ab"]
    else:
        assert found == []


def test_removing_a_banned_word_tidies_the_spaces_and_punctuation():
    fix = Fix("remove_word", {"word": "wirklich"})
    assert apply_fix("Das ist wirklich gut.", fix) == "Das ist gut."
    assert apply_fix("Das ist gut, wirklich.", fix) == "Das ist gut."
    assert apply_fix("Wirklich gut.\nWirklich!", fix) == "gut.\n!"
    assert apply_fix("nothing to do", fix) == "nothing to do"


# -- required wording ------------------------------------------------------------------------------------


def test_missing_required_wording_is_an_error_with_an_append_fix():
    p = profile(required=("#Anzeige",))
    text = "Unser neues Produkt ist da.\n"
    [problem] = brand_check(text, kind="instagram", profile=p)
    assert problem.code == "brand.required_missing"
    assert problem.severity == Severity.ERROR
    assert problem.params == {"text": "#Anzeige"}
    assert problem.fix == Fix("append", {"text": "#Anzeige"})
    fixed = assert_idempotent(text, problem.fix)
    assert fixed == "Unser neues Produkt ist da.\n\n#Anzeige\n"
    assert brand_check(fixed, kind="instagram", profile=p) == []


@pytest.mark.parametrize("text", ["#Anzeige Unser Produkt", "Unser Produkt #anzeige", "#ANZEIGE"])
def test_required_wording_found_in_any_case_is_enough(text):
    assert brand_check(text, kind="x", profile=profile(required=("#Anzeige",))) == []


def test_required_wording_must_be_a_whole_word():
    assert codes(brand_check("#Anzeigenmarkt", kind="x", profile=profile(required=("#Anzeige",)))) == [
        "brand.required_missing"
    ]


def test_appended_wording_joins_a_closing_line_of_hashtags():
    fix = Fix("append", {"text": "#Anzeige"})
    assert apply_fix("Neu im Shop.\n\n#acme #neu", fix) == "Neu im Shop.\n\n#acme #neu #Anzeige"
    assert apply_fix("", fix) == "#Anzeige"
    phrase = Fix("append", {"text": "Werbung in eigener Sache"})
    assert apply_fix("Neu.\n\n#acme", phrase) == "Neu.\n\n#acme\n\nWerbung in eigener Sache"


# -- signatures ------------------------------------------------------------------------------------------


def test_a_missing_signature_is_a_warning_with_a_fix_that_adds_it_once():
    p = profile(signatures={"*": "— Ihr ACME-Team"})
    text = "Wir haben heute geöffnet."
    [problem] = brand_check(text, kind="mastodon", profile=p)
    assert problem.code == "brand.signature_missing"
    assert problem.severity == Severity.WARNING and not problem.blocks
    assert problem.fix == Fix("add_signature", {"text": "— Ihr ACME-Team"})
    fixed = assert_idempotent(text, problem.fix)
    assert fixed == "Wir haben heute geöffnet.\n\n— Ihr ACME-Team"
    assert brand_check(fixed, kind="mastodon", profile=p) == []


def test_signatures_are_chosen_by_channel_then_kind_then_star():
    p = profile(signatures={"*": "— ACME", "linkedin": "Best regards, ACME", "x": "", "Press room": "— Press"})
    assert p.signature_for("mastodon") == "— ACME"
    assert p.signature_for("linkedin") == "Best regards, ACME"
    assert p.signature_for("x") == ""  # switched off for X
    assert p.signature_for("mastodon", "Press room") == "— Press"
    assert brand_check("Hello", kind="x", profile=p) == []
    [problem] = brand_check("Hello", kind="linkedin", profile=p)
    assert problem.params == {"text": "Best regards, ACME"}
    [problem] = brand_check("Hello", kind="mastodon", profile=p, channel="Press room")
    assert problem.params == {"text": "— Press"}


def test_a_signature_already_there_in_other_spacing_counts():
    p = profile(signatures={"*": "Best regards,\nthe ACME team"})
    assert brand_check("Hello\n\nbest regards, the ACME team", kind="mastodon", profile=p) == []


def test_no_signature_for_the_kind_means_no_problem():
    assert brand_check("Hello", kind="mastodon", profile=profile(signatures={"linkedin": "— ACME"})) == []


# -- hashtags --------------------------------------------------------------------------------------------


def test_missing_hashtags_are_one_warning_listing_only_the_missing_ones():
    p = profile(hashtags={"*": ("acme", "#Zukunft", "Nachhaltigkeit")})
    text = "Heute neu. #zukunft"
    [problem] = brand_check(text, kind="mastodon", profile=p)
    assert problem.code == "brand.hashtags_missing"
    assert problem.severity == Severity.WARNING
    assert problem.params == {"tags": "#acme #Nachhaltigkeit"}
    assert problem.fix == Fix("add_hashtags", {"tags": ["#acme", "#Nachhaltigkeit"]})
    fixed = assert_idempotent(text, problem.fix)
    assert fixed == "Heute neu. #zukunft\n\n#acme #Nachhaltigkeit"
    assert brand_check(fixed, kind="mastodon", profile=p) == []


def test_hashtags_join_a_closing_hashtag_line_and_are_per_kind():
    p = profile(hashtags={"*": ("#acme",), "linkedin": ("#ACMEJobs", "#Karriere")})
    assert p.hashtags_for("linkedin") == ("#ACMEJobs", "#Karriere")
    assert p.hashtags_for("bluesky") == ("#acme",)
    [problem] = brand_check("Wir stellen ein.\n\n#Karriere", kind="linkedin", profile=p)
    assert apply_fix("Wir stellen ein.\n\n#Karriere", problem.fix) == "Wir stellen ein.\n\n#Karriere #ACMEJobs"


def test_a_hashtag_is_not_satisfied_by_a_longer_one():
    p = profile(hashtags={"*": ("#acme",)})
    assert codes(brand_check("#acmecorp", kind="x", profile=p)) == ["brand.hashtags_missing"]
    assert brand_check("#ACME!", kind="x", profile=p) == []


# -- exclamation marks -----------------------------------------------------------------------------------


def test_too_many_exclamation_marks_is_a_warning_pointing_at_the_first_one_too_many():
    p = profile(max_exclamations=1)
    text = "Neu! Jetzt! Sofort!"
    [problem] = brand_check(text, kind="mastodon", profile=p)
    assert problem.code == "brand.too_many_exclamations"
    assert problem.severity == Severity.WARNING
    assert problem.params == {"count": 3, "max": 1}
    assert (problem.start, problem.end) == (10, 11)
    assert problem.fix == Fix("reduce_exclamations", {"max": 1})
    fixed = assert_idempotent(text, problem.fix)
    assert fixed == "Neu! Jetzt. Sofort."
    assert brand_check(fixed, kind="mastodon", profile=p) == []


def test_exclamation_marks_up_to_the_limit_are_fine_and_markup_does_not_count():
    p = profile(max_exclamations=1)
    text = "Look! ![A photo](https://example.org/a.png) `x != y` https://example.org/!wow"
    assert count_exclamations(text) == 1
    assert brand_check(text, kind="mastodon", profile=p) == []


def test_runs_of_exclamation_marks_collapse_first():
    fix = Fix("reduce_exclamations", {"max": 2})
    assert apply_fix("Wow!!! Great!!", fix) == "Wow! Great!"
    assert apply_fix("Really?! No!!!", Fix("reduce_exclamations", {"max": 0})) == "Really? No."
    assert count_exclamations("Wow‼") == 2
    assert apply_fix("Wow‼", Fix("reduce_exclamations", {"max": 1})) == "Wow!"
    assert count_exclamations("Echt！") == 1  # full-width


def test_no_exclamation_limit_means_no_problem():
    assert brand_check("!!!!!!!!", kind="x", profile=profile(max_exclamations=None)) == []


# -- ALL-CAPS --------------------------------------------------------------------------------------------


def test_all_caps_words_are_warnings_with_their_places():
    p = profile(allow_all_caps=False)
    text = "Unser GROSSER Sale: JETZT zugreifen!"
    found = brand_check(text, kind="mastodon", profile=p)
    assert codes(found) == ["brand.all_caps", "brand.all_caps"]
    assert [text[f.start : f.end] for f in found] == ["GROSSER", "JETZT"]
    assert all(f.severity == Severity.WARNING for f in found)
    assert found[0].fix == Fix("lowercase_word", {"word": "GROSSER"})
    fixed = fix_all(text, found)
    assert fixed == "Unser grosser Sale: jetzt zugreifen!"
    assert apply_fix(fixed, found[0].fix) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Die NASA und die NATO",  # default exceptions
        "Ein EU-Projekt der UNO",  # shorter than four letters
        "#WERBUNG @BIGCORP https://EXAMPLE.ORG/SALE",  # hashtags, mentions, URLs
        "Mail SALES@ACMECORP.COM today",  # e-mail addresses
        "Run `SELECT COUNT` first",  # code
        "iPHONE and McDONALD",  # mixed case
    ],
)
def test_capitals_that_are_not_shouting_are_left_alone(text):
    assert brand_check(text, kind="mastodon", profile=profile(allow_all_caps=False)) == []


def test_all_caps_with_german_letters():
    p = profile(allow_all_caps=False)
    text = "GRÖßTE AUSWAHL, ÜBERALL günstig"
    found = brand_check(text, kind="mastodon", profile=p)
    assert [text[f.start : f.end] for f in found] == ["GRÖßTE", "AUSWAHL", "ÜBERALL"]
    assert fix_all(text, found) == "Größte auswahl, überall günstig"


def test_all_caps_minimum_length_and_own_exceptions():
    p = profile(allow_all_caps=False, all_caps_min_length=6, caps_exceptions=("DSGVO", "ACHTUNG"))
    found = brand_check("ACHTUNG: NEUE DSGVO-REGELN gelten", kind="x", profile=p)
    assert [f.params["word"] for f in found] == ["DSGVO-REGELN"]
    assert DEFAULT_CAPS_EXCEPTIONS and "NASA" in DEFAULT_CAPS_EXCEPTIONS


def test_the_brands_own_capitals_are_not_flagged_so_the_signature_survives_the_fixes():
    p = profile(allow_all_caps=False, signatures={"*": "— Team ACME"})
    text = "Neu bei ACME: GROSSE Auswahl"
    found = brand_check(text, kind="mastodon", profile=p)
    assert [f.params.get("word") for f in found if f.code == "brand.all_caps"] == ["GROSSE"]
    fixed = fix_all(text, found)
    assert fixed == "Neu bei ACME: grosse Auswahl\n\n— Team ACME"
    assert brand_check(fixed, kind="mastodon", profile=p) == []


def test_lowercasing_keeps_a_capital_at_the_start_of_a_sentence():
    fix = Fix("lowercase_word", {"word": "HEUTE"})
    assert apply_fix("HEUTE neu. Nur HEUTE! HEUTE?", fix) == "Heute neu. Nur heute! Heute?"
    assert apply_fix("**HEUTE** gratis", fix) == "**Heute** gratis"


# -- emoji -----------------------------------------------------------------------------------------------


def test_emoji_are_counted_as_a_reader_sees_them():
    assert count_emoji("Hi 😀") == 1
    assert count_emoji("👨‍👩‍👧 🇩🇪 👍🏽 1️⃣ ❤️") == 5  # family, flag, skin tone, keycap, heart with VS16
    assert count_emoji("ACME™ © ® ‼ plain text") == 0  # text-style symbols are not emoji


def test_forbidden_emoji_are_an_error_with_a_fix_that_removes_them():
    p = profile(emoji="forbid")
    text = "Wir feiern 🎉 mit euch 🥳!"
    [problem] = brand_check(text, kind="mastodon", profile=p)
    assert problem.code == "brand.emoji_forbidden"
    assert problem.severity == Severity.ERROR
    assert problem.params == {"count": 2}
    assert text[problem.start : problem.end] == "🎉"
    fixed = assert_idempotent(text, problem.fix)
    assert fixed == "Wir feiern mit euch!"
    assert brand_check(fixed, kind="mastodon", profile=p) == []
    assert brand_check("Keine Emoji hier.", kind="mastodon", profile=p) == []


def test_too_many_emoji_under_a_limit_is_a_warning_that_keeps_the_first_ones():
    p = profile(emoji="limit", max_emoji=2)
    text = "🎉 Neu 🇩🇪 und 👨‍👩‍👧 dabei"
    [problem] = brand_check(text, kind="mastodon", profile=p)
    assert problem.code == "brand.too_many_emoji"
    assert problem.severity == Severity.WARNING
    assert problem.params == {"count": 3, "max": 2}
    assert text[problem.start : problem.end] == "👨‍👩‍👧"
    assert assert_idempotent(text, problem.fix) == "🎉 Neu 🇩🇪 und dabei"
    assert brand_check("🎉🎉", kind="mastodon", profile=p) == []


def test_allowed_emoji_are_not_counted():
    assert brand_check("🎉" * 50, kind="mastodon", profile=profile(emoji="allow", max_emoji=0)) == []


# -- everything at once ----------------------------------------------------------------------------------


def test_errors_come_first_and_fixing_everything_leaves_nothing():
    p = profile(
        signatures={"*": "— Team ACME"},
        hashtags={"*": ("#acme",)},
        banned_words=("billig",),
        required=("#Anzeige",),
        emoji="limit",
        max_emoji=1,
        max_exclamations=1,
        allow_all_caps=False,
    )
    text = "BILLIG war gestern!!! Heute: QUALITÄT 😀😀 https://example.org/billig\n"
    found = brand_check(text, kind="mastodon", profile=p)
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=lambda s: s != Severity.ERROR)
    assert set(codes(found)) == {
        "brand.banned_word",
        "brand.required_missing",
        "brand.signature_missing",
        "brand.hashtags_missing",
        "brand.too_many_exclamations",
        "brand.all_caps",
        "brand.too_many_emoji",
    }
    fixed = fix_all(text, found)
    assert brand_check(fixed, kind="mastodon", profile=p) == []
    assert "https://example.org/billig" in fixed  # the link was not touched
    assert fixed.endswith("\n")


def test_every_problem_has_an_english_message():
    p = profile(
        signatures={"*": "— ACME"},
        hashtags={"*": ("#acme",)},
        banned_words=("billig",),
        required=("#Anzeige",),
        emoji="forbid",
        max_exclamations=0,
        allow_all_caps=False,
    )
    found = brand_check("BILLIG! 😀", kind="mastodon", profile=p)
    found += brand_check("😀😀", kind="mastodon", profile=profile(emoji="limit", max_emoji=1))
    assert {f.code for f in found} == {c for c in BRAND_MESSAGES if c in {f.code for f in found}}
    assert len({f.code for f in found}) == 8
    for problem in found:
        assert problem.code in MESSAGES
        message = describe_problem(problem)
        assert "{" not in message and problem.code not in message


# -- fixes that cannot be applied ------------------------------------------------------------------------


def test_an_unknown_or_incomplete_fix_is_refused():
    with pytest.raises(InputError) as caught:
        apply_fix("text", Fix("shorten", {}))
    assert caught.value.code == "brand.unknown_fix"
    with pytest.raises(InputError) as caught:
        apply_fix("text", Fix("add_signature", {}))
    assert caught.value.code == "brand.bad_fix"
    assert caught.value.params == {"code": "add_signature", "param": "text"}


# -- the profile and its JSON ----------------------------------------------------------------------------


def full_profile() -> BrandProfile:
    return BrandProfile(
        name="  ACME Deutschland ",
        signatures={"*": "— Ihr ACME-Team", "x": ""},
        hashtags={"*": ["acme", "#Zukunft"], "linkedin": ("#Karriere",)},
        banned_words=("billig", " Billig ", "Schnäppchen"),
        required=("#Anzeige",),
        emoji="limit",
        max_emoji=2,
        max_exclamations=1,
        allow_all_caps=False,
        all_caps_min_length=5,
        caps_exceptions=("DSGVO",),
        utm={"source": "{kind}", "medium": "social", "campaign": "{campaign}", "content": ""},
        frame=ImageFrame(border_width=12, border_color="#FFF", watermark_text="ACME", position="top-left"),
    )


def test_a_profile_is_normalised():
    p = full_profile()
    assert p.name == "ACME Deutschland"
    assert p.hashtags == {"*": ("#acme", "#Zukunft"), "linkedin": ("#Karriere",)}
    assert p.banned_words == ("billig", "Schnäppchen")  # duplicates (in any case) dropped
    assert p.utm == {"source": "{kind}", "medium": "social", "campaign": "{campaign}", "term": None, "content": None}
    assert p.frame is not None and p.frame.border_color == "#ffffff"


def test_the_json_round_trip_is_exact_and_stable():
    p = full_profile()
    data = p.to_json()
    assert list(data) == [
        "version",
        "name",
        "signatures",
        "hashtags",
        "banned_words",
        "required",
        "emoji",
        "max_emoji",
        "max_exclamations",
        "allow_all_caps",
        "all_caps_min_length",
        "caps_exceptions",
        "utm",
        "frame",
    ]
    assert data["version"] == 1
    assert data["hashtags"] == {"*": ["#acme", "#Zukunft"], "linkedin": ["#Karriere"]}
    assert data["frame"] == {
        "border_width": 12,
        "border_color": "#ffffff",
        "watermark_text": "ACME",
        "watermark_image": None,
        "position": "top-left",
        "opacity": 0.5,
        "text_color": "#ffffff",
        "scale": 0.25,
    }
    text = json.dumps(data, ensure_ascii=False)
    again = BrandProfile.from_json(json.loads(text))
    assert again == p
    assert json.dumps(again.to_json(), ensure_ascii=False) == text


def test_missing_settings_take_their_defaults():
    p = BrandProfile.from_json({"name": "Minimal"})
    assert p == BrandProfile(name="Minimal")
    assert p.emoji == "allow" and p.allow_all_caps and p.max_exclamations is None and p.frame is None


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        ([], "brand.bad_json", {"expected": "a JSON object"}),
        ("ACME", "brand.bad_json", {"expected": "a JSON object"}),
        ({}, "brand.name_required", {}),
        ({"name": "   "}, "brand.name_required", {}),
        ({"name": "x" * 201}, "brand.name_too_long", {"max": 200}),
        ({"name": 7}, "brand.bad_field", {"field": "name", "expected": "text"}),
        ({"name": "A", "colour": "red"}, "brand.unknown_field", {"field": "colour"}),
        ({"name": "A", "version": 2}, "brand.version_too_new", {"version": 2, "supported": 1}),
        ({"name": "A", "version": "1"}, "brand.bad_field", {"field": "version", "expected": "a whole number"}),
        ({"name": "A", "signatures": ["— ACME"]}, "brand.bad_field", {"field": "signatures", "expected": "a mapping"}),
        ({"name": "A", "signatures": {"*": 5}}, "brand.bad_field", {"field": "signatures.*", "expected": "text"}),
        ({"name": "A", "signatures": {"": "x"}}, "brand.bad_field", None),
        ({"name": "A", "hashtags": {"*": "#acme"}}, "brand.bad_field", None),
        ({"name": "A", "hashtags": {"*": ["#two words"]}}, "brand.bad_hashtag", {"tag": "#two words"}),
        ({"name": "A", "hashtags": {"*": ["#"]}}, "brand.bad_hashtag", {"tag": "#"}),
        ({"name": "A", "banned_words": "billig"}, "brand.bad_field", None),
        ({"name": "A", "banned_words": ["ok", ""]}, "brand.bad_field", None),
        ({"name": "A", "required": [None]}, "brand.bad_field", {"field": "required", "expected": "text"}),
        ({"name": "A", "emoji": "sometimes"}, "brand.bad_field", None),
        (
            {"name": "A", "max_emoji": -1},
            "brand.out_of_range",
            {"field": "max_emoji", "min": 0, "max": 1000, "value": -1},
        ),
        ({"name": "A", "max_emoji": True}, "brand.bad_field", None),
        ({"name": "A", "max_exclamations": 1.5}, "brand.bad_field", None),
        ({"name": "A", "allow_all_caps": "no"}, "brand.bad_field", None),
        ({"name": "A", "all_caps_min_length": 1}, "brand.out_of_range", None),
        ({"name": "A", "utm": {"source": "x"}}, "brand.utm_incomplete", {"missing": "medium, campaign"}),
        (
            {"name": "A", "utm": {"source": "a", "medium": "b", "campaign": "c", "gclid": "d"}},
            "brand.unknown_field",
            {"field": "utm.gclid"},
        ),
        ({"name": "A", "frame": "thick"}, "brand.bad_field", {"field": "frame", "expected": "a mapping"}),
        ({"name": "A", "frame": {"border_width": -3}}, "brand.out_of_range", None),
        (
            {"name": "A", "frame": {"border_color": "red"}},
            "brand.bad_colour",
            {"field": "frame.border_color", "value": "red"},
        ),
        ({"name": "A", "frame": {"opacity": 2}}, "brand.out_of_range", None),
        ({"name": "A", "frame": {"opacity": float("nan")}}, "brand.bad_field", None),
        ({"name": "A", "frame": {"position": "middle"}}, "brand.bad_field", None),
        ({"name": "A", "frame": {"watermark_text": "A", "watermark_image": "a.png"}}, "brand.two_watermarks", {}),
        ({"name": "A", "frame": {"shadow": True}}, "brand.unknown_field", {"field": "frame.shadow"}),
    ],
)
def test_bad_json_is_refused_with_a_code(data, code, params):
    with pytest.raises(InputError) as caught:
        BrandProfile.from_json(data)
    assert caught.value.code == code
    if params is not None:
        assert caught.value.params == params
    assert code in MESSAGES
    assert "{" not in str(caught.value)


def test_a_profile_built_in_code_is_validated_too():
    with pytest.raises(InputError) as caught:
        BrandProfile(name="A", emoji="sometimes")  # type: ignore[arg-type]
    assert caught.value.code == "brand.bad_field"
    with pytest.raises(InputError) as caught:
        ImageFrame(border_color="#12")
    assert caught.value.code == "brand.bad_colour"


def test_every_brand_message_formats_with_the_params_its_code_gets():
    for code, template in BRAND_MESSAGES.items():
        assert MESSAGES[code] == template
    sample = {
        "expected": "text",
        "version": 2,
        "supported": 1,
        "field": "f",
        "min": 0,
        "max": 3,
        "value": 9,
        "tag": "#x",
        "missing": "medium",
        "path": "p.png",
        "name": "ACME",
        "code": "x",
        "param": "text",
        "word": "billig",
        "text": "#Anzeige",
        "tags": "#a #b",
        "count": 4,
    }
    for template in BRAND_MESSAGES.values():
        assert "{" not in template.format(**sample)


def test_composed_and_decomposed_profiles_are_the_same_rules():
    nfc = profile(banned_words=("Größe",))
    nfd = profile(banned_words=(unicodedata.normalize("NFD", "Größe"),))
    text = "In jeder Größe"
    assert [(p.start, p.end) for p in brand_check(text, kind="x", profile=nfc)] == [(9, 14)]
    assert [(p.start, p.end) for p in brand_check(text, kind="x", profile=nfd)] == [(9, 14)]
