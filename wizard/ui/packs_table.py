"""The reviewer's table: the folder summary's rows in a sortable model, statuses tinted.

The rows are exactly the CSV's (``folder_report``), so the window and the
command say the same about every pack.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel

from wizard.ui.style import tint

# (CSV column, heading) in the order a reviewer reads them.
SHOWN: tuple[tuple[str, str], ...] = (
    ("signature", "Signature"),
    ("practice", "Practice"),
    ("ods_code", "ODS code"),
    ("signer_ods_code", "Signer's ODS code"),
    ("certificate", "Certificate"),
    ("dspt_status", "DSPT (own estimate)"),
    ("cyber_essentials", "Cyber Essentials (own estimate)"),
    ("answered_percent", "Answered %"),
    ("automatic_fails", "Automatic fails"),
    ("actions", "Actions"),
    ("signed_at", "Signed at"),
    ("duplicate", "Duplicate"),
    ("file", "File"),
    ("problems", "Problems"),
)
TINTED = {"signature", "dspt_status", "cyber_essentials"}
ROW_KEY = Qt.ItemDataRole.UserRole + 1  # the row's position in the list the table was made from
NUMBER = Qt.ItemDataRole.UserRole + 2  # sort numbers as numbers


def _cell(column: str, value: str, index: int) -> QStandardItem:
    item = QStandardItem(value)
    item.setEditable(False)
    item.setData(index, ROW_KEY)
    item.setToolTip(value)
    if column in ("answered_percent", "actions") and value.isdigit():
        item.setData(int(value), NUMBER)
    key = value if column in TINTED else "signature not good" if value in _WARNINGS else ""
    if key in _KNOWN:
        background, text = tint(key)
        item.setBackground(QBrush(background))
        item.setForeground(QBrush(text))
    return item


_WARNINGS = {"revoked", "changed: review", "not on file"}  # a certificate the reviewer must look at
_KNOWN = {
    "signature good",
    "signature not good",
    "no pack",
    "Standards Met",
    "Approaching Standards",
    "Standards Not Met",
    "Not started",
    "Likely to pass",
    "Incomplete",
    "Likely not compliant",
    "Would fail automatically",
}


def table_model(rows: list[dict[str, str]]) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(SHOWN))
    model.setHorizontalHeaderLabels([heading for _, heading in SHOWN])
    for r, row in enumerate(rows):
        for c, (column, _) in enumerate(SHOWN):
            model.setItem(r, c, _cell(column, row.get(column, ""), r))
    return model


class SortedRows(QSortFilterProxyModel):
    """Numbers sort as numbers; everything else as text, ignoring case."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left, right) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt naming)
        a, b = left.data(NUMBER), right.data(NUMBER)
        if a is not None and b is not None:
            return bool(a < b)
        return bool(super().lessThan(left, right))
