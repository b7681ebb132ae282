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
        "channel.insecure_url": QCoreApplication.translate(
            "problems",
            "'{url}' is not encrypted. Use an address starting with https:// (plain http:// is only allowed for this computer, e.g. http://127.0.0.1).",
        ),
        "channel.connect_failed": QCoreApplication.translate(
            "problems", "{host} could not be reached; trying again later."
        ),
        "channel.tls_error": QCoreApplication.translate(
            "problems",
            "The secure connection to {host} failed (its certificate was not accepted). Check the address and the computer's date and time; trying again later.",
        ),
        "channel.read_failed": QCoreApplication.translate("problems", "{host} stopped answering; trying again later."),
        "channel.no_response": QCoreApplication.translate(
            "problems", "{host} did not answer after the request was sent, so it is not known whether it was applied."
        ),
        "channel.http_error": QCoreApplication.translate("problems", "Talking to {host} failed; trying again later."),
        "channel.server_error": QCoreApplication.translate(
            "problems", "{host} had a server error (HTTP {status}); trying again later."
        ),
        "channel.remote_not_found": QCoreApplication.translate(
            "problems", "{host} does not know that item (HTTP 404); it may have been deleted."
        ),
        "channel.unexpected_redirect": QCoreApplication.translate(
            "problems", "{host} redirected the request elsewhere (HTTP {status}). Check the channel's address."
        ),
        "channel.not_json": QCoreApplication.translate(
            "problems",
            "The server answered with something that is not data from its API ({content_type}), for example a login page. Check the channel's address.",
        ),
        "channel.unexpected_response": QCoreApplication.translate(
            "problems", "The server's answer to {endpoint} is not what its API documents."
        ),
        "mastodon.url_required": QCoreApplication.translate(
            "problems", "A Mastodon channel needs the instance's address, e.g. https://mastodon.social."
        ),
        "mastodon.url_has_path": QCoreApplication.translate(
            "problems",
            "'{url}' is not an instance address. Give only the instance, e.g. https://mastodon.social, without a path.",
        ),
        "mastodon.empty_status": QCoreApplication.translate(
            "problems", "The post is empty. Write some text or attach an image."
        ),
        "mastodon.media_missing": QCoreApplication.translate(
            "problems", "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it again."
        ),
        "mastodon.too_many_media": QCoreApplication.translate(
            "problems", "The post has {count} attachments; this instance takes at most {max}. Remove some."
        ),
        "mastodon.media_processing": QCoreApplication.translate(
            "problems", "The instance is still processing {filename}; trying again later."
        ),
        "mastodon.schedule_too_soon": QCoreApplication.translate(
            "problems", "Mastodon can only schedule posts at least {minutes} minutes ahead."
        ),
        "mastodon.schedule_thread": QCoreApplication.translate(
            "problems",
            "This post becomes a thread of {parts} posts; Mastodon can only schedule single posts. Shorten it or let Publisher send it at the time.",
        ),
        "oauth.timeout": QCoreApplication.translate(
            "problems", "The sign-in was not completed within {seconds} seconds. Start it again."
        ),
        "oauth.state_mismatch": QCoreApplication.translate(
            "problems", "The sign-in answer did not belong to this sign-in, so it was ignored. Start it again."
        ),
        "oauth.denied": QCoreApplication.translate(
            "problems", "The sign-in was refused ({error}). Start it again and allow access."
        ),
        "oauth.no_code": QCoreApplication.translate(
            "problems", "The network's sign-in answer had no authorization code. Start it again."
        ),
        "matrix.url_required": QCoreApplication.translate(
            "problems", "A Matrix channel needs the homeserver's address, e.g. https://matrix.example.org."
        ),
        "matrix.bad_user_id": QCoreApplication.translate(
            "problems", "'{handle}' is not a Matrix user id. Write it as @name:server, e.g. @press:example.org."
        ),
        "matrix.room_required": QCoreApplication.translate(
            "problems", "A Matrix channel needs a room: its id (!abc:example.org) or an alias (#news:example.org)."
        ),
        "matrix.bad_room": QCoreApplication.translate(
            "problems", "'{room}' is not a Matrix room. Give its id (!abc:example.org) or an alias (#news:example.org)."
        ),
        "matrix.password_not_exchanged": QCoreApplication.translate(
            "problems",
            "This Matrix channel holds a password instead of an access token. Add the channel again so that Publisher can sign in and keep only the token.",
        ),
        "matrix.login_needs_handle": QCoreApplication.translate(
            "problems", "To sign in with a password, give the account as well (@name:server)."
        ),
        "matrix.login_failed": QCoreApplication.translate(
            "problems", "The homeserver did not accept the password for {user}."
        ),
        "matrix.wrong_account": QCoreApplication.translate(
            "problems",
            "The access token belongs to {actual}, not to {expected}. Use a token of {expected} or change the channel's account.",
        ),
        "matrix.not_in_room": QCoreApplication.translate(
            "problems",
            "The account is not a member of the room (or may not post there). Join the room, or ask its moderators for permission, then try again.",
        ),
        "matrix.forbidden": QCoreApplication.translate("problems", "The homeserver refused this: {message}"),
        "matrix.too_large": QCoreApplication.translate(
            "problems",
            "The homeserver refused the message or file as too large. Use a smaller image or shorten the text.",
        ),
        "matrix.rejected": QCoreApplication.translate(
            "problems", "The homeserver refused the request (HTTP {status}): {message}"
        ),
        "matrix.empty_message": QCoreApplication.translate(
            "problems", "The message is empty. Write some text or attach an image."
        ),
        "matrix.media_missing": QCoreApplication.translate(
            "problems", "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it again."
        ),
        "matrix.scheduling_unsupported": QCoreApplication.translate(
            "problems",
            "{host} cannot schedule messages (it does not offer delayed events). Let Publisher send the message at the time instead.",
        ),
        "matrix.schedule_too_far": QCoreApplication.translate(
            "problems",
            "The homeserver can schedule messages at most {hours} hours ahead. Pick an earlier time or let Publisher send it at the time.",
        ),
        "matrix.schedule_media": QCoreApplication.translate(
            "problems",
            "Messages with images cannot be scheduled on the homeserver yet. Let Publisher send this one at the time.",
        ),
        "matrix.schedule_ignored": QCoreApplication.translate(
            "problems",
            "The homeserver ignored the requested delay and posted the message immediately (event {event_id}).",
        ),
        "matrix.scheduled_not_found": QCoreApplication.translate(
            "problems", "The homeserver no longer holds this scheduled message: it was already sent or cancelled."
        ),
        "telegram.handle_required": QCoreApplication.translate(
            "problems",
            "A Telegram channel needs the channel: its @name (e.g. @ourchannel) or its numeric id (e.g. -1001234567890).",
        ),
        "telegram.bad_handle": QCoreApplication.translate(
            "problems",
            "'{handle}' is not a Telegram channel. Give its @name (5-32 letters, digits or _) or its numeric id.",
        ),
        "telegram.bad_token": QCoreApplication.translate(
            "problems",
            "That is not a Telegram bot token. Copy the whole token @BotFather gave you, e.g. 123456789:AAE….",
        ),
        "telegram.token_revoked": QCoreApplication.translate(
            "problems",
            "Telegram did not accept the bot token (it was revoked or mistyped). Get the token from @BotFather again and update the channel.",
        ),
        "telegram.chat_not_found": QCoreApplication.translate(
            "problems",
            "Telegram does not know the channel {chat}, or the bot is not in it. Check the name and add the bot to the channel as an admin.",
        ),
        "telegram.not_admin": QCoreApplication.translate(
            "problems",
            "The bot may not post in {chat}. Make it an admin of the channel with the right to post messages. ({message})",
        ),
        "telegram.chat_migrated": QCoreApplication.translate(
            "problems", "The chat {chat} became a supergroup with the id {new_id}. Change the channel to that id."
        ),
        "telegram.rejected": QCoreApplication.translate(
            "problems", "Telegram refused the request (error {status}): {message}"
        ),
        "telegram.too_long": QCoreApplication.translate(
            "problems", "The message is {length} characters long; Telegram takes at most {max}. Shorten it."
        ),
        "telegram.too_many_media": QCoreApplication.translate(
            "problems", "The post has {count} images; Telegram takes at most {max} in one album. Remove some."
        ),
        "telegram.unsupported_media": QCoreApplication.translate(
            "problems", "{filename} ({mime_type}) cannot be posted to Telegram yet; only images can."
        ),
        "telegram.media_missing": QCoreApplication.translate(
            "problems", "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it again."
        ),
        "telegram.empty_message": QCoreApplication.translate(
            "problems", "The message is empty. Write some text or attach an image."
        ),
        "telegram.bad_message_id": QCoreApplication.translate(
            "problems", "'{remote_id}' is not a Telegram message to reply to."
        ),
        "discord.bad_webhook": QCoreApplication.translate(
            "problems",
            "That is not a Discord webhook address. In the Discord channel's settings, open Integrations > Webhooks and copy the URL; it looks like https://discord.com/api/webhooks/<id>/<token>.",
        ),
        "discord.bad_username": QCoreApplication.translate(
            "problems",
            "'{handle}' cannot be a Discord display name: it must be at most {max} characters and must not contain \"discord\".",
        ),
        "discord.webhook_gone": QCoreApplication.translate(
            "problems",
            "The Discord webhook no longer exists (it was deleted or its URL changed). Create a new webhook in the channel's settings and update this channel with its URL.",
        ),
        "discord.rejected": QCoreApplication.translate(
            "problems", "Discord refused the message (HTTP {status}): {message}"
        ),
        "discord.too_large": QCoreApplication.translate(
            "problems", "Discord refused the message as too large. Use smaller images."
        ),
        "discord.too_long": QCoreApplication.translate(
            "problems", "The message is {length} characters long; Discord takes at most {max}. Shorten it."
        ),
        "discord.too_many_media": QCoreApplication.translate(
            "problems", "The post has {count} attachments; Discord takes at most {max}. Remove some."
        ),
        "discord.media_missing": QCoreApplication.translate(
            "problems", "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it again."
        ),
        "discord.empty_message": QCoreApplication.translate(
            "problems", "The message is empty. Write some text or attach an image."
        ),
        "wordpress.url_required": QCoreApplication.translate(
            "problems", "A WordPress channel needs the site's address, e.g. https://blog.example.org."
        ),
        "wordpress.handle_required": QCoreApplication.translate(
            "problems",
            "A WordPress channel needs the user name of the account that posts (the one the application password belongs to).",
        ),
        "wordpress.auth_failed": QCoreApplication.translate(
            "problems",
            "{host} did not accept the user name and application password ({code}: {message}). Create a new application password under Users > Profile and update the channel; application passwords work only on https:// sites, and some servers drop the Authorization header.",
        ),
        "wordpress.not_allowed": QCoreApplication.translate(
            "problems",
            "The WordPress account may not do this ({code}): {message}. Give it a role that may publish posts and upload files, e.g. Author or Editor.",
        ),
        "wordpress.rejected": QCoreApplication.translate(
            "problems", "WordPress refused the request (HTTP {status}, {code}): {message}"
        ),
        "wordpress.empty_post": QCoreApplication.translate(
            "problems", "The post is empty. Write some text or attach an image."
        ),
        "wordpress.media_missing": QCoreApplication.translate(
            "problems", "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it again."
        ),
        "wordpress.schedule_too_soon": QCoreApplication.translate(
            "problems",
            "{at} is less than 2 minutes away; WordPress would publish the post at once. Pick a later time or publish now.",
        ),
        "wordpress.not_scheduled": QCoreApplication.translate(
            "problems",
            "The WordPress post {remote_id} is no longer scheduled (its status is '{status}'), so it was not cancelled.",
        ),
        "wordpress.bad_remote_id": QCoreApplication.translate(
            "problems", "'{remote_id}' is not a WordPress post or comment id."
        ),
        "wordpress.empty_reply": QCoreApplication.translate("problems", "The reply is empty. Write some text."),
        "wordpress.bad_cursor": QCoreApplication.translate(
            "problems", "'{cursor}' is not a page of WordPress comments."
        ),
        "bluesky.handle_required": QCoreApplication.translate(
            "problems", "A Bluesky channel needs the account's handle, e.g. you.bsky.social."
        ),
        "bluesky.bad_handle": QCoreApplication.translate(
            "problems",
            "'{handle}' is not a Bluesky handle. Write it like you.bsky.social (or your own domain), without spaces.",
        ),
        "bluesky.unknown_handle": QCoreApplication.translate(
            "problems",
            "{server} knows no Bluesky account with the handle {handle}. Check the spelling; if the account is on its own server, enter that server's address too.",
        ),
        "bluesky.bad_did": QCoreApplication.translate(
            "problems",
            "The handle {handle} belongs to {did}, which Publisher cannot look up (only did:plc and did:web identities are supported).",
        ),
        "bluesky.no_pds": QCoreApplication.translate(
            "problems",
            "The identity document of {did} names no Bluesky server (#atproto_pds). Check the account on its server.",
        ),
        "bluesky.login_failed": QCoreApplication.translate(
            "problems",
            "Bluesky did not accept the app password for {handle} ({message}). Create a new app password under Settings > Privacy and security > App passwords and update the channel with it.",
        ),
        "bluesky.token_expired": QCoreApplication.translate(
            "problems",
            "The Bluesky session expired and could not be renewed. Update the channel with a new app password.",
        ),
        "bluesky.token_invalid": QCoreApplication.translate(
            "problems", "Bluesky no longer accepts the session. Update the channel with a new app password."
        ),
        "bluesky.rejected": QCoreApplication.translate(
            "problems", "Bluesky refused the request (HTTP {status}, {error}): {message}"
        ),
        "bluesky.empty_post": QCoreApplication.translate(
            "problems", "The post is empty. Write some text or attach an image."
        ),
        "bluesky.empty_reply": QCoreApplication.translate("problems", "The reply is empty. Write some text."),
        "bluesky.reply_too_long": QCoreApplication.translate(
            "problems",
            "The reply is too long for Bluesky ({length} characters; at most {max} characters and {max_bytes} bytes). Shorten it.",
        ),
        "bluesky.too_many_media": QCoreApplication.translate(
            "problems", "The post has {count} images; Bluesky takes at most {max}. Remove some."
        ),
        "bluesky.unsupported_media": QCoreApplication.translate(
            "problems", "{filename} ({mime_type}) cannot be posted to Bluesky yet; only images can."
        ),
        "bluesky.image_too_large": QCoreApplication.translate(
            "problems",
            "{filename} is {size} bytes large; Bluesky takes images of at most {max} bytes. Use a smaller image.",
        ),
        "bluesky.media_missing": QCoreApplication.translate(
            "problems", "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it again."
        ),
        "bluesky.rkey_taken": QCoreApplication.translate(
            "problems",
            "Bluesky already holds a different post under this delivery's record key ({rkey}), so nothing was posted. Post it again as a new post.",
        ),
        "bluesky.post_not_found": QCoreApplication.translate(
            "problems", "The Bluesky post {uri} no longer exists; it may have been deleted."
        ),
        "bluesky.bad_remote_id": QCoreApplication.translate(
            "problems", "'{remote_id}' is not a Bluesky post (an at:// address)."
        ),
    }
