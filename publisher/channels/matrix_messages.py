"""English sentences for the Matrix connector's error codes (merged into :mod:`publisher.messages` by the lead).

Plain data: importing this module imports nothing else.
"""

from __future__ import annotations

MATRIX_MESSAGES: dict[str, str] = {
    "matrix.url_required": "A Matrix channel needs the homeserver's address, e.g. https://matrix.example.org.",
    "matrix.bad_user_id": "'{handle}' is not a Matrix user id. Write it as @name:server, e.g. @press:example.org.",
    "matrix.room_required": "A Matrix channel needs a room: its id (!abc:example.org) or an alias (#news:example.org).",
    "matrix.bad_room": "'{room}' is not a Matrix room. Give its id (!abc:example.org) or an alias (#news:example.org).",
    "matrix.password_not_exchanged": "This Matrix channel holds a password instead of an access token. Add the "
    "channel again so that Publisher can sign in and keep only the token.",
    "matrix.login_needs_handle": "To sign in with a password, give the account as well (@name:server).",
    "matrix.login_failed": "The homeserver did not accept the password for {user}.",
    "matrix.wrong_account": "The access token belongs to {actual}, not to {expected}. Use a token of {expected} "
    "or change the channel's account.",
    "matrix.not_in_room": "The account is not a member of the room (or may not post there). Join the room, or "
    "ask its moderators for permission, then try again.",
    "matrix.forbidden": "The homeserver refused this: {message}",
    "matrix.too_large": "The homeserver refused the message or file as too large. Use a smaller image or "
    "shorten the text.",
    "matrix.rejected": "The homeserver refused the request (HTTP {status}): {message}",
    "matrix.empty_message": "The message is empty. Write some text or attach an image.",
    "matrix.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). "
    "Attach it again.",
    "matrix.scheduling_unsupported": "{host} cannot schedule messages (it does not offer delayed events). Let "
    "Publisher send the message at the time instead.",
    "matrix.schedule_too_far": "The homeserver can schedule messages at most {hours} hours ahead. Pick an "
    "earlier time or let Publisher send it at the time.",
    "matrix.schedule_media": "Messages with images cannot be scheduled on the homeserver yet. Let Publisher "
    "send this one at the time.",
    "matrix.schedule_ignored": "The homeserver ignored the requested delay and posted the message immediately "
    "(event {event_id}).",
    "matrix.scheduled_not_found": "The homeserver no longer holds this scheduled message: it was already sent "
    "or cancelled.",
}
