"""English sentences for the Telegram and Discord connectors' error codes (merged into :mod:`publisher.messages`
by the lead).

Plain data: importing this module imports nothing else.
"""

from __future__ import annotations

SOCIAL_MESSAGES: dict[str, str] = {
    # Telegram
    "telegram.handle_required": "A Telegram channel needs the channel: its @name (e.g. @ourchannel) or its "
    "numeric id (e.g. -1001234567890).",
    "telegram.bad_handle": "'{handle}' is not a Telegram channel. Give its @name (5-32 letters, digits or _) or "
    "its numeric id.",
    "telegram.bad_token": "That is not a Telegram bot token. Copy the whole token @BotFather gave you, e.g. "
    "123456789:AAE….",
    "telegram.token_revoked": "Telegram did not accept the bot token (it was revoked or mistyped). Get the token "
    "from @BotFather again and update the channel.",
    "telegram.chat_not_found": "Telegram does not know the channel {chat}, or the bot is not in it. Check the "
    "name and add the bot to the channel as an admin.",
    "telegram.not_admin": "The bot may not post in {chat}. Make it an admin of the channel with the right to post "
    "messages. ({message})",
    "telegram.chat_migrated": "The chat {chat} became a supergroup with the id {new_id}. Change the channel to "
    "that id.",
    "telegram.rejected": "Telegram refused the request (error {status}): {message}",
    "telegram.too_long": "The message is {length} characters long; Telegram takes at most {max}. Shorten it.",
    "telegram.too_many_media": "The post has {count} images; Telegram takes at most {max} in one album. Remove some.",
    "telegram.unsupported_media": "{filename} ({mime_type}) cannot be posted to Telegram yet; only images can.",
    "telegram.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). "
    "Attach it again.",
    "telegram.empty_message": "The message is empty. Write some text or attach an image.",
    "telegram.bad_message_id": "'{remote_id}' is not a Telegram message to reply to.",
    # Discord
    "discord.bad_webhook": "That is not a Discord webhook address. In the Discord channel's settings, open "
    "Integrations > Webhooks and copy the URL; it looks like https://discord.com/api/webhooks/<id>/<token>.",
    "discord.bad_username": "'{handle}' cannot be a Discord display name: it must be at most {max} characters "
    'and must not contain "discord".',
    "discord.webhook_gone": "The Discord webhook no longer exists (it was deleted or its URL changed). Create a "
    "new webhook in the channel's settings and update this channel with its URL.",
    "discord.rejected": "Discord refused the message (HTTP {status}): {message}",
    "discord.too_large": "Discord refused the message as too large. Use smaller images.",
    "discord.too_long": "The message is {length} characters long; Discord takes at most {max}. Shorten it.",
    "discord.too_many_media": "The post has {count} attachments; Discord takes at most {max}. Remove some.",
    "discord.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). "
    "Attach it again.",
    "discord.empty_message": "The message is empty. Write some text or attach an image.",
}
