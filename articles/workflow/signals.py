"""What the workflow tells the rest of the newsroom, always after the change is committed.

Each signal is sent with `sender=Article` and `article=` the story as it now stands. The page cache,
the front layer and the subscribers' feed listen here (connected in `articles/signals.py`); nothing
that listens can undo or delay the change itself, because the transaction is already over.
"""

from django.dispatch import Signal

article_published = Signal()  # published now, or scheduled (an embargo), or its embargo moved
article_corrected = Signal()  # a public correction was recorded; `note=` carries it
article_withdrawn = Signal()  # taken off the site; `note=` carries why
article_restored = Signal()  # an earlier version's text was brought back
article_edited = Signal()  # the desk saved new text on a story (public or not) outside a transition
