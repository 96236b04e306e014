"""Date formats per language; Django falls back to its own for anything not set here."""
