"""English sentences for the contacts' error codes (for :data:`publisher.messages.MESSAGES`)."""

from __future__ import annotations

CONTACT_MESSAGES: dict[str, str] = {
    "contact.not_found": "There is no contact {id}. See 'publisher contact list'.",
    "contact.none_for_item": "Inbox item {id} has no contact (its author is unknown).",
    "contact.merge_self": "A contact cannot be merged into itself (contact {id}). Name two different contacts.",
    "contact.same_group": "Contacts {id} and {into} are merged already: they are the same person. See "
    "'publisher contact show {into}'.",
    "contact.not_merged": "Contact {id} is not merged with anyone, so there is nothing to split off.",
    "contact.bad_tag": "A contact tag needs 1 to {max} characters.",
    "contact.too_many_tags": "A contact can have at most {max} tags (this would be {count}). Remove some first.",
    "contact.notes_too_long": "The notes are too long: {length} characters, at most {max}. Shorten them.",
    "contact.name_too_long": "The name is too long (at most {max} characters).",
}
