"""The desk's roles: Django groups made by migration 0006 (see docs/workflow.md for the matrix)."""

REPORTER = "Reporter"
DESK_EDITOR = "Desk editor"
CHIEF_EDITOR = "Chief editor"

ALL = (REPORTER, DESK_EDITOR, CHIEF_EDITOR)
# Who is told when a story waits for the desk.
DESK = (DESK_EDITOR, CHIEF_EDITOR)
