# ruff: noqa: E501 - one sentence per line, as the translators see them
"""Draft problems and media/brand errors from the core, as translatable templates (one per core code).

The core keeps English sentences for the CLI (``publisher/messages.py``); these are the same sentences for
Qt Linguist, so the composer shows them in the user's language. A test checks that every core code has one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def problem_templates() -> dict[str, str]:
    return {
        "text.unknown_kind": QCoreApplication.translate(
            "problems", "There is no channel kind '{kind}'. Available: {known}."
        ),
        "text.bad_limit": QCoreApplication.translate(
            "problems", "A text limit must be a whole number of at least 1 (got {limit})."
        ),
        "text.no_threads": QCoreApplication.translate(
            "problems", "A {kind} post cannot be split into a thread. Kinds with threads: {known}."
        ),
        "text.empty": QCoreApplication.translate("problems", "The {kind} text is empty. Write something first."),
        "text.too_long": QCoreApplication.translate(
            "problems", "The {kind} text is too long: {length} of {limit} {unit}."
        ),
        "text.too_many_bytes": QCoreApplication.translate(
            "problems", "The {kind} text is too large: {length} of {limit} bytes. Shorten it."
        ),
        "text.invalid_unicode": QCoreApplication.translate(
            "problems",
            "The text contains {count} broken character(s) (unpaired surrogates, e.g. from a damaged copy and paste). Delete or retype them.",
        ),
        "brand.bad_json": QCoreApplication.translate("problems", "This is not a brand profile: expected {expected}."),
        "brand.version_too_new": QCoreApplication.translate(
            "problems",
            "This brand profile was written by a newer Publisher (format {version}; this version reads up to {supported}). Update Publisher.",
        ),
        "brand.unknown_field": QCoreApplication.translate(
            "problems", "A brand profile has no setting '{field}'. Check the spelling."
        ),
        "brand.bad_field": QCoreApplication.translate(
            "problems", "The brand setting '{field}' is not valid: expected {expected}."
        ),
        "brand.out_of_range": QCoreApplication.translate(
            "problems", "The brand setting '{field}' must be between {min} and {max} (it is {value})."
        ),
        "brand.too_long": QCoreApplication.translate(
            "problems", "The brand setting '{field}' is too long (at most {max} characters)."
        ),
        "brand.name_required": QCoreApplication.translate("problems", "Give the brand profile a name."),
        "brand.name_too_long": QCoreApplication.translate(
            "problems", "The brand profile's name is too long (at most {max} characters)."
        ),
        "brand.bad_hashtag": QCoreApplication.translate(
            "problems", "'{tag}' is not a hashtag: use letters, digits and _ only, e.g. #Anzeige."
        ),
        "brand.bad_colour": QCoreApplication.translate(
            "problems", "'{value}' is not a colour for '{field}'. Use #rrggbb, e.g. #ffffff for white."
        ),
        "brand.utm_incomplete": QCoreApplication.translate(
            "problems", "The UTM template needs source, medium and campaign; missing: {missing}."
        ),
        "brand.two_watermarks": QCoreApplication.translate(
            "problems", "Choose either a watermark text or a watermark image, not both."
        ),
        "brand.watermark_missing": QCoreApplication.translate(
            "problems", "The watermark image {path} does not exist. Choose another file."
        ),
        "brand.watermark_not_image": QCoreApplication.translate(
            "problems", "The watermark {path} is not a PNG, JPEG, GIF or WebP image."
        ),
        "brand.not_found": QCoreApplication.translate("problems", "There is no brand profile named '{name}'."),
        "brand.unknown_fix": QCoreApplication.translate(
            "problems", "Publisher does not know how to apply the fix '{code}'."
        ),
        "brand.bad_fix": QCoreApplication.translate("problems", "The fix '{code}' lacks its '{param}'."),
        "brand.banned_word": QCoreApplication.translate(
            "problems", "'{word}' is on the brand's list of banned words. Remove or replace it."
        ),
        "brand.required_missing": QCoreApplication.translate("problems", "The draft must contain '{text}'. Add it."),
        "brand.signature_missing": QCoreApplication.translate("problems", "The brand's signature is missing: {text}"),
        "brand.hashtags_missing": QCoreApplication.translate("problems", "The brand's hashtags are missing: {tags}"),
        "brand.too_many_exclamations": QCoreApplication.translate(
            "problems", "{count} exclamation marks; the brand allows at most {max}."
        ),
        "brand.all_caps": QCoreApplication.translate(
            "problems", "'{word}' is written in capitals; the brand asks for normal case."
        ),
        "brand.emoji_forbidden": QCoreApplication.translate(
            "problems", "The brand allows no emoji; the draft has {count}."
        ),
        "brand.too_many_emoji": QCoreApplication.translate(
            "problems", "{count} emoji; the brand allows at most {max}."
        ),
        "media.missing": QCoreApplication.translate("problems", "The file {path} does not exist."),
        "media.not_a_file": QCoreApplication.translate(
            "problems", "{path} is a folder, not a file. Choose an image or a video."
        ),
        "media.unreadable": QCoreApplication.translate(
            "problems", "The file {path} cannot be read ({reason}). Check that it is yours and not in use."
        ),
        "media.empty": QCoreApplication.translate("problems", "The file {path} is empty. Choose an image or a video."),
        "media.too_large": QCoreApplication.translate(
            "problems",
            "The file {path} is {size_human}; Publisher takes files up to {max_human}. Make it smaller first (e.g. export the video at a lower bit rate).",
        ),
        "media.not_media": QCoreApplication.translate(
            "problems",
            "{path} is not an image or a video Publisher can attach (PNG, JPEG, GIF, WebP, MP4, MOV or WebM), whatever its name says.",
        ),
        "media.unsupported_type": QCoreApplication.translate(
            "problems",
            "{path} is a {type} file; Publisher attaches PNG, JPEG, GIF, WebP, MP4, MOV and WebM. Convert it first.",
        ),
        "media.corrupt": QCoreApplication.translate(
            "problems", "{path} looks like a {type} file but cannot be read as one; it may be damaged or incomplete."
        ),
        "media.too_many_pixels_to_open": QCoreApplication.translate(
            "problems", "{path} has more than {max_pixels:,} pixels, too many to open safely. Scale it down first."
        ),
        "media.alt_too_long_to_store": QCoreApplication.translate(
            "problems", "The alt text of {filename} is too long (at most {max} characters)."
        ),
        "media.too_many_files": QCoreApplication.translate("problems", "A post can have at most {max} media files."),
        "media.store_failed": QCoreApplication.translate(
            "problems", "The file {path} could not be copied into Publisher's media folder ({reason})."
        ),
        "media.bad_storage_path": QCoreApplication.translate(
            "problems", "'{path}' is not a path inside the media folder."
        ),
        "media.required": QCoreApplication.translate("problems", "{network} posts need at least one image or video."),
        "media.too_many": QCoreApplication.translate(
            "problems", "{count} media files; {network} takes at most {max} per post."
        ),
        "media.must_be_alone": QCoreApplication.translate(
            "problems", "{filename} is a {category}, which {network} only takes on its own: remove the other media."
        ),
        "media.type_not_allowed": QCoreApplication.translate(
            "problems", "{filename} is {type}; {network} takes {allowed}."
        ),
        "media.too_big": QCoreApplication.translate(
            "problems", "{filename} is {size_human}; {network} takes at most {max_human} for this type."
        ),
        "media.total_too_big": QCoreApplication.translate(
            "problems", "The media add up to {size_human}; {network} takes at most {max_human} per post."
        ),
        "media.dimensions_too_large": QCoreApplication.translate(
            "problems", "{filename} is {width}×{height} pixels; {network} takes at most {max_width}×{max_height}."
        ),
        "media.too_many_pixels": QCoreApplication.translate(
            "problems", "{filename} has {pixels:,} pixels; {network} takes at most {max_pixels:,}."
        ),
        "media.too_small": QCoreApplication.translate(
            "problems", "{filename} is {width} pixels wide; {network} needs at least {min_width}."
        ),
        "media.bad_aspect_ratio": QCoreApplication.translate(
            "problems",
            "{filename} has an aspect ratio of {ratio}; {network} takes {min_ratio} to {max_ratio} (width ÷ height). Crop it.",
        ),
        "media.too_long_video": QCoreApplication.translate(
            "problems", "{filename} runs {seconds} s; {network} takes videos up to {max_seconds} s."
        ),
        "media.alt_missing": QCoreApplication.translate(
            "problems", "{filename} has no alt text. Describe the image for people who cannot see it."
        ),
        "media.alt_too_long": QCoreApplication.translate(
            "problems", "The alt text of {filename} has {length} characters; {network} takes at most {max}."
        ),
        "media.alt_not_sent": QCoreApplication.translate(
            "problems", "{network} has no alt text for media; the alt text of {filename} will not be sent."
        ),
    }
