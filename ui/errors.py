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
        "delivery.not_found": QCoreApplication.translate("errors", "The delivery no longer exists."),
        "delivery.not_retryable": QCoreApplication.translate(
            "errors", "Only failed or unconfirmed deliveries can be sent again."
        ),
        "engine.interrupted": QCoreApplication.translate(
            "errors",
            "Publishing was interrupted and the network cannot tell whether the post arrived. Check the channel, "
            "then publish it again if it is missing.",
        ),
        "engine.internal": QCoreApplication.translate(
            "errors", "Publisher hit an internal error while publishing ({reason}). Please report it."
        ),
    }


def error_text(code: str, params: dict[str, Any] | None = None) -> str:
    from ui.problem_texts import problem_templates

    template = _messages().get(code) or problem_templates().get(code)
    if template is None:
        return QCoreApplication.translate("errors", "Unexpected error ({code}).").format(code=code)
    values = dict(params or {})
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
