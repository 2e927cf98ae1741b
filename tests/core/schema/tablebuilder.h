#pragma once

// Test helper: builds a vigil::Table from simple comma-separated text (no quoting), so the schema
// tests do not depend on the CSV reader. A column whose non-empty cells all parse as numbers
// becomes Real; others are dictionary-encoded Text; empty cells are missing.

#include "core/table.h"

#include <QFile>
#include <QHash>
#include <QStringList>

#include <limits>

namespace vigil::test {

inline Column makeColumn(const QString &name, const QStringList &cells, bool forceText = false)
{
    Column col;
    col.name = name;
    bool numeric = !forceText;
    for (const auto &c : cells) {
        bool ok = c.isEmpty();
        if (!ok)
            c.toDouble(&ok);
        if (!ok && (c == QLatin1String("inf") || c == QLatin1String("-inf") || c == QLatin1String("nan")))
            ok = true;
        if (!ok) {
            numeric = false;
            break;
        }
    }
    if (numeric) {
        col.type = ColumnType::Real;
        for (const auto &c : cells) {
            if (c.isEmpty() || c == QLatin1String("nan"))
                col.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
            else if (c == QLatin1String("inf"))
                col.numbers.push_back(std::numeric_limits<double>::infinity());
            else if (c == QLatin1String("-inf"))
                col.numbers.push_back(-std::numeric_limits<double>::infinity());
            else
                col.numbers.push_back(c.toDouble());
        }
        return col;
    }
    col.type = ColumnType::Text;
    QHash<QString, int> dict;
    for (const auto &c : cells) {
        if (c.isEmpty()) {
            col.codes.push_back(-1);
            continue;
        }
        auto it = dict.find(c);
        if (it == dict.end()) {
            it = dict.insert(c, int(col.dictionary.size()));
            col.dictionary.push_back(c);
        }
        col.codes.push_back(*it);
    }
    return col;
}

/// \a names: column names; \a lines: rows of comma-separated cells. \a textColumns are kept as
/// text even when numeric.
inline Table makeTable(const QStringList &names, const QStringList &lines, const QStringList &textColumns = {})
{
    std::vector<QStringList> cells(size_t(names.size()));
    for (const auto &line : lines) {
        const auto parts = line.split(QLatin1Char(','));
        for (int i = 0; i < names.size(); ++i)
            cells[size_t(i)] << parts.value(i).trimmed();
    }
    Table t;
    for (int i = 0; i < names.size(); ++i)
        t.columns.push_back(makeColumn(names[i], cells[size_t(i)], textColumns.contains(names[i])));
    for (int r = 0; r < lines.size(); ++r)
        t.recordIds.push_back(r + 1);
    return t;
}

inline QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList out;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty())
            out << line;
    }
    return out;
}

} // namespace vigil::test
