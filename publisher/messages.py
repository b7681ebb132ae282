"""English sentences for error codes, for the CLI and logs. The UI has its own, translated (``ui/errors.py``).

Every message says what went wrong and what to do about it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from publisher.domain.problems import Problem
    from publisher.errors import PublisherError

MESSAGES: dict[str, str] = {
    "error": "Something went wrong.",
    "input.invalid": "The input is not valid.",
    "not_found": "Not found.",
    # database
    "db.bad_url": "'{url}' is not a database URL. Use e.g. sqlite:///path/to/file.sqlite3 or "
    "postgresql+psycopg://user@host/dbname.",
    "db.folder_missing": "The folder for the database file does not exist: {path}. Create it first.",
    "db.not_a_database": "{path} is not a Publisher database (not SQLite at all). Choose another file with "
    "--db or PUBLISHER_DB; the file was left untouched.",
    "db.too_new": "This database was written by a newer Publisher (schema {revision}; this version knows up "
    "to {supported}). Update Publisher; the database was left untouched.",
    "db.foreign": "{url} already holds tables that are not Publisher's. Choose an empty database.",
    "db.unavailable": "The database {url} cannot be used: {reason}",
    # secrets
    "secrets.unavailable": "No usable keyring (found {backend}). Publisher keeps passwords and tokens only in "
    "the system keyring. On Linux install and unlock a Secret Service (e.g. GNOME Keyring or KWallet), or "
    "pick a backend with PYTHON_KEYRING_BACKEND or keyringrc.cfg.",
    # time
    "time.malformed": "'{value}' is not a date and time. Use ISO 8601 with an offset, e.g. 2026-12-01T09:30+01:00.",
    "time.naive": "'{value}' has no UTC offset, so it is ambiguous. Add one, e.g. {value}+01:00 or {value}Z.",
    "time.unknown_zone": "'{zone}' is not a known time zone. Use an IANA name such as Europe/Berlin.",
    # channels
    "channel.unknown_kind": "There is no channel kind '{kind}'. Available: {known}.",
    "channel.name_required": "Give the channel a name.",
    "channel.name_too_long": "The channel name is too long (at most {max} characters).",
    "channel.name_taken": "A channel named '{name}' exists already. Choose another name.",
    "channel.not_found": "There is no channel named '{name}'. See 'publisher channel list'.",
    "channel.secret_required": "A {kind} channel needs a secret: pass it on standard input with --secret-stdin.",
    "channel.secret_not_used": "A {kind} channel takes no secret; leave out --secret-stdin.",
    "channel.bad_url": "'{url}' is not a web address. Use one starting with https://.",
    "channel.error": "The network reported an error.",
    "channel.auth_expired": "The network no longer accepts the sign-in. Sign in to the channel again.",
    "channel.rate_limited": "The network asks us to slow down; trying again in {retry_after:.0f} s.",
    "channel.rejected": "The network refused the post: {message}",
    "channel.transient": "The network could not be reached; trying again later.",
    "channel.outcome_unknown": "It is not known whether the network received the post.",
    # feed
    "feed.path_required": "A feed channel needs a folder: pass --path DIR.",
    "feed.folder_missing": "The folder {path} does not exist. Create it or choose another one.",
    "feed.not_a_folder": "{path} is a file, not a folder. Choose a folder.",
    "feed.folder_not_writable": "Publisher may not write to {path}. Choose a folder you can write to or "
    "change its permissions.",
    "feed.write_failed": "Writing to {path} failed ({reason}); trying again later.",
    "feed.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). Attach it "
    "again.",
    "feed.corrupt": "{path} is not an Atom feed Publisher can update. Move it away; Publisher will start a new one.",
    # posts
    "post.empty": "The post is empty. Write something first.",
    "post.too_long": "The post is longer than {max} characters.",
    "post.binary": "The post contains a NUL character; is it a binary file?",
    "post.no_channel": "Choose at least one channel to publish to.",
    "post.duplicate_channel": "A channel is named twice; name each channel once.",
    "post.not_found": "There is no post {id}. See 'publisher post list'.",
    "post.busy": "Post {id} is being published right now; try again in a moment.",
    "delivery.not_found": "There is no delivery {id}.",
    "delivery.not_retryable": "Only failed or unconfirmed deliveries can be retried (this one is {state}).",
    "delivery.bad_url": "'{url}' is not a web address; paste the post's address starting with https://.",
    "delivery.not_unconfirmed": "Only an unconfirmed delivery can be matched to a post on the network (this one is "
    "{state}).",
    "delivery.missed": "It was due at {due} but no runner was running then; it is more than {grace} minutes late. "
    "Publish it now, move it or cancel it.",
    "post.nothing_to_move": "Post {id} has nothing left to move: everything has gone out or was cancelled.",
    "post.nothing_to_cancel": "Post {id} has nothing left to cancel: everything has gone out or was cancelled.",
    "post.nothing_to_edit": "Post {id} has gone out everywhere; published posts are not edited from here.",
    "post.nothing_to_retry": "Post {id} has no failed or unconfirmed delivery to send again.",
    "post.channel_not_found": "Post {id} does not go to '{channel}'. See 'publisher post show {id}'.",
    # workflow
    "workflow.forbidden": "{user} is {role} and may not {action}. Ask an editor or an admin.",
    "workflow.wrong_status": "Post {id} is {status}; it can be {step} only when it is {allowed}.",
    "workflow.not_approved": "Post {id} is not approved yet; nothing unapproved is published.",
    "workflow.comment_required": "Write a comment that tells the author what to change.",
    "workflow.comment_too_long": "The comment is longer than {max} characters.",
    "workflow.one_step": "Choose one of draft, submit or approve.",
    "workflow.bad_role": "'{role}' is not a role; use one of {roles}.",
    "workflow.bad_grace": "The grace period must be between 0 and {max} minutes (not {value}).",
    "workflow.user_required": "Name the person.",
    "workflow.user_not_found": "There is no user '{user}' in this workspace.",
    "workflow.last_admin": "{user} is the last admin; make someone else admin first.",
    # calendar: queues and recurring posts
    "queue.bad_time": "'{value}' is not a time of day. Use HH:MM on the 24-hour clock, e.g. 09:30.",
    "queue.bad_weekday": "'{value}' is not a weekday. Use 0 (Monday) to 6 (Sunday).",
    "queue.duplicate_slot": "'{channel}' already has a slot on that weekday at {time}.",
    "queue.too_many_slots": "'{channel}' has the most slots a queue may have ({max}). Remove one first.",
    "queue.slot_not_found": "There is no queue slot {id}; it may have been removed.",
    "queue.no_slots": "'{channel}' has no queue slots yet. Add weekly time slots to its queue first.",
    "queue.full": "Every slot of '{channel}' is taken for the next {weeks} weeks. Add slots or pick a time.",
    "recurrence.bad_interval": "Repeat every 1 to {max} days or weeks (not {value}).",
    "recurrence.bad_unit": "'{unit}' is not a repeat unit; use days or weeks.",
    "recurrence.weekdays_need_weeks": "Weekdays can only be chosen for a weekly repeat.",
    "recurrence.bad_weekday": "The weekdays must be 0 (Monday) to 6 (Sunday), not {value}.",
    "recurrence.end_required": "Say when the repeat ends: after a number of posts or on a date (one of the two).",
    "recurrence.too_many": "A repeat makes at most {max} posts. Choose fewer or an earlier end date.",
    "recurrence.until_before_start": "The repeat ends on {until}, before its first post on {start}.",
    "recurrence.bad_until": "'{value}' is not a date. Use YYYY-MM-DD.",
    "recurrence.none": "The repeat makes no post at all: check its weekdays and end date.",
    # engine
    "engine.interrupted": "Publishing was interrupted and the network cannot tell whether the post arrived. "
    "Check the channel, then mark it published or publish it again.",
    "engine.internal": "Publisher hit an internal error while publishing ({reason}). Please report it.",
    "engine.handoff_not_seen": "The network held this post for {due} but it cannot be found on the account. Check "
    "the channel, then mark it published or publish it again.",
    "engine.channel_paused": "The channel '{channel}' needs signing in again; its posts wait until then.",
    # cli
    "cli.file_missing": "The file {path} does not exist.",
    "cli.file_unreadable": "The file {path} cannot be read as UTF-8 text.",
    "cli.bad_inbox_every": "--inbox-every takes minutes, 0 or more (not {value}).",
    "cli.when_required": "Say when: --now or --at 2026-12-01T09:30+01:00.",
    "cli.gui_unavailable": "The window cannot open: {reason}",
    "cli.bad_json": "{path} is not valid JSON (line {line}: {reason}).",
    "check.no_target": "Say what to check for: --kind KIND or --channel NAME.",
    # service (publisher run --install-service / --uninstall-service)
    "service.unsupported_platform": "Publisher cannot install a service on {platform}. Start 'publisher run' with "
    "your system's own tools.",
    "service.db_password": "The database URL holds a password, and a service file can be read by other programs. "
    "Install without --db and put the line PUBLISHER_DB=<URL> in {env_file} (readable only by you: chmod 600), "
    "or keep the password in ~/.pgpass. Nothing was installed.",
    "service.db_password_pgpass": "The database URL holds a password, and a service definition can be read by other "
    "programs. Leave the password out of --db and keep it in a .pgpass file (%APPDATA%\\postgresql\\pgpass.conf "
    "on Windows). Nothing was installed.",
    "service.write_failed": "The service file {path} could not be written ({reason}). Nothing was installed.",
    "service.remove_failed": "The service file {path} could not be removed ({reason}).",
    "service.manager_failed": "'{command}' failed: {reason}",
    "service.installed": "Installed the service: {path}",
    "service.replaced": "Replaced the service with a new one: {path}",
    "service.task_created": "Created the Task Scheduler task '{task}': {command}",
    "service.running": "Publisher now publishes without the window, starts at every login and restarts after a "
    "failure. Status: {status}",
    "service.logs": "Log: {logs}",
    "service.manager_missing": "'{program}' was not found, so the service is not running yet. The file is in place; "
    "where {program} is available (in your desktop session), run:",
    "service.manager_refused": "'{command}' did not work here ({reason}); this happens without a user session, e.g. "
    "in a container. The file is in place; in your desktop session run:",
    "service.db_from_environment": "PUBLISHER_DB holds a password, so it was not written into the service. Put the "
    "line PUBLISHER_DB=<URL> in {env_file} (chmod 600), or the service opens the default database.",
    "service.db_from_environment_pgpass": "PUBLISHER_DB holds a password, so it was not written into the service, "
    "which opens the default database. Install with --db and a URL without the password, and keep the password "
    "in a .pgpass file.",
    "service.uninstalled": "Removed the service: {path}",
    "service.task_deleted": "Removed the Task Scheduler task '{task}'.",
    "service.not_installed": "There is no Publisher service to remove ({path}).",
    "service.uninstall_manual": "'{command}' did not work here ({reason}); the file is removed. If the service is "
    "still running in your desktop session, run there:",
}


class _Params(dict[str, Any]):
    """Format parameters where a missing one reads as "?" instead of breaking the sentence."""

    def __missing__(self, key: str) -> str:
        return "?"


def _format(template: str, params: dict[str, Any], code: str) -> str:
    try:
        return template.format_map(_Params(params))
    except (KeyError, IndexError, ValueError, TypeError):
        return f"{template} ({code})"


def text(code: str, **params: Any) -> str:
    """The English sentence for a message code that is not an error (e.g. what the CLI did)."""
    return _format(MESSAGES.get(code, code), params, code)


def describe_problem(problem: Problem) -> str:
    """A draft problem (length, brand, media) in English."""
    template = MESSAGES.get(problem.code)
    if template is None:
        return problem.code
    return _format(template, problem.params, problem.code)


def describe(error: PublisherError) -> str:
    template = MESSAGES.get(error.code)
    if template is None:
        template = MESSAGES.get(type(error).code, error.code)
        details = ", ".join(f"{k}={v}" for k, v in error.params.items())
        return f"{template} ({error.code}{': ' + details if details else ''})"
    return _format(template, error.params, error.code)


def _merge_area_messages() -> None:
    """Brand and media keep their sentences beside their code (in modules that load neither regex nor Pillow)."""
    from publisher.channels.bluesky_messages import BLUESKY_MESSAGES
    from publisher.channels.matrix_messages import MATRIX_MESSAGES
    from publisher.channels.messages import CHANNEL_MESSAGES
    from publisher.channels.social_messages import SOCIAL_MESSAGES
    from publisher.channels.wordpress_messages import WORDPRESS_MESSAGES
    from publisher.domain._brand_messages import BRAND_MESSAGES
    from publisher.domain._contact_messages import CONTACT_MESSAGES
    from publisher.domain._inbox_messages import INBOX_MESSAGES
    from publisher.domain._media_messages import MEDIA_MESSAGES
    from publisher.domain._text_messages import TEXT_MESSAGES

    MESSAGES.update(CHANNEL_MESSAGES)
    MESSAGES.update(MATRIX_MESSAGES)
    MESSAGES.update(BLUESKY_MESSAGES)
    MESSAGES.update(SOCIAL_MESSAGES)
    MESSAGES.update(WORDPRESS_MESSAGES)
    MESSAGES.update(TEXT_MESSAGES)
    MESSAGES.update(BRAND_MESSAGES)
    MESSAGES.update(CONTACT_MESSAGES)
    MESSAGES.update(MEDIA_MESSAGES)
    MESSAGES.update(INBOX_MESSAGES)
    MESSAGES["post.variant_not_selected"] = "There is a variant for '{channel}', but the post does not go there."


_merge_area_messages()
