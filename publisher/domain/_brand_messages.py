"""English sentences for the brand profile's error and problem codes (merged into :data:`publisher.messages.MESSAGES`).

Kept apart from :mod:`publisher.domain.brand` so that loading the messages never loads the ``regex`` module.
"""

from __future__ import annotations

BRAND_MESSAGES: dict[str, str] = {
    # a profile that cannot be saved or read
    "brand.bad_json": "This is not a brand profile: expected {expected}.",
    "brand.version_too_new": "This brand profile was written by a newer Publisher (format {version}; this version "
    "reads up to {supported}). Update Publisher.",
    "brand.unknown_field": "A brand profile has no setting '{field}'. Check the spelling.",
    "brand.bad_field": "The brand setting '{field}' is not valid: expected {expected}.",
    "brand.out_of_range": "The brand setting '{field}' must be between {min} and {max} (it is {value}).",
    "brand.too_long": "The brand setting '{field}' is too long (at most {max} characters).",
    "brand.name_required": "Give the brand profile a name.",
    "brand.name_too_long": "The brand profile's name is too long (at most {max} characters).",
    "brand.bad_hashtag": "'{tag}' is not a hashtag: use letters, digits and _ only, e.g. #Anzeige.",
    "brand.bad_colour": "'{value}' is not a colour for '{field}'. Use #rrggbb, e.g. #ffffff for white.",
    "brand.utm_incomplete": "The UTM template needs source, medium and campaign; missing: {missing}.",
    "brand.two_watermarks": "Choose either a watermark text or a watermark image, not both.",
    "brand.watermark_missing": "The watermark image {path} does not exist. Choose another file.",
    "brand.watermark_not_image": "The watermark {path} is not a PNG, JPEG, GIF or WebP image.",
    "brand.not_found": "There is no brand profile named '{name}'.",
    "brand.unknown_fix": "Publisher does not know how to apply the fix '{code}'.",
    "brand.bad_fix": "The fix '{code}' lacks its '{param}'.",
    # problems the brand check finds in a draft
    "brand.banned_word": "'{word}' is on the brand's list of banned words. Remove or replace it.",
    "brand.required_missing": "The draft must contain '{text}'. Add it.",
    "brand.signature_missing": "The brand's signature is missing: {text}",
    "brand.hashtags_missing": "The brand's hashtags are missing: {tags}",
    "brand.too_many_exclamations": "{count} exclamation marks; the brand allows at most {max}.",
    "brand.all_caps": "'{word}' is written in capitals; the brand asks for normal case.",
    "brand.emoji_forbidden": "The brand allows no emoji; the draft has {count}.",
    "brand.too_many_emoji": "{count} emoji; the brand allows at most {max}.",
}
