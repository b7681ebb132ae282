"""English sentences for the inbox's error codes (merged into :data:`publisher.messages.MESSAGES`)."""

from __future__ import annotations

INBOX_MESSAGES: dict[str, str] = {
    "inbox.not_supported": "The channel '{channel}' ({kind}) has no inbox: Publisher cannot read or answer its "
    "messages.",
    "inbox.item_not_found": "There is no inbox item {id}. See 'publisher inbox list'.",
    "inbox.bad_status": "'{status}' is not an inbox status. Use one of: {known}.",
    "inbox.bad_sentiment": "'{sentiment}' is not a sentiment. Use one of: {known}.",
    "inbox.bad_assignee": "The assignee's name is too long (at most {max} characters).",
    "inbox.bad_tag": "A tag needs 1 to {max} characters.",
    "cli.bad_paging": "--limit must be at least 1 and --offset at least 0.",
    "inbox.reply_empty": "The reply is empty. Write something to send.",
    "inbox.reply_failed": "The reply to inbox item {id} was not sent: {reason} It is kept as failed reply {reply}, "
    "so nothing is lost; send it again when the problem is solved.",
}
