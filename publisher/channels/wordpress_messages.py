"""English sentences for the WordPress connector's error codes (merged into :mod:`publisher.messages` by the lead).

Plain data: importing this module imports nothing else.
"""

from __future__ import annotations

WORDPRESS_MESSAGES: dict[str, str] = {
    "wordpress.url_required": "A WordPress channel needs the site's address, e.g. https://blog.example.org.",
    "wordpress.handle_required": "A WordPress channel needs the user name of the account that posts (the one "
    "the application password belongs to).",
    "wordpress.auth_failed": "{host} did not accept the user name and application password ({code}: {message}). "
    "Create a new application password under Users > Profile and update the channel; application passwords "
    "work only on https:// sites, and some servers drop the Authorization header.",
    "wordpress.not_allowed": "The WordPress account may not do this ({code}): {message}. Give it a role that "
    "may publish posts and upload files, e.g. Author or Editor.",
    "wordpress.rejected": "WordPress refused the request (HTTP {status}, {code}): {message}",
    "wordpress.empty_post": "The post is empty. Write some text or attach an image.",
    "wordpress.media_missing": "The media file {filename} is no longer in Publisher's media folder ({path}). "
    "Attach it again.",
    "wordpress.schedule_too_soon": "{at} is less than 2 minutes away; WordPress would publish the post at once. "
    "Pick a later time or publish now.",
    "wordpress.not_scheduled": "The WordPress post {remote_id} is no longer scheduled (its status is "
    "'{status}'), so it was not cancelled.",
    "wordpress.bad_remote_id": "'{remote_id}' is not a WordPress post or comment id.",
    "wordpress.empty_reply": "The reply is empty. Write some text.",
    "wordpress.bad_cursor": "'{cursor}' is not a page of WordPress comments.",
}
