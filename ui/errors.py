"""Error codes from the core, in the user's language. The core never carries prose; this is where it is made."""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtCore import QCoreApplication

from publisher.errors import PublisherError


def _messages() -> dict[str, str]:
    # Literal strings so that lupdate finds them; evaluated at call time so the current language applies.
    return {
        "db.bad_url": QCoreApplication.translate(
            "errors", "'{url}' is not a database URL. Use e.g. sqlite:///path/to/file.sqlite3."
        ),
        "db.folder_missing": QCoreApplication.translate(
            "errors", "The folder for the database file does not exist: {path}. Create it first."
        ),
        "db.not_a_database": QCoreApplication.translate(
            "errors", "{path} is not a Publisher database. Choose another file; this one was left untouched."
        ),
        "db.too_new": QCoreApplication.translate(
            "errors",
            "This database was written by a newer Publisher (schema {revision}). Update Publisher; the database "
            "was left untouched.",
        ),
        "db.foreign": QCoreApplication.translate(
            "errors", "{url} already holds tables that are not Publisher's. Choose an empty database."
        ),
        "db.unavailable": QCoreApplication.translate("errors", "The database cannot be used: {reason}"),
        "secrets.unavailable": QCoreApplication.translate(
            "errors",
            "No usable keyring was found. Publisher keeps passwords and tokens only in the system keyring: "
            "install and unlock one (e.g. GNOME Keyring or KWallet), or choose a backend with "
            "PYTHON_KEYRING_BACKEND.",
        ),
        "time.malformed": QCoreApplication.translate("errors", "'{value}' is not a date and time."),
        "time.naive": QCoreApplication.translate("errors", "'{value}' has no UTC offset."),
        "time.unknown_zone": QCoreApplication.translate("errors", "'{zone}' is not a known time zone."),
        "channel.unknown_kind": QCoreApplication.translate("errors", "There is no channel kind '{kind}'."),
        "channel.name_required": QCoreApplication.translate("errors", "Give the channel a name."),
        "channel.name_too_long": QCoreApplication.translate(
            "errors", "The channel name is too long (at most {max} characters)."
        ),
        "channel.name_taken": QCoreApplication.translate(
            "errors", "A channel named '{name}' exists already. Choose another name."
        ),
        "channel.not_found": QCoreApplication.translate("errors", "There is no channel named '{name}'."),
        "channel.bad_url": QCoreApplication.translate(
            "errors", "'{url}' is not a web address. Use one starting with https://."
        ),
        "channel.auth_expired": QCoreApplication.translate(
            "errors", "The network no longer accepts the sign-in. Sign in to the channel again."
        ),
        "channel.rate_limited": QCoreApplication.translate(
            "errors", "The network asks us to slow down; Publisher tries again later."
        ),
        "channel.rejected": QCoreApplication.translate("errors", "The network refused the post."),
        "channel.transient": QCoreApplication.translate(
            "errors", "The network could not be reached; Publisher tries again later."
        ),
        "channel.outcome_unknown": QCoreApplication.translate(
            "errors", "It is not known whether the network received the post."
        ),
        "feed.path_required": QCoreApplication.translate("errors", "Choose the folder the feed is written to."),
        "feed.folder_missing": QCoreApplication.translate(
            "errors", "The folder {path} does not exist. Create it or choose another one."
        ),
        "feed.not_a_folder": QCoreApplication.translate("errors", "{path} is a file, not a folder. Choose a folder."),
        "feed.folder_not_writable": QCoreApplication.translate(
            "errors", "Publisher may not write to {path}. Choose a folder you can write to or change its permissions."
        ),
        "feed.write_failed": QCoreApplication.translate(
            "errors", "Writing to {path} failed ({reason}); Publisher tries again later."
        ),
        "feed.media_missing": QCoreApplication.translate(
            "errors", "The media file {filename} is no longer in Publisher's media folder. Attach it again."
        ),
        "feed.corrupt": QCoreApplication.translate(
            "errors", "{path} is not an Atom feed Publisher can update. Move it away to start a new one."
        ),
        "post.empty": QCoreApplication.translate("errors", "The post is empty. Write something first."),
        "post.too_long": QCoreApplication.translate("errors", "The post is longer than {max} characters."),
        "post.binary": QCoreApplication.translate("errors", "The post contains a NUL character."),
        "post.no_channel": QCoreApplication.translate("errors", "Choose at least one channel to publish to."),
        "post.duplicate_channel": QCoreApplication.translate("errors", "A channel is chosen twice."),
        "post.not_found": QCoreApplication.translate("errors", "The post no longer exists."),
        "post.busy": QCoreApplication.translate(
            "errors", "The post is being published right now; try again in a moment."
        ),
        "post.nothing_to_move": QCoreApplication.translate(
            "errors", "The post has nothing left to move: everything has gone out or was cancelled."
        ),
        "post.nothing_to_cancel": QCoreApplication.translate(
            "errors", "The post has nothing left to cancel: everything has gone out or was cancelled."
        ),
        "post.nothing_to_edit": QCoreApplication.translate(
            "errors", "The post has gone out everywhere; published posts are not edited from here."
        ),
        "post.nothing_to_retry": QCoreApplication.translate(
            "errors", "The post has no failed or unconfirmed delivery to send again."
        ),
        "post.channel_not_found": QCoreApplication.translate("errors", "The post does not go to '{channel}'."),
        "delivery.bad_url": QCoreApplication.translate(
            "errors", "'{url}' is not a web address; paste the post's address starting with https://."
        ),
        "delivery.not_unconfirmed": QCoreApplication.translate(
            "errors", "Only an unconfirmed delivery can be matched to a post on the network."
        ),
        "delivery.missed": QCoreApplication.translate(
            "errors",
            "It was due at {due} but no runner was running then; it is more than {grace} minutes late. Publish it "
            "now, move it or cancel it.",
        ),
        "engine.handoff_not_seen": QCoreApplication.translate(
            "errors",
            "The network held this post for {due} but it cannot be found on the account. Check the channel, then "
            "mark it published or publish it again.",
        ),
        "engine.channel_paused": QCoreApplication.translate(
            "errors", "The channel '{channel}' needs signing in again; its posts wait until then."
        ),
        "workflow.forbidden": QCoreApplication.translate(
            "errors", "{user} may not do this with their role. Ask an editor or an admin."
        ),
        "workflow.wrong_status": QCoreApplication.translate(
            "errors", "This step is not possible in the post's current state. Reload it and look at its status."
        ),
        "workflow.not_approved": QCoreApplication.translate(
            "errors", "The post is not approved yet; nothing unapproved is published."
        ),
        "workflow.comment_required": QCoreApplication.translate(
            "errors", "Write a comment that tells the author what to change."
        ),
        "workflow.comment_too_long": QCoreApplication.translate(
            "errors", "The comment is longer than {max} characters."
        ),
        "workflow.bad_role": QCoreApplication.translate("errors", "'{role}' is not a role; use one of {roles}."),
        "workflow.bad_grace": QCoreApplication.translate(
            "errors", "The grace period must be between 0 and {max} minutes."
        ),
        "workflow.user_required": QCoreApplication.translate("errors", "Name the person."),
        "workflow.user_not_found": QCoreApplication.translate("errors", "There is no user '{user}' in this workspace."),
        "workflow.last_admin": QCoreApplication.translate(
            "errors", "{user} is the last admin; make someone else admin first."
        ),
        "workflow.one_step": QCoreApplication.translate("errors", "Choose one of draft, submit or approve."),
        "delivery.not_found": QCoreApplication.translate("errors", "The delivery no longer exists."),
        "delivery.not_retryable": QCoreApplication.translate(
            "errors", "Only failed or unconfirmed deliveries can be sent again."
        ),
        "queue.bad_time": QCoreApplication.translate(
            "errors", "'{value}' is not a time of day. Use HH:MM on the 24-hour clock, e.g. 09:30."
        ),
        "queue.bad_weekday": QCoreApplication.translate("errors", "'{value}' is not a weekday."),
        "queue.duplicate_slot": QCoreApplication.translate(
            "errors", "'{channel}' already has a slot on that weekday at {time}."
        ),
        "queue.too_many_slots": QCoreApplication.translate(
            "errors", "'{channel}' has the most slots a queue may have ({max}). Remove one first."
        ),
        "queue.slot_not_found": QCoreApplication.translate("errors", "The queue slot no longer exists."),
        "queue.no_slots": QCoreApplication.translate(
            "errors", "'{channel}' has no queue slots yet. Add weekly time slots to its queue first."
        ),
        "queue.full": QCoreApplication.translate(
            "errors", "Every slot of '{channel}' is taken for the next {weeks} weeks. Add slots or pick a time."
        ),
        "recurrence.bad_interval": QCoreApplication.translate(
            "errors", "Repeat every 1 to {max} days or weeks (not {value})."
        ),
        "recurrence.bad_unit": QCoreApplication.translate(
            "errors", "'{unit}' is not a repeat unit; use days or weeks."
        ),
        "recurrence.weekdays_need_weeks": QCoreApplication.translate(
            "errors", "Weekdays can only be chosen for a weekly repeat."
        ),
        "recurrence.bad_weekday": QCoreApplication.translate("errors", "Choose weekdays from Monday to Sunday."),
        "recurrence.end_required": QCoreApplication.translate(
            "errors", "Say when the repeat ends: after a number of posts or on a date."
        ),
        "recurrence.too_many": QCoreApplication.translate(
            "errors", "A repeat makes at most {max} posts. Choose fewer or an earlier end date."
        ),
        "recurrence.until_before_start": QCoreApplication.translate(
            "errors", "The repeat ends on {until}, before its first post on {start}."
        ),
        "recurrence.bad_until": QCoreApplication.translate("errors", "'{value}' is not a date."),
        "recurrence.none": QCoreApplication.translate(
            "errors", "The repeat makes no post at all: check its weekdays and end date."
        ),
        "engine.interrupted": QCoreApplication.translate(
            "errors",
            "Publishing was interrupted and the network cannot tell whether the post arrived. Check the channel, "
            "then publish it again if it is missing.",
        ),
        "engine.internal": QCoreApplication.translate(
            "errors", "Publisher hit an internal error while publishing ({reason}). Please report it."
        ),
        "contact.not_found": QCoreApplication.translate(
            "errors", "This contact no longer exists (contact {id}). Refresh the list."
        ),
        "contact.none_for_item": QCoreApplication.translate(
            "errors", "The author of this message is not known, so there is no contact to show."
        ),
        "contact.merge_self": QCoreApplication.translate(
            "errors", "A contact cannot be merged with itself. Choose another contact."
        ),
        "contact.same_group": QCoreApplication.translate(
            "errors", "These contacts are merged already: they are shown as one person."
        ),
        "contact.not_merged": QCoreApplication.translate(
            "errors", "This contact is not merged with anyone, so there is nothing to split off."
        ),
        "contact.bad_tag": QCoreApplication.translate(
            "errors", "A contact tag needs 1 to {max} characters. Separate tags with commas."
        ),
        "contact.too_many_tags": QCoreApplication.translate(
            "errors", "A contact can have at most {max} tags (this would be {count}). Remove some first."
        ),
        "contact.notes_too_long": QCoreApplication.translate(
            "errors", "The notes are too long: {length} characters, at most {max}. Shorten them, then save again."
        ),
        "contact.name_too_long": QCoreApplication.translate(
            "errors", "The name is too long (at most {max} characters)."
        ),
        "inbox.not_supported": QCoreApplication.translate(
            "errors", "The channel '{channel}' has no inbox: Publisher cannot read or answer its messages."
        ),
        "inbox.item_not_found": QCoreApplication.translate(
            "errors", "This message is no longer in the inbox (item {id}). Refresh the list."
        ),
        "inbox.bad_status": QCoreApplication.translate("errors", "'{status}' is not an inbox status."),
        "inbox.bad_sentiment": QCoreApplication.translate("errors", "'{sentiment}' is not a sentiment."),
        "inbox.bad_assignee": QCoreApplication.translate(
            "errors", "The assignee's name is too long (at most {max} characters)."
        ),
        "inbox.bad_tag": QCoreApplication.translate("errors", "A tag needs 1 to {max} characters."),
        "inbox.reply_empty": QCoreApplication.translate("errors", "The reply is empty. Write something to send."),
        "saved_reply.not_found": QCoreApplication.translate("errors", "This saved reply no longer exists."),
        "saved_reply.title_empty": QCoreApplication.translate("errors", "A saved reply needs a title."),
        "saved_reply.title_too_long": QCoreApplication.translate(
            "errors", "The title is too long: at most {limit} characters."
        ),
        "saved_reply.title_taken": QCoreApplication.translate(
            "errors", "There is already a saved reply called '{title}'. Choose another title."
        ),
        "saved_reply.body_empty": QCoreApplication.translate(
            "errors", "The saved reply has no text. Write the answer it should insert."
        ),
        "saved_reply.body_too_long": QCoreApplication.translate(
            "errors", "The saved reply is too long: at most {limit} characters."
        ),
        "saved_reply.unknown_placeholder": QCoreApplication.translate(
            "errors",
            "The saved reply uses {placeholder}, which Publisher cannot fill in. Use one of {known}, or write "
            "{{{{ and }}}} for a literal brace.",
        ),
        "saved_reply.bad_braces": QCoreApplication.translate(
            "errors",
            "The braces in the saved reply do not match. Placeholders look like {known}; write {{{{ and }}}} for "
            "a literal brace.",
        ),
        "inbox.reply_failed": QCoreApplication.translate(
            "errors",
            "The reply was not sent. {cause_text} It is kept as a failed reply, so nothing is lost; send it again "
            "when the problem is solved.",
        ),
    }


def error_text(code: str, params: dict[str, Any] | None = None) -> str:
    from ui.problem_texts import problem_templates

    template = _messages().get(code) or problem_templates().get(code)
    if template is None:
        return QCoreApplication.translate("errors", "Unexpected error ({code}).").format(code=code)
    values = dict(params or {})
    if "cause" in values and "cause_text" not in values:
        # The reason in the user's language (the core's ``reason`` is English prose); its params are not kept.
        values["cause_text"] = error_text(str(values["cause"]))
    needed = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    for name in needed - values.keys():
        values[name] = "?"
    try:
        return template.format(**values)
    except (ValueError, IndexError):
        return template


def problem_text(code: str, params: dict[str, Any] | None = None) -> str:
    """A draft problem (length, media, brand) in the user's language."""
    return error_text(code, params)


def describe_exception(exc: BaseException) -> str:
    if isinstance(exc, PublisherError):
        return error_text(exc.code, exc.params)
    return QCoreApplication.translate("errors", "Unexpected error: {error}").format(error=repr(exc))
