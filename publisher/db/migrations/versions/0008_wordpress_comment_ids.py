"""inbox: WordPress comments get network ids of their own (``comment-<number>``)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23

WordPress numbers posts and comments separately, so post 7 and comment 7 are unrelated, while the inbox knows one
id space per channel: a comment on post N was put into the conversation of comment N. The connector now names a
comment ``comment-<number>`` and keeps the bare number for posts (a delivery's ``remote_id``). Stored data of
``wordpress`` channels follows, so that the next sync finds its items again instead of storing them a second time:

* ``inbox_items.remote_id``: every WordPress inbox item is a comment and gets the prefix.
* ``inbox_replies.remote_id``: an answer sent from the inbox is a comment too and gets the prefix.
* ``inbox_items.in_reply_to_remote_id`` and ``inbox_conversations.root_remote_id`` stay as they are. The connector
  has only ever put there the post a comment is on (an answer to another comment included), and a conversation's
  root was always such a value, so every stored one is a post number: prefixing the ones that happen to equal a
  stored comment's number would make exactly the mistake this revision removes.
* Items that the collision put into another post's conversation go back to the conversation of the post they are
  on (made where the collision merged it away, linked to our post and its campaign when the post is one of our
  deliveries); their answers follow them, and conversations left with neither items nor answers go.

Plain SQL that SQLite and PostgreSQL both run. The downgrade takes the prefix off again; the conversation repair
stays, as it is right for the old ids as well.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PREFIX = "comment-"
_WORDPRESS = "(SELECT id FROM channels WHERE kind = 'wordpress')"
_WORDPRESS_ITEMS = f"(SELECT id FROM inbox_items WHERE channel_id IN {_WORDPRESS})"
# The conversation named after the post an item is on, and our delivery of that post.
_POST_CONVERSATION = (
    "(SELECT c.id FROM inbox_conversations AS c "
    "WHERE c.channel_id = inbox_items.channel_id AND c.root_remote_id = inbox_items.in_reply_to_remote_id)"
)
_DELIVERED = (
    "FROM deliveries AS d WHERE d.channel_id = inbox_conversations.channel_id "
    "AND d.remote_id = inbox_conversations.root_remote_id"
)

UPGRADE = [
    # Re-key: items and answers are comments.
    f"UPDATE inbox_items SET remote_id = '{PREFIX}' || remote_id "
    f"WHERE channel_id IN {_WORDPRESS} AND remote_id NOT LIKE '{PREFIX}%'",
    f"UPDATE inbox_replies SET remote_id = '{PREFIX}' || remote_id "
    f"WHERE remote_id IS NOT NULL AND remote_id NOT LIKE '{PREFIX}%' AND item_id IN {_WORDPRESS_ITEMS}",
    # Repair: a conversation for every post that has comments ...
    "INSERT INTO inbox_conversations (channel_id, root_remote_id, post_id, campaign, last_activity_at, created_at) "
    "SELECT i.channel_id, i.in_reply_to_remote_id, NULL, NULL, MAX(i.received_at), MAX(i.received_at) "
    f"FROM inbox_items AS i WHERE i.channel_id IN {_WORDPRESS} AND i.in_reply_to_remote_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM inbox_conversations AS c "
    "WHERE c.channel_id = i.channel_id AND c.root_remote_id = i.in_reply_to_remote_id) "
    "GROUP BY i.channel_id, i.in_reply_to_remote_id",
    # ... linked to our post (and its campaign) where the post is one of our deliveries ...
    f"UPDATE inbox_conversations SET post_id = (SELECT MIN(d.post_id) {_DELIVERED}), "
    "campaign = (SELECT MIN(p.campaign) FROM deliveries AS d JOIN posts AS p ON p.id = d.post_id "
    "WHERE d.channel_id = inbox_conversations.channel_id AND d.remote_id = inbox_conversations.root_remote_id) "
    f"WHERE post_id IS NULL AND channel_id IN {_WORDPRESS} AND EXISTS (SELECT 1 {_DELIVERED})",
    # ... holds the comments on that post, and their answers follow them ...
    f"UPDATE inbox_items SET conversation_id = {_POST_CONVERSATION} "
    f"WHERE channel_id IN {_WORDPRESS} AND in_reply_to_remote_id IS NOT NULL",
    "UPDATE inbox_replies SET conversation_id = "
    "(SELECT i.conversation_id FROM inbox_items AS i WHERE i.id = inbox_replies.item_id) "
    f"WHERE item_id IN {_WORDPRESS_ITEMS}",
    # ... is as recent as its newest comment; and a conversation emptied by the repair goes.
    "UPDATE inbox_conversations SET last_activity_at = "
    "(SELECT MAX(i.received_at) FROM inbox_items AS i WHERE i.conversation_id = inbox_conversations.id) "
    f"WHERE channel_id IN {_WORDPRESS} AND last_activity_at < "
    "(SELECT MAX(i.received_at) FROM inbox_items AS i WHERE i.conversation_id = inbox_conversations.id)",
    f"DELETE FROM inbox_conversations WHERE channel_id IN {_WORDPRESS} "
    "AND NOT EXISTS (SELECT 1 FROM inbox_items AS i WHERE i.conversation_id = inbox_conversations.id) "
    "AND NOT EXISTS (SELECT 1 FROM inbox_replies AS r WHERE r.conversation_id = inbox_conversations.id)",
]

_BARE = f"SUBSTR(remote_id, {len(PREFIX) + 1})"
DOWNGRADE = [
    f"UPDATE inbox_items SET remote_id = {_BARE} WHERE channel_id IN {_WORDPRESS} AND remote_id LIKE '{PREFIX}%'",
    f"UPDATE inbox_replies SET remote_id = {_BARE} WHERE remote_id LIKE '{PREFIX}%' AND item_id IN {_WORDPRESS_ITEMS}",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
