"""The ``publisher`` command: the GUI by default, subcommands for everything else (the automation interface).

Every subcommand takes ``--json``. Bad input exits with status 2 and one line on stderr; nothing is changed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from publisher import __version__
from publisher.config import resolve_db_url
from publisher.errors import InputError, PublisherError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, like every other bad input
        self.exit(EXIT_BAD_INPUT, f"publisher: error: {message} (see '{self.prog} --help')\n")


def _add_common_options(target: argparse.ArgumentParser, *, top: bool) -> None:
    """``--db`` and ``--json``, accepted before and after the command.

    After the command their defaults are suppressed, so a subcommand's parser does not overwrite a value given
    before the command (``publisher --db X post list``).
    """
    target.add_argument(
        "--db",
        metavar="URL",
        default=None if top else argparse.SUPPRESS,
        help="database URL (default: $PUBLISHER_DB, else SQLite in the user data directory)",
    )
    target.add_argument(
        "--json", action="store_true", default=False if top else argparse.SUPPRESS, help="machine-readable output"
    )


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    _add_common_options(common, top=False)

    parser = _Parser(prog="publisher", description="Draft once, publish everywhere.")
    _add_common_options(parser, top=True)
    parser.add_argument("--version", action="version", version=f"publisher {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("gui", parents=[common], help="open the window (the default)")
    sub.add_parser("demo", parents=[common], help="open the window on a throwaway workspace with samples")

    channel = sub.add_parser("channel", help="add, list and remove channels").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    add = channel.add_parser("add", parents=[common], help="add a channel")
    add.add_argument("kind", help="channel kind, e.g. feed")
    add.add_argument("--name", required=True)
    add.add_argument("--url", help="base URL (feed: the public address of the folder)")
    add.add_argument("--handle", help="account handle")
    add.add_argument("--path", help="folder (feed)")
    add.add_argument("--room", help="room id or alias (matrix); the same as --path")
    add.add_argument("--secret-stdin", action="store_true", help="read the secret (token, password) from stdin")
    channel.add_parser("list", parents=[common], help="list channels")
    remove = channel.add_parser("remove", parents=[common], help="remove a channel and its secret")
    remove.add_argument("name")
    rename = channel.add_parser("rename", parents=[common], help="give a channel another name")
    rename.add_argument("name")
    rename.add_argument("new_name")
    check_channel = channel.add_parser("check", parents=[common], help="test a channel: who am I, what limits")
    check_channel.add_argument("name")

    post = sub.add_parser("post", help="create and inspect posts").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    create = post.add_parser("create", parents=[common], help="create a post and schedule it")
    create.add_argument("file", nargs="?", default="-", help="Markdown file, or - for stdin (default)")
    create.add_argument("--channel", action="append", required=True, metavar="NAME")
    create.add_argument("--title")
    create.add_argument("--campaign")
    create.add_argument("--tz", help="IANA time zone the time is meant in (default: the system's)")
    when = create.add_mutually_exclusive_group()
    when.add_argument("--now", action="store_true", help="publish as soon as the engine runs")
    when.add_argument("--at", metavar="ISO-8601", help="e.g. 2026-12-01T09:30+01:00 (the offset is required)")
    step = create.add_mutually_exclusive_group()
    step.add_argument("--draft", action="store_true", help="keep it a draft")
    step.add_argument("--submit", action="store_true", help="send it for review")
    step.add_argument("--approve", action="store_true", help="approve it at once (editors and admins)")
    post.add_parser("list", parents=[common], help="list posts, newest first")
    show = post.add_parser("show", parents=[common], help="a post with every delivery's state and its comments")
    show.add_argument("id", type=int)
    retry = post.add_parser("retry", parents=[common], help="send a post's failed or unconfirmed deliveries again")
    retry.add_argument("id", type=int)
    retry.add_argument("--channel", metavar="NAME", help="only this channel's delivery")
    for name, help_text in (
        ("submit", "send a draft for review"),
        ("approve", "approve a post (editors and admins): it is scheduled"),
        ("send-back", "return a post in review to its author with a comment (editors and admins)"),
        ("unschedule", "take a scheduled post back to draft"),
    ):
        step_parser = post.add_parser(name, parents=[common], help=help_text)
        step_parser.add_argument("id", type=int)
        step_parser.add_argument("--comment", required=name == "send-back", help="a comment for the review thread")
    edit = post.add_parser("edit", parents=[common], help="change the text of a post that has not gone out yet")
    edit.add_argument("id", type=int)
    edit.add_argument("file", nargs="?", default="-", help="Markdown file, or - for stdin (default)")
    edit.add_argument("--title")
    comment = post.add_parser("comment", parents=[common], help="add a comment to a post's review thread")
    comment.add_argument("id", type=int)
    comment.add_argument("text")
    cancel = post.add_parser("cancel", parents=[common], help="cancel what has not gone out yet")
    cancel.add_argument("id", type=int)
    cancel.add_argument("--channel", metavar="NAME", help="only this channel's delivery")
    move = post.add_parser("move", parents=[common], help="reschedule what has not gone out yet")
    move.add_argument("id", type=int)
    move.add_argument("--at", metavar="ISO-8601", required=True, help="e.g. 2026-12-01T09:30+01:00")
    move.add_argument("--tz", help="IANA time zone the time is meant in (default: unchanged)")
    move.add_argument("--channel", metavar="NAME", help="only this channel's delivery")
    match = post.add_parser("match", parents=[common], help="record an unconfirmed delivery as published at URL")
    match.add_argument("delivery_id", type=int)
    match.add_argument("url")

    workspace = sub.add_parser("workspace", help="workflow settings and roles").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    workspace.add_parser("show", parents=[common], help="approval, grace period, people and roles")
    ws_set = workspace.add_parser("set", parents=[common], help="change workflow settings (admins)")
    ws_set.add_argument("--approval-required", choices=("yes", "no"), help="posts need an editor's approval")
    ws_set.add_argument("--grace-minutes", type=int, metavar="N", help="how late a missed post may still go out")
    role = workspace.add_parser("role", parents=[common], help="give a person a role (admins)")
    role.add_argument("user")
    role.add_argument("role", help="author, editor or admin")

    brand = sub.add_parser("brand", help="brand profiles (voice rules, signatures, hashtags, UTM)").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    brand_save = brand.add_parser("save", parents=[common], help="create or replace a profile from JSON")
    brand_save.add_argument("file", nargs="?", default="-", help="JSON file, or - for stdin (default)")
    brand_save.add_argument("--default", action="store_true", help="use it for new posts")
    brand.add_parser("list", parents=[common], help="list profiles")
    brand_show = brand.add_parser("show", parents=[common], help="a profile as JSON")
    brand_show.add_argument("name")
    brand_remove = brand.add_parser("remove", parents=[common], help="remove a profile")
    brand_remove.add_argument("name")

    check = sub.add_parser("check", parents=[common], help="check a draft against networks' limits and a brand")
    check.add_argument("file", nargs="?", default="-", help="Markdown file, or - for stdin (default)")
    check.add_argument("--kind", action="append", default=[], metavar="KIND", help="a network kind, e.g. mastodon")
    check.add_argument("--channel", action="append", default=[], metavar="NAME", help="a configured channel")
    check.add_argument("--brand", metavar="NAME", help="a brand profile to check against")
    render = sub.add_parser("render", parents=[common], help="the exact payload a network would receive")
    render.add_argument("file", nargs="?", default="-", help="Markdown file, or - for stdin (default)")
    render.add_argument("--kind", required=True, metavar="KIND")
    render.add_argument("--split", action="store_true", help="split into a thread where the network has threads")
    render.add_argument("--numbering", action="store_true", help="number thread parts (1/3, 2/3, …)")

    inbox = sub.add_parser("inbox", help="replies, mentions, comments and messages from every channel").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    inbox_sync = inbox.add_parser("sync", parents=[common], help="fetch what is new from every inbox channel")
    inbox_sync.add_argument("--channel", metavar="NAME", help="only this channel")
    inbox_list = inbox.add_parser("list", parents=[common], help="list inbox items, newest first")
    inbox_list.add_argument("--status", choices=("open", "done"))
    inbox_list.add_argument("--channel", metavar="NAME")
    inbox_list.add_argument("--query", metavar="TEXT", help="full-text search (every word, as a prefix)")
    inbox_list.add_argument("--assignee", metavar="NAME")
    inbox_list.add_argument("--tag", metavar="TAG")
    inbox_list.add_argument("--sentiment", choices=("negative", "neutral", "positive"))
    inbox_list.add_argument("--campaign", metavar="NAME")
    inbox_list.add_argument("--kind", choices=("reply", "mention", "comment", "message"))
    inbox_list.add_argument("--since", metavar="DATE", help="received on or after (YYYY-MM-DD local, or ISO-8601)")
    inbox_list.add_argument("--until", metavar="DATE", help="received before the end of this day (or ISO time)")
    inbox_list.add_argument("--limit", type=int, default=100, metavar="N", help="at most N items (default 100)")
    inbox_list.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N items")
    inbox_show = inbox.add_parser("show", parents=[common], help="an item in full, with its conversation")
    inbox_show.add_argument("id", type=int)
    inbox_reply = inbox.add_parser("reply", parents=[common], help="answer an item on its network, in its thread")
    inbox_reply.add_argument("id", type=int)
    inbox_reply.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    inbox_reply.add_argument("--saved", metavar="TITLE", help="send this saved reply, its placeholders filled in")
    inbox_done = inbox.add_parser("done", parents=[common], help="mark items done")
    inbox_done.add_argument("id", type=int, nargs="+")
    inbox_assign = inbox.add_parser("assign", parents=[common], help="assign items to a teammate")
    inbox_assign.add_argument("id", type=int, nargs="+")
    who = inbox_assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--to", metavar="NAME", help="the teammate's login name")
    who.add_argument("--nobody", action="store_true", help="take the assignment away")
    inbox.add_parser("saved-list", parents=[common], help="the team's saved replies")
    saved_add = inbox.add_parser(
        "saved-add", parents=[common], help="save a reply ({name}, {first_name}, {handle}, {channel}, {me} get filled)"
    )
    saved_add.add_argument("title")
    saved_add.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    saved_add.add_argument("--replace", action="store_true", help="change the saved reply of this title")
    saved_remove = inbox.add_parser("saved-remove", parents=[common], help="delete a saved reply")
    saved_remove.add_argument("title")

    contact = sub.add_parser("contact", help="the people behind inbox messages: find, merge, tag, note").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    contact_list = contact.add_parser("list", parents=[common], help="list contacts, most recently heard from first")
    contact_list.add_argument("--query", metavar="TEXT", help="part of a name or handle")
    contact_list.add_argument("--tag", metavar="TAG", help="only contacts with this tag")
    contact_list.add_argument("--limit", type=int, default=100, metavar="N", help="at most N contacts (default 100)")
    contact_list.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N contacts")
    contact_show = contact.add_parser("show", parents=[common], help="a contact: handles, tags, notes, messages")
    contact_show.add_argument("id", type=int)
    contact_merge = contact.add_parser("merge", parents=[common], help="merge contact ID into contact INTO_ID")
    contact_merge.add_argument("id", type=int)
    contact_merge.add_argument("into_id", type=int)
    contact_unmerge = contact.add_parser("unmerge", parents=[common], help="split a handle off its merged contact")
    contact_unmerge.add_argument("id", type=int)
    contact_tag = contact.add_parser("tag", parents=[common], help="add a tag to a contact (or remove it)")
    contact_tag.add_argument("id", type=int)
    contact_tag.add_argument("tag")
    contact_tag.add_argument("--remove", action="store_true", help="take the tag away")
    contact_note = contact.add_parser("note", parents=[common], help="replace a contact's notes")
    contact_note.add_argument("id", type=int)
    contact_note.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    contact_rename = contact.add_parser("rename", parents=[common], help="your own name for a contact")
    contact_rename.add_argument("id", type=int)
    contact_rename.add_argument("name", help="the name; an empty one goes back to the network's name")

    run = sub.add_parser("run", parents=[common], help="the publishing engine without a window")
    run_mode = run.add_mutually_exclusive_group()
    run_mode.add_argument("--once", action="store_true", help="one pass, then exit")
    run_mode.add_argument(
        "--install-service",
        action="store_true",
        help="run it in the background from now on: at every login, restarted after a failure "
        "(systemd user unit, launchd agent or Task Scheduler task)",
    )
    run_mode.add_argument("--uninstall-service", action="store_true", help="stop that service and remove it")
    run.add_argument("--interval", type=float, default=15.0, help="seconds between passes (default 15)")
    run.add_argument(
        "--inbox-every",
        type=float,
        default=5.0,
        metavar="MINUTES",
        help="sync the inbox this often while running (default 5; 0 = never)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    handler = _HANDLERS.get((command, getattr(args, "action", None))) or _HANDLERS.get((command, None))
    assert handler is not None
    try:
        return handler(args)
    except InputError as exc:
        return _fail(args, exc, EXIT_BAD_INPUT)
    except PublisherError as exc:
        return _fail(args, exc, EXIT_BAD_INPUT if exc.code.endswith("not_found") else EXIT_FAILED)
    except KeyboardInterrupt:
        return 130


def _fail(args: argparse.Namespace, exc: PublisherError, status: int) -> int:
    message = str(exc)
    if getattr(args, "json", False):
        print(json.dumps({"error": {"code": exc.code, "message": message, "params": _plain(exc.params)}}))
    print(f"publisher: error: {message}", file=sys.stderr)
    return status


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, str | int | float | bool | None) else str(v) for k, v in params.items()}


def _services(args: argparse.Namespace) -> Any:
    from publisher.config import data_dir
    from publisher.services import build_services

    url = resolve_db_url(args.db)
    if not args.db and not os.environ.get("PUBLISHER_DB"):
        data_dir().mkdir(parents=True, exist_ok=True)
    return build_services(url)


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text)


# -- GUI --------------------------------------------------------------------------------------


def _gui(args: argparse.Namespace, *, demo: bool = False) -> int:
    try:
        ui_app = importlib.import_module("ui.app")  # the core never imports Qt at module level
    except ImportError as exc:
        raise PublisherError("cli.gui_unavailable", reason=str(exc)) from None
    status: int = ui_app.main(db_url=None if demo else resolve_db_url(args.db), demo=demo)
    return status


def cmd_gui(args: argparse.Namespace) -> int:
    if not args.db and not os.environ.get("PUBLISHER_DB"):
        from publisher.config import data_dir

        data_dir().mkdir(parents=True, exist_ok=True)
    return _gui(args)


def cmd_demo(args: argparse.Namespace) -> int:
    return _gui(args, demo=True)


# -- channels ----------------------------------------------------------------------------------


def cmd_channel_add(args: argparse.Namespace) -> int:
    secret = None
    if args.secret_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise InputError("channel.secret_required", kind=args.kind)
    services = _services(args)
    info = services.channels.add(
        args.kind, name=args.name, url=args.url, handle=args.handle, path=args.room or args.path, secret=secret
    )
    _out(args, info.to_json(), f"Added {info.kind} channel '{info.name}' (id {info.id}).")
    return EXIT_OK


def cmd_channel_list(args: argparse.Namespace) -> int:
    channels = _services(args).channels.all()
    lines = [f"{c.name}\t{c.kind}\t{c.settings.get('path') or c.base_url or c.handle or ''}" for c in channels]
    _out(args, [c.to_json() for c in channels], "\n".join(lines) if lines else "No channels yet.")
    return EXIT_OK


def cmd_channel_remove(args: argparse.Namespace) -> int:
    info = _services(args).channels.remove(args.name)
    _out(args, info.to_json(), f"Removed channel '{info.name}'.")
    return EXIT_OK


def cmd_channel_rename(args: argparse.Namespace) -> int:
    info = _services(args).channels.rename(args.name, args.new_name)
    _out(args, info.to_json(), f"Renamed '{args.name}' to '{info.name}'.")
    return EXIT_OK


def cmd_channel_check(args: argparse.Namespace) -> int:
    result = _services(args).channels.verify(args.name)
    details = "\n".join(f"  {k}: {v}" for k, v in result.details.items())
    _out(args, {"account": result.account, "details": result.details}, f"{args.name}: {result.account}\n{details}")
    return EXIT_OK


# -- posts ------------------------------------------------------------------------------------


def _read_body(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
        path = "stdin"
    else:
        file = Path(source)
        if not file.is_file():
            raise InputError("cli.file_missing", path=source)
        data = file.read_bytes()
        path = source
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("cli.file_unreadable", path=path) from None


def cmd_post_create(args: argparse.Namespace) -> int:
    from publisher.timezones import local_zone_name, parse_aware, zone

    if not args.now and not args.at:
        raise InputError("cli.when_required")
    at = parse_aware(args.at) if args.at else None
    tz = args.tz or local_zone_name()
    zone(tz)
    body = _read_body(args.file)
    if not body.strip():
        raise InputError("post.empty")
    detail = _services(args).posts.create(
        body,
        channels=args.channel,
        title=args.title,
        campaign=args.campaign,
        at=at,
        tz=tz,
        draft=args.draft,
        submit=args.submit,
        approve=args.approve,
    )
    if args.json:
        print(json.dumps(detail.to_json(), indent=2, ensure_ascii=False))
    else:
        print(detail.id)
    return EXIT_OK


def cmd_post_list(args: argparse.Namespace) -> int:
    posts = _services(args).posts.page()
    lines = []
    for p in posts:
        states = ", ".join(f"{d.channel}: {d.state.value}" for d in p.deliveries)
        when = p.scheduled_at.isoformat(timespec="minutes") if p.scheduled_at else "-"
        lines.append(f"{p.id}\t{p.status.value}\t{when}\t{p.title}\t[{states}]")
    _out(args, [p.to_json() for p in posts], "\n".join(lines) if lines else "No posts yet.")
    return EXIT_OK


def _post_text(detail: Any, comments: Sequence[Any] = ()) -> str:
    from publisher.timezones import zone

    lines = [f"Post {detail.id}: {detail.title or ''}".rstrip(), f"Status: {detail.status.value.replace('_', ' ')}"]
    for d in detail.deliveries:
        when = d.scheduled_at.astimezone(zone(d.scheduled_tz)).isoformat(timespec="minutes") if d.scheduled_at else "-"
        lines.append(
            f"  delivery {d.id}, {d.channel} ({d.channel_kind}): {d.state.value}, scheduled {when} {d.scheduled_tz}, "
            f"attempts {d.attempts}" + (", held by the network" if d.handed_off else "")
        )
        if d.remote_url or d.remote_id:
            lines.append(f"    {d.remote_url or d.remote_id}")
        if d.next_attempt_at and d.state.value == "failed":
            lines.append(f"    next attempt {d.next_attempt_at.isoformat(timespec='minutes')}")
        if d.error:
            lines.append(f"    error: {d.error}")
    for c in comments:
        text = f": {c.body}" if c.body else ""
        lines.append(f"  {c.created_at.isoformat(timespec='minutes')} {c.author} {c.kind.replace('_', ' ')}{text}")
    return "\n".join(lines)


def cmd_post_show(args: argparse.Namespace) -> int:
    services = _services(args)
    detail = services.posts.get(args.id)
    comments = services.posts.comments(args.id)
    _out(args, {**detail.to_json(), "comments": [c.to_json() for c in comments]}, _post_text(detail, comments))
    return EXIT_OK


def cmd_post_retry(args: argparse.Namespace) -> int:
    infos = _services(args).posts.retry_post(args.id, channel=args.channel)
    names = ", ".join(f"'{i.channel}'" for i in infos)
    _out(args, [i.to_json() for i in infos], f"Post {args.id} will be sent again to {names}.")
    return EXIT_OK


def _post_step(args: argparse.Namespace, verb: str) -> int:
    posts = _services(args).posts
    if verb == "submit":
        detail = posts.submit(args.id, args.comment)
    elif verb == "approve":
        detail = posts.approve(args.id, args.comment)
    elif verb == "send-back":
        detail = posts.send_back(args.id, args.comment)
    else:
        detail = posts.unschedule(args.id)
    _out(args, detail.to_json(), f"Post {detail.id} is now {detail.status.value.replace('_', ' ')}.")
    return EXIT_OK


def cmd_post_edit(args: argparse.Namespace) -> int:
    body = _read_body(args.file)
    detail = _services(args).posts.edit(args.id, body, title=args.title)
    _out(args, detail.to_json(), _post_text(detail))
    return EXIT_OK


def cmd_post_comment(args: argparse.Namespace) -> int:
    info = _services(args).posts.comment(args.id, args.text)
    _out(args, info.to_json(), f"Comment added to post {args.id}.")
    return EXIT_OK


def cmd_post_cancel(args: argparse.Namespace) -> int:
    detail = _services(args).posts.cancel(args.id, channel=args.channel)
    _out(args, detail.to_json(), _post_text(detail))
    return EXIT_OK


def cmd_post_move(args: argparse.Namespace) -> int:
    from publisher.timezones import parse_aware, zone

    if args.tz:
        zone(args.tz)
    detail = _services(args).posts.reschedule(args.id, parse_aware(args.at), args.tz, channel=args.channel)
    _out(args, detail.to_json(), _post_text(detail))
    return EXIT_OK


def cmd_post_match(args: argparse.Namespace) -> int:
    info = _services(args).posts.mark_published(args.delivery_id, args.url)
    _out(args, info.to_json(), f"Delivery {info.id} to '{info.channel}' recorded as published at {info.remote_url}.")
    return EXIT_OK


# -- workspace ---------------------------------------------------------------------------------


def _workspace_json(services: Any) -> dict[str, Any]:
    return {
        **services.workspace.workflow().to_json(),
        "me": services.workspace.me().to_json(),
        "users": [u.to_json() for u in services.workspace.users()],
    }


def _workspace_text(data: dict[str, Any]) -> str:
    lines = [
        f"Approval required: {'yes' if data['approval_required'] else 'no'}",
        f"Grace period for missed posts: {data['grace_minutes']} minutes",
        f"You: {data['me']['name']} ({data['me']['role']})",
        "People:",
    ]
    lines += [f"  {u['name']}\t{u['role']}" for u in data["users"]]
    return "\n".join(lines)


def cmd_workspace_show(args: argparse.Namespace) -> int:
    data = _workspace_json(_services(args))
    _out(args, data, _workspace_text(data))
    return EXIT_OK


def cmd_workspace_set(args: argparse.Namespace) -> int:
    services = _services(args)
    approval = None if args.approval_required is None else args.approval_required == "yes"
    services.workspace.set_workflow(approval_required=approval, grace_minutes=args.grace_minutes)
    data = _workspace_json(services)
    _out(args, data, _workspace_text(data))
    return EXIT_OK


def cmd_workspace_role(args: argparse.Namespace) -> int:
    info = _services(args).workspace.set_role(args.user, args.role)
    _out(args, info.to_json(), f"{info.name} is now {info.role.value}.")
    return EXIT_OK


# -- brand ------------------------------------------------------------------------------------


def cmd_brand_save(args: argparse.Namespace) -> int:
    from publisher.domain.brand import BrandProfile

    raw = _read_body(args.file)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError("cli.bad_json", path=args.file, line=exc.lineno, reason=exc.msg) from None
    profile = BrandProfile.from_json(data)
    services = _services(args)
    saved = services.brands.save(profile)
    if args.default:
        services.brands.set_default(saved.name)
    _out(args, saved.to_json(), f"Saved brand profile '{saved.name}'.")
    return EXIT_OK


def cmd_brand_list(args: argparse.Namespace) -> int:
    services = _services(args)
    profiles = services.brands.all()
    default = services.brands.default_name()
    lines = [p.name + ("  (default)" if p.name == default else "") for p in profiles]
    data = [{**p.to_json(), "default": p.name == default} for p in profiles]
    _out(args, data, "\n".join(lines) if lines else "No brand profiles yet.")
    return EXIT_OK


def cmd_brand_show(args: argparse.Namespace) -> int:
    profile = _services(args).brands.get(args.name)
    print(json.dumps(profile.to_json(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_brand_remove(args: argparse.Namespace) -> int:
    profile = _services(args).brands.remove(args.name)
    _out(args, profile.to_json(), f"Removed brand profile '{profile.name}'.")
    return EXIT_OK


# -- compose ----------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from publisher.compose import check_text
    from publisher.services.compose import ComposeService
    from publisher.text import KINDS, kind_info

    body = _read_body(args.file)
    brand = None
    if args.channel or args.brand:
        services = _services(args)
        targets = services.compose.targets(kinds=args.kind, channels=args.channel)
        if args.brand:
            brand = services.brands.get(args.brand)
    else:
        for kind in args.kind:
            kind_info(kind)
        targets = ComposeService.kind_targets(args.kind or list(KINDS))
    results = [check_text(body, t, brand=brand) for t in targets]
    if args.json:
        print(json.dumps({"results": [r.to_json() for r in results]}, indent=2, ensure_ascii=False))
    else:
        for r in results:
            limit = f"{r.limit}" if r.limit is not None else "∞"
            parts = f", {r.parts} parts as a thread" if r.parts > 1 else ""
            print(f"{'ok ' if r.ok else 'NO '} {r.target.name:<12} {r.length} / {limit} {r.unit}{parts}")
            for p in r.to_json()["problems"]:
                print(f"      {p['severity']}: {p['message']}")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def cmd_render(args: argparse.Namespace) -> int:
    from publisher.text import render

    body = _read_body(args.file)
    rendered = render(body, args.kind, split=args.split, numbering=args.numbering)
    if args.json:
        print(json.dumps(rendered.to_json(), indent=2, ensure_ascii=False))
    else:
        for i, part in enumerate(rendered.parts, start=1):
            if len(rendered.parts) > 1:
                print(f"--- {i}/{len(rendered.parts)} ---")
            print(part.text)
    return EXIT_OK


# -- engine -----------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    if args.install_service or args.uninstall_service:
        return _service(args)
    services = _services(args)
    engine = services.engine(mode="headless")
    if args.once:
        report = engine.run_once()
        engine.mark_stopped()
        data = {
            "published": report.published,
            "failed": report.failed,
            "retrying": report.retrying,
            "unconfirmed": report.unconfirmed,
            "handed_off": report.handed_off,
        }
        _out(
            args,
            data,
            f"Published {len(report.published)}, failed {len(report.failed)}, "
            f"retrying {len(report.retrying)}, unconfirmed {len(report.unconfirmed)}, "
            f"handed to the network {len(report.handed_off)}.",
        )
        return EXIT_FAILED if report.failed or report.unconfirmed else EXIT_OK

    if args.inbox_every < 0:
        raise InputError("cli.bad_inbox_every", value=args.inbox_every)

    def _stop(_signum: int, _frame: Any) -> None:
        engine.stop()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    inbox = None
    if args.inbox_every > 0:
        from publisher.services._common import PeriodicTask

        inbox = PeriodicTask("inbox sync", services.inbox.sync, max(args.inbox_every, 0.1) * 60).start()
    if not args.json:
        print(f"Publishing engine running on {services.db.safe_url}; stop with Ctrl+C.", flush=True)
    try:
        engine.run_forever(interval=max(args.interval, 0.5))
    finally:
        if inbox is not None:
            inbox.stop()
    if not args.json:
        print("Publishing engine stopped.", flush=True)
    return EXIT_OK


# -- inbox ------------------------------------------------------------------------------------


def cmd_inbox_sync(args: argparse.Namespace) -> int:
    reports = _services(args).inbox.sync(args.channel)
    lines = []
    for r in reports:
        line = f"{r.channel}: {r.new} new, {r.updated} updated"
        if r.error_code:
            line += f" (failed: {PublisherError(r.error_code, **r.error_params)})"
        lines.append(line)
    _out(args, [r.to_json() for r in reports], "\n".join(lines) if lines else "No channel with an inbox.")
    failed = [r for r in reports if r.error_code]
    return EXIT_FAILED if failed and len(failed) == len(reports) else EXIT_OK


def _one_line(value: str, width: int = 80) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def cmd_inbox_list(args: argparse.Namespace) -> int:
    from publisher.services.inbox import InboxFilter

    if args.limit < 1 or args.offset < 0:
        raise InputError("cli.bad_paging")
    flt = InboxFilter(
        status=args.status,
        channel=args.channel,
        query=args.query,
        assignee=args.assignee,
        tag=args.tag,
        sentiment=args.sentiment,
        campaign=args.campaign,
        kind=args.kind,
        since=_day_or_time(args.since) if args.since else None,
        until=_day_or_time(args.until, end=True) if args.until else None,
    )
    rows = _services(args).inbox.list(flt, limit=args.limit, offset=args.offset)
    lines = [
        f"{r.id}\t{r.status}\t{r.received_at.isoformat(timespec='minutes')}\t{r.channel}\t{r.author}\t"
        f"{r.sentiment}\t{_one_line(r.text)}"
        for r in rows
    ]
    _out(args, [r.to_json() for r in rows], "\n".join(lines) if lines else "No inbox items.")
    return EXIT_OK


def cmd_inbox_show(args: argparse.Namespace) -> int:
    detail = _services(args).inbox.get(args.id)
    row = detail.row
    lines = [
        f"Item {row.id} ({row.kind}) on {row.channel}, {row.received_at.isoformat(timespec='minutes')}, {row.status}"
        + (f", assigned to {row.assignee}" if row.assignee else ""),
        f"From: {row.author_name} {row.author}".rstrip(),
        f"Sentiment: {row.sentiment}" + (f" ({', '.join(detail.sentiment_words)})" if detail.sentiment_words else ""),
    ]
    if detail.url:
        lines.append(f"Link: {detail.url}")
    if detail.post_id is not None:
        lines.append(f"On post {detail.post_id}" + (f" (campaign {detail.campaign})" if detail.campaign else ""))
    if detail.tags:
        lines.append(f"Tags: {', '.join(detail.tags)}")
    lines += ["", detail.full_text]
    others = [t for t in detail.thread if t.id != row.id]
    if others or detail.replies:
        lines += ["", "Conversation:"]
        for t in detail.thread:
            mark = ">" if t.id == row.id else " "
            lines.append(f"{mark} {t.id} {t.received_at.isoformat(timespec='minutes')} {t.author}: {_one_line(t.text)}")
        for reply in detail.replies:
            state = "" if reply.state == "sent" else f" [{reply.state}]"
            lines.append(f"  us ({reply.author}){state}: {_one_line(reply.text)}")
    _out(args, detail.to_json(), "\n".join(lines))
    return EXIT_OK


def _day_or_time(value: str, *, end: bool = False) -> Any:
    """``YYYY-MM-DD`` is that local day's start (or, with ``end``, the next day's start); else ISO-8601 with offset."""
    from datetime import date, datetime, time, timedelta

    from publisher.timezones import local_zone_name, parse_aware, zone

    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        return parse_aware(value)
    if end:
        day += timedelta(days=1)
    return datetime.combine(day, time(0), tzinfo=zone(local_zone_name()))


def cmd_inbox_reply(args: argparse.Namespace) -> int:
    services = _services(args)
    body = services.saved_replies.render(args.saved, args.id) if args.saved else _read_body(args.file)
    if not body.strip():
        raise InputError("inbox.reply_empty")
    reply = services.inbox.reply(args.id, body)
    _out(args, reply.to_json(), f"Replied to item {args.id}: {reply.remote_url or reply.remote_id}")
    return EXIT_OK


def cmd_inbox_done(args: argparse.Namespace) -> int:
    ids = _services(args).inbox.set_status(args.id, "done")
    _out(args, {"done": ids}, "Done: " + ", ".join(str(i) for i in ids))
    return EXIT_OK


def cmd_inbox_assign(args: argparse.Namespace) -> int:
    assignee = None if args.nobody else args.to.strip() or None
    ids = _services(args).inbox.assign(args.id, assignee)
    who = assignee or "nobody"
    _out(args, {"assigned": ids, "assignee": assignee}, f"Assigned to {who}: " + ", ".join(str(i) for i in ids))
    return EXIT_OK


def cmd_inbox_saved_list(args: argparse.Namespace) -> int:
    replies = _services(args).saved_replies.list()
    lines = [f"{r.id}\t{r.title}\t{_one_line(r.body, 60)}" for r in replies]
    _out(args, [r.to_json() for r in replies], "\n".join(lines) if lines else "No saved replies.")
    return EXIT_OK


def cmd_inbox_saved_add(args: argparse.Namespace) -> int:
    body = _read_body(args.file)
    service = _services(args).saved_replies
    saved = service.update(args.title, body=body) if args.replace else service.add(args.title, body)
    _out(args, saved.to_json(), f"Saved reply {saved.id}: {saved.title}")
    return EXIT_OK


def cmd_inbox_saved_remove(args: argparse.Namespace) -> int:
    _services(args).saved_replies.remove(args.title)
    _out(args, {"removed": args.title}, f"Removed the saved reply '{args.title}'.")
    return EXIT_OK


# -- contacts ---------------------------------------------------------------------------------


def _handles_text(handles: Any) -> str:
    return ", ".join(f"{h.handle} ({h.channel_kind})" for h in handles)


def cmd_contact_list(args: argparse.Namespace) -> int:
    if args.limit < 1 or args.offset < 0:
        raise InputError("cli.bad_paging")
    rows = _services(args).contacts.list(args.query, tag=args.tag, limit=args.limit, offset=args.offset)
    lines = [
        f"{r.id}\t{r.name}\t{_handles_text(r.handles)}\t{r.message_count}\t{', '.join(r.tags)}".rstrip() for r in rows
    ]
    _out(args, [r.to_json() for r in rows], "\n".join(lines) if lines else "No contacts.")
    return EXIT_OK


def _contact_lines(detail: Any) -> list[str]:
    lines = [f"Contact {detail.id}: {detail.name}"]
    for h in detail.handles:
        name = f' "{h.network_name}"' if h.network_name else ""
        lines.append(f"  {h.channel_kind}: {h.handle}{name}, {h.message_count} message(s) (id {h.id})")
    lines.append(f"Tags: {', '.join(detail.tags) if detail.tags else '-'}")
    seen = ""
    if detail.first_seen is not None and detail.last_seen is not None:
        first = detail.first_seen.isoformat(timespec="minutes")
        seen = f", first {first}, last {detail.last_seen.isoformat(timespec='minutes')}"
    lines.append(f"Messages: {detail.message_count}{seen}")
    if detail.notes:
        lines += ["", "Notes:", *(f"  {line}" for line in detail.notes.splitlines())]
    if detail.history:
        lines += ["", "History (newest first):"]
        for m in detail.history:
            when = m.received_at.isoformat(timespec="minutes")
            lines.append(f"  {m.item_id}\t{when}\t{m.channel}\t{m.kind}\t{m.status}\t{_one_line(m.text, 60)}")
    return lines


def cmd_contact_show(args: argparse.Namespace) -> int:
    detail = _services(args).contacts.get(args.id)
    _out(args, detail.to_json(), "\n".join(_contact_lines(detail)))
    return EXIT_OK


def cmd_contact_merge(args: argparse.Namespace) -> int:
    detail = _services(args).contacts.merge(args.id, args.into_id)
    _out(args, detail.to_json(), f"Merged contact {args.id} into {detail.id}.\n" + "\n".join(_contact_lines(detail)))
    return EXIT_OK


def cmd_contact_unmerge(args: argparse.Namespace) -> int:
    detail = _services(args).contacts.unmerge(args.id)
    _out(args, detail.to_json(), f"Split contact {detail.id} off.\n" + "\n".join(_contact_lines(detail)))
    return EXIT_OK


def cmd_contact_tag(args: argparse.Namespace) -> int:
    detail = _services(args).contacts.tag(args.id, args.tag, remove=args.remove)
    _out(args, detail.to_json(), f"Contact {detail.id} tags: {', '.join(detail.tags) if detail.tags else '-'}")
    return EXIT_OK


def cmd_contact_note(args: argparse.Namespace) -> int:
    body = _read_body(args.file)
    detail = _services(args).contacts.set_notes(args.id, body)
    _out(args, detail.to_json(), f"Saved the notes of contact {detail.id} ({len(detail.notes)} characters).")
    return EXIT_OK


def cmd_contact_rename(args: argparse.Namespace) -> int:
    detail = _services(args).contacts.rename(args.id, args.name)
    _out(args, detail.to_json(), f"Contact {detail.id} is now called {detail.name}.")
    return EXIT_OK


def _service(args: argparse.Namespace) -> int:
    """``run --install-service`` / ``--uninstall-service``: the database is not opened, only named."""
    from publisher.messages import text
    from publisher.services import service_install

    definition = service_install.definition_for_this_system(
        db_url=resolve_db_url(args.db) if args.db else None, interval=args.interval
    )
    act = service_install.install if args.install_service else service_install.uninstall
    report = act(definition)
    _out(args, report.to_json(), "\n".join(_service_lines(report, text)))
    return EXIT_OK


def _service_lines(report: Any, text: Callable[..., str]) -> list[str]:
    from publisher.services.service_install import TASK_NAME

    d = report.definition
    where = str(d.path) if d.path else TASK_NAME
    lines: list[str] = []
    failed = next((s for s in report.steps if not s.result.ok), None)
    if report.action == "install":
        if d.path is None:
            lines.append(text("service.task_created", task=TASK_NAME, command=d.content))
        else:
            lines.append(text("service.replaced" if report.replaced else "service.installed", path=where))
        if report.manual:
            assert failed is not None
            if failed.result.returncode is None:
                lines.append(text("service.manager_missing", program=failed.command[0]))
            else:
                reason = failed.result.output or f"exit status {failed.result.returncode}"
                lines.append(text("service.manager_refused", command=" ".join(failed.command), reason=reason))
            lines += [f"  {line}" for line in report.manual]
        else:
            lines.append(text("service.running", status=d.status_command))
        if d.logs_command:
            lines.append(text("service.logs", logs=d.logs_command))
        if d.db_from_environment:
            if d.env_file is not None:
                lines.append(text("service.db_from_environment", env_file=str(d.env_file)))
            else:
                lines.append(text("service.db_from_environment_pgpass"))
        return lines
    if not report.changed:
        return [text("service.not_installed", path=where)]
    lines.append(
        text("service.task_deleted", task=TASK_NAME) if d.path is None else text("service.uninstalled", path=where)
    )
    if report.manual:
        assert failed is not None
        reason = failed.result.output or f"exit status {failed.result.returncode}"
        lines.append(text("service.uninstall_manual", command=" ".join(failed.command), reason=reason))
        lines += [f"  {line}" for line in report.manual]
    return lines


_HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("gui", None): cmd_gui,
    ("demo", None): cmd_demo,
    ("channel", "add"): cmd_channel_add,
    ("channel", "list"): cmd_channel_list,
    ("channel", "remove"): cmd_channel_remove,
    ("channel", "rename"): cmd_channel_rename,
    ("channel", "check"): cmd_channel_check,
    ("post", "create"): cmd_post_create,
    ("post", "list"): cmd_post_list,
    ("post", "show"): cmd_post_show,
    ("post", "retry"): cmd_post_retry,
    ("post", "submit"): lambda args: _post_step(args, "submit"),
    ("post", "approve"): lambda args: _post_step(args, "approve"),
    ("post", "send-back"): lambda args: _post_step(args, "send-back"),
    ("post", "unschedule"): lambda args: _post_step(args, "unschedule"),
    ("post", "comment"): cmd_post_comment,
    ("post", "edit"): cmd_post_edit,
    ("post", "cancel"): cmd_post_cancel,
    ("post", "move"): cmd_post_move,
    ("post", "match"): cmd_post_match,
    ("workspace", "show"): cmd_workspace_show,
    ("workspace", "set"): cmd_workspace_set,
    ("workspace", "role"): cmd_workspace_role,
    ("brand", "save"): cmd_brand_save,
    ("brand", "list"): cmd_brand_list,
    ("brand", "show"): cmd_brand_show,
    ("brand", "remove"): cmd_brand_remove,
    ("check", None): cmd_check,
    ("render", None): cmd_render,
    ("run", None): cmd_run,
    ("inbox", "sync"): cmd_inbox_sync,
    ("inbox", "list"): cmd_inbox_list,
    ("inbox", "show"): cmd_inbox_show,
    ("inbox", "reply"): cmd_inbox_reply,
    ("inbox", "done"): cmd_inbox_done,
    ("contact", "list"): cmd_contact_list,
    ("contact", "show"): cmd_contact_show,
    ("contact", "merge"): cmd_contact_merge,
    ("contact", "unmerge"): cmd_contact_unmerge,
    ("contact", "tag"): cmd_contact_tag,
    ("contact", "note"): cmd_contact_note,
    ("contact", "rename"): cmd_contact_rename,
    ("inbox", "assign"): cmd_inbox_assign,
    ("inbox", "saved-list"): cmd_inbox_saved_list,
    ("inbox", "saved-add"): cmd_inbox_saved_add,
    ("inbox", "saved-remove"): cmd_inbox_saved_remove,
}


def make_demo_workspace() -> tuple[str, Path]:
    """A throwaway SQLite database and feed folder under the system's temporary directory."""
    folder = Path(tempfile.mkdtemp(prefix="publisher-demo-"))
    return f"sqlite:///{folder / 'demo.sqlite3'}", folder
