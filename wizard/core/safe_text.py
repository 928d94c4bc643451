"""Text from files made harmless to print, show or put in a spreadsheet.

Text read from a pack or a file name comes from whoever made the file. Printed
raw, an escape sequence could clear the commissioner's screen or rewrite a
line to say the signature is good, a newline could add a line of its own, and
a cell starting with '=' runs as a formula when a CSV is opened in a
spreadsheet. Kept in the domain so the commands, the ICB's reports and the
reviewer window all make text safe the same way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

# C0 and C1 control characters (escape sequences start with one), the line and
# paragraph separators, and the marks that reverse the direction of text.
UNSAFE_IN_JSON = "\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"  # JSON leaves these raw
_CONTROL = re.compile(f"[\x00-\x1f{UNSAFE_IN_JSON}]")
_FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")  # and the full-width forms Excel also reads


def plain(text: object) -> str:
    """``text`` as one printable line: every control character becomes '?'."""
    return _CONTROL.sub("?", str(text))


def csv_cell(text: object) -> str:
    """A cell a spreadsheet shows as text: plain, and never the start of a formula."""
    cell = plain(text)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_bytes(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> bytes:
    """A CSV of ``rows`` with every cell made safe, with a BOM so Excel reads £ and ’."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(row.get(key, "")) for key in columns})
    return text.getvalue().encode("utf-8-sig")
