"""English formats: dates written out as on agency pages (January 8, 2024)."""

DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, H:i"
