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
    "saved_reply.not_found": "There is no saved reply '{ref}'. See 'publisher inbox saved list'.",
    "saved_reply.title_empty": "A saved reply needs a title.",
    "saved_reply.title_too_long": "The title is too long: at most {limit} characters.",
    "saved_reply.title_taken": "There is already a saved reply called '{title}'. Choose another title.",
    "saved_reply.body_empty": "The saved reply has no text. Write the answer it should insert.",
    "saved_reply.body_too_long": "The saved reply is too long: at most {limit} characters.",
    "saved_reply.unknown_placeholder": "The saved reply uses {placeholder}, which Publisher cannot fill in. Use "
    "one of {known}, or write {{{{ and }}}} for a literal brace.",
    "saved_reply.bad_braces": "The braces in the saved reply do not match ({detail}). Placeholders look like "
    "{known}; write {{{{ and }}}} for a literal brace.",
}
