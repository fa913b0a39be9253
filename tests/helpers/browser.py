"""What the browser suite covers: page widths (phone, desktop) and languages (left-to-right, right-to-left)."""

WIDTHS = (375, 1280)
LANGUAGES = ("sv", "ar")
