#pragma once

#include <QString>
#include <QStringList>

namespace vigil {

/// Escapes text for HTML element content and attribute values (& < > " ').
QString htmlEscape(const QString &text);

/// One CSV cell (RFC 4180 quoting). Cells that a spreadsheet would run as a formula — beginning
/// with = + - @, a tab or a carriage return — are neutralised with a leading apostrophe, so
/// attacker-controlled log content cannot become `=cmd|' /C calc'!A0` in an analyst's Excel.
QString csvCell(const QString &text);

/// A CSV line of cells (without the line break).
QString csvRow(const QStringList &cells);

} // namespace vigil
