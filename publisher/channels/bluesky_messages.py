"""English sentences for the Bluesky connector's error codes (merged into :mod:`publisher.messages`).

Plain data: importing this module imports nothing else.
"""

from __future__ import annotations

BLUESKY_MESSAGES: dict[str, str] = {
    "bluesky.handle_required": "A Bluesky channel needs the account's handle, e.g. you.bsky.social.",
    "bluesky.bad_handle": "'{handle}' is not a Bluesky handle. Write it like you.bsky.social (or your own domain), "
    "without spaces.",
    "bluesky.unknown_handle": "{server} knows no Bluesky account with the handle {handle}. Check the spelling; if "
    "the account is on its own server, enter that server's address too.",
    "bluesky.bad_did": "The handle {handle} belongs to {did}, which Publisher cannot look up (only did:plc and "
    "did:web identities are supported).",
    "bluesky.no_pds": "The identity document of {did} names no Bluesky server (#atproto_pds). Check the account on "
    "its server.",
    "bluesky.login_failed": "Bluesky did not accept the app password for {handle} ({message}). Create a new app "
    "password under Settings > Privacy and security > App passwords and update the channel with it.",
    "bluesky.token_expired": "The Bluesky session expired and could not be renewed. Update the channel with a new "
    "app password.",
    "bluesky.token_invalid": "Bluesky no longer accepts the session. Update the channel with a new app password.",
    "bluesky.rejected": "Bluesky refused the request (HTTP {status}, {error}): {message}",
    "bluesky.empty_post": "The post is empty. Write some text or attach an image.",
    "bluesky.empty_reply": "The reply is empty. Write some text.",
    "bluesky.reply_too_long": "The reply is too long for Bluesky ({length} characters; at most {max} characters "
    "and {max_bytes} bytes). Shorten it.",
    "bluesky.too_many_media": "The post has {count} images; Bluesky takes at most {max}. Remove some.",
    "bluesky.unsupported_media": "{filename} ({mime_type}) cannot be posted to Bluesky yet; only images can.",
    "bluesky.image_too_large": "{filename} is {size} bytes large; Bluesky takes images of at most {max} bytes. Use "
    "a smaller image.",
    "bluesky.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). "
    "Attach it again.",
    "bluesky.rkey_taken": "Bluesky already holds a different post under this delivery's record key ({rkey}), so "
    "nothing was posted. Post it again as a new post.",
    "bluesky.post_not_found": "The Bluesky post {uri} no longer exists; it may have been deleted.",
    "bluesky.bad_remote_id": "'{remote_id}' is not a Bluesky post (an at:// address).",
}
