"""English sentences for the error codes the connectors raise (wired into :mod:`publisher.messages` by the lead).

Plain data: importing this module imports nothing else.
"""

from __future__ import annotations

CHANNEL_MESSAGES: dict[str, str] = {
    # the shared HTTP layer
    "channel.insecure_url": "'{url}' is not encrypted. Use an address starting with https:// (plain http:// is "
    "only allowed for this computer, e.g. http://127.0.0.1).",
    "channel.connect_failed": "{host} could not be reached; trying again later.",
    "channel.tls_error": "The secure connection to {host} failed (its certificate was not accepted). Check the "
    "address and the computer's date and time; trying again later.",
    "channel.read_failed": "{host} stopped answering; trying again later.",
    "channel.no_response": "{host} did not answer after the request was sent, so it is not known whether it "
    "was applied.",
    "channel.http_error": "Talking to {host} failed; trying again later.",
    "channel.server_error": "{host} had a server error (HTTP {status}); trying again later.",
    "channel.remote_not_found": "{host} does not know that item (HTTP 404); it may have been deleted.",
    "channel.unexpected_redirect": "{host} redirected the request elsewhere (HTTP {status}). Check the channel's "
    "address.",
    "channel.not_json": "The server answered with something that is not data from its API ({content_type}), "
    "for example a login page. Check the channel's address.",
    "channel.unexpected_response": "The server's answer to {endpoint} is not what its API documents.",
    # Mastodon
    "mastodon.url_required": "A Mastodon channel needs the instance's address, e.g. https://mastodon.social.",
    "mastodon.url_has_path": "'{url}' is not an instance address. Give only the instance, e.g. "
    "https://mastodon.social, without a path.",
    "mastodon.empty_status": "The post is empty. Write some text or attach an image.",
    "mastodon.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). "
    "Attach it again.",
    "mastodon.too_many_media": "The post has {count} attachments; this instance takes at most {max}. Remove some.",
    "mastodon.media_processing": "The instance is still processing {filename}; trying again later.",
    "mastodon.schedule_too_soon": "Mastodon can only schedule posts at least {minutes} minutes ahead.",
    "mastodon.schedule_thread": "This post becomes a thread of {parts} posts; Mastodon can only schedule single "
    "posts. Shorten it or let Publisher send it at the time.",
    # signing in (OAuth)
    "oauth.timeout": "The sign-in was not completed within {seconds} seconds. Start it again.",
    "oauth.state_mismatch": "The sign-in answer did not belong to this sign-in, so it was ignored. Start it again.",
    "oauth.denied": "The sign-in was refused ({error}). Start it again and allow access.",
    "oauth.no_code": "The network's sign-in answer had no authorization code. Start it again.",
}
