"""English sentences for the media error and problem codes (merged into :data:`publisher.messages.MESSAGES`).

Kept apart from :mod:`publisher.media` so that loading the messages never loads Pillow.
"""

from __future__ import annotations

MEDIA_MESSAGES: dict[str, str] = {
    # a file that cannot be attached at all
    "media.missing": "The file {path} does not exist.",
    "media.not_a_file": "{path} is a folder, not a file. Choose an image or a video.",
    "media.unreadable": "The file {path} cannot be read ({reason}). Check that it is yours and not in use.",
    "media.empty": "The file {path} is empty. Choose an image or a video.",
    "media.too_large": "The file {path} is {size_human}; Publisher takes files up to {max_human}. Make it smaller "
    "first (e.g. export the video at a lower bit rate).",
    "media.not_media": "{path} is not an image or a video Publisher can attach (PNG, JPEG, GIF, WebP, MP4, MOV or "
    "WebM), whatever its name says.",
    "media.unsupported_type": "{path} is a {type} file; Publisher attaches PNG, JPEG, GIF, WebP, MP4, MOV and WebM. "
    "Convert it first.",
    "media.corrupt": "{path} looks like a {type} file but cannot be read as one; it may be damaged or incomplete.",
    "media.too_many_pixels_to_open": "{path} has more than {max_pixels:,} pixels, too many to open safely. Scale it "
    "down first.",
    "media.alt_too_long_to_store": "The alt text of {filename} is too long (at most {max} characters).",
    "media.too_many_files": "A post can have at most {max} media files.",
    "media.store_failed": "The file {path} could not be copied into Publisher's media folder ({reason}).",
    "media.bad_storage_path": "'{path}' is not a path inside the media folder.",
    # problems with the media attached to a draft, for one network
    "media.required": "{network} posts need at least one image or video.",
    "media.too_many": "{count} media files; {network} takes at most {max} per post.",
    "media.must_be_alone": "{filename} is a {category}, which {network} only takes on its own: remove the other media.",
    "media.type_not_allowed": "{filename} is {type}; {network} takes {allowed}.",
    "media.too_big": "{filename} is {size_human}; {network} takes at most {max_human} for this type.",
    "media.total_too_big": "The media add up to {size_human}; {network} takes at most {max_human} per post.",
    "media.dimensions_too_large": "{filename} is {width}×{height} pixels; {network} takes at most {max_width}×"
    "{max_height}.",
    "media.too_many_pixels": "{filename} has {pixels:,} pixels; {network} takes at most {max_pixels:,}.",
    "media.too_small": "{filename} is {width} pixels wide; {network} needs at least {min_width}.",
    "media.bad_aspect_ratio": "{filename} has an aspect ratio of {ratio}; {network} takes {min_ratio} to {max_ratio} "
    "(width ÷ height). Crop it.",
    "media.too_long_video": "{filename} runs {seconds} s; {network} takes videos up to {max_seconds} s.",
    "media.alt_missing": "{filename} has no alt text. Describe the image for people who cannot see it.",
    "media.alt_too_long": "The alt text of {filename} has {length} characters; {network} takes at most {max}.",
    "media.alt_not_sent": "{network} has no alt text for media; the alt text of {filename} will not be sent.",
}
