"""English formats: dates written out as on agency pages (January 8, 2024)."""

DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, H:i"
# The desk's lists: short, 24-hour, never the ambiguous 12/03/2026.
SHORT_DATETIME_FORMAT = "M j, Y, H:i"
