"""Phone numbers as ``tel:`` targets, by Swedish rules (one rule for every link on the site)."""

import re

# Area and mobile numbers have at least seven digits with the trunk 0; shorter ones (112,
# 114 14, 1177, 116 111) are short numbers dialled as they are, never with +46.
SHORT_NUMBER_MAX_DIGITS = 6


def tel_href(number):
    """'018-727 00 00' -> '+4618727000', '0046 18 …' -> '+4618…', '114 14' -> '11414'."""
    text = str(number or "").strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0") and len(digits) > SHORT_NUMBER_MAX_DIGITS:
        return "+46" + digits[1:]
    return digits
