"""The editorial state machine: the only code that changes `Article.status`.

The contract, for admin buttons, bulk actions, commands and importers:

- `submit`, `return_to_author`, `publish` (optional `at=` for an embargo), `correct`, `withdraw`,
  `restore_version` — each takes the article, then keyword-only `user=` (a person, or `SYSTEM` for
  a command run on the server; a missing user raises) and `note=` where it applies; it checks
  permission and state, changes only the fields it owns in one transaction, records the
  transition, and on commit sends its signal (`articles.workflow.signals`) and its notices. It
  raises `PermissionDenied` or `WorkflowError` with a message a person can act on.
- `discard(article, user=, note=)`: whoever made a draft sets it aside (a duplicate import); it
  leaves the lists and stays on record.
- `take(article, user=)`: a desk editor takes a submitted story to edit it; recorded, the text and
  the revision untouched.
- `save_edit(article, user=, data=, base_revision=)` saves new text (every body is processed the
  same way) after checking nobody saved since `base_revision`; `EditConflictError` when somebody did.
- `rules`: who may do what (`is_desk`, `can_edit`, `available_transitions`, ...).

The roles and the matrix they enforce are described in docs/workflow.md.
"""

from articles.workflow.edits import EditConflictError, check_revision, process_body, save_edit
from articles.workflow.record import history_of, return_note, withdrawal
from articles.workflow.rules import (
    CORRECT,
    DISCARD,
    PUBLISH,
    RETURN,
    SCHEDULE,
    SUBMIT,
    SYSTEM,
    TAKE,
    WITHDRAW,
    SystemActor,
    available_transitions,
    can_edit,
    is_desk,
    is_embargoed,
    is_owner,
)
from articles.workflow.transitions import (
    RESTORABLE_FIELDS,
    WorkflowError,
    correct,
    discard,
    publish,
    restore_version,
    return_to_author,
    submit,
    take,
    withdraw,
)

__all__ = [
    "CORRECT",
    "DISCARD",
    "EditConflictError",
    "PUBLISH",
    "RESTORABLE_FIELDS",
    "RETURN",
    "SCHEDULE",
    "SUBMIT",
    "SYSTEM",
    "TAKE",
    "WITHDRAW",
    "SystemActor",
    "WorkflowError",
    "available_transitions",
    "can_edit",
    "check_revision",
    "correct",
    "discard",
    "history_of",
    "is_desk",
    "is_embargoed",
    "is_owner",
    "process_body",
    "publish",
    "restore_version",
    "return_to_author",
    "save_edit",
    "submit",
    "take",
    "withdraw",
    "withdrawal",
    "return_note",
]
