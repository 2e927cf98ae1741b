#pragma once

#include "core/query/ast.h"
#include "core/query/fields.h"
#include "core/query/lexer.h"
#include "core/result.h"

#include <QVariant>

#include <vector>

namespace vigil::sql {
class Statement;
}

namespace vigil::query {

/// A filter ready for SQLite: `where` holds only generated column expressions, operators and
/// `?` placeholders; every literal the user typed is in `params`, in placeholder order.
/// Parameter types: qint64, double, QString, QByteArray (blobs for address ranges).
struct CompiledFilter {
    QString where;                ///< empty when the filter is blank (matches everything)
    std::vector<QVariant> params;
    QStringList fieldsUsed;       ///< canonical names of the fields referenced

    bool isEmpty() const { return where.isEmpty(); }
    /// `where` or "1" for a blank filter, ready to paste after WHERE/AND.
    QString condition() const { return where.isEmpty() ? QStringLiteral("1") : where; }
};

/// Checks a parsed filter against \a fields (names, types, literal syntax) and produces SQL.
///
/// CIDR matching (`ip in 10.0.0.0/8`) compiles to `vigil_ip_in(expr, ?, ?)` with the block's
/// lowest and highest address as 16-byte blobs; register that function on the connection with
/// registerSqlFunctions() (ipaddress.h). Timestamps accept epoch seconds or quoted dates
/// ("2024-03-04 10:00", "2024-03-04T10:00:00Z", "2024-03-04"), read as UTC.
Result<CompiledFilter> compile(const Node *root, const FieldSet &fields, QueryError *error = nullptr);

/// parse() + compile() in one call.
Result<CompiledFilter> compileFilter(const QString &text, const FieldSet &fields, QueryError *error = nullptr);

/// Binds \a params to \a st starting at placeholder \a first; returns the next free index.
int bindParams(sql::Statement &st, const std::vector<QVariant> &params, int first = 1);

/// Parses a timestamp literal to seconds since the epoch (UTC); nullopt when it is not one.
std::optional<double> parseTimestamp(const QString &text);

} // namespace vigil::query
