#pragma once

#include "core/query/compiler.h"
#include "core/query/fields.h"
#include "core/result.h"

#include <cmath>
#include <limits>
#include <vector>

namespace vigil::sql {
class Database;
}

namespace vigil::query {

/// One data column of a dataset table (`ds_<id>`), from `datasets.columns_json`.
struct DatasetColumn {
    QString name;      ///< original name, for headers
    QString field;     ///< name in the filter language (sanitised, unique)
    QString sqlName;   ///< c0, c1, … (validated against the contract, never data)
    FieldType type = FieldType::Text;
};

/// What the analyst views read: a dataset's table and columns, the run whose scores are shown,
/// and the filter fields over them. Table aliases in generated SQL: `d` (dataset rows), `s`
/// (scores of the run), `lr` / `le` (record / entity labels).
struct DatasetSource {
    std::int64_t datasetId = 0;
    std::int64_t runId = 0;        ///< 0: no scores
    QString table;                 ///< quoted identifier of ds_<id>
    std::vector<DatasetColumn> columns;
    double threshold = std::numeric_limits<double>::quiet_NaN(); ///< the run's threshold
    QString timestampField;        ///< first timestamp column's field name, or empty
    QString entityField;           ///< the default entity column (first address column), or empty
    FieldSet fields;

    /// FROM clause joining the dataset, the run's scores and (optionally) labels. With a run it
    /// starts from `scores` so that ordering by score walks the scores_by_score index.
    QString fromClause(bool withLabels, const QString &entityField = {}) const;
    /// Like fromClause(), but forcing a sequential scan of the dataset table with each row's
    /// score looked up by primary key (CROSS JOIN fixes SQLite's join order). Faster than
    /// fromClause() when most rows are visited: no random access into the dataset table.
    QString scanFromClause(bool withLabels, const QString &entityField = {}) const;
    /// SQL expression of the effective label (record label, else entity label, else 'none').
    QString labelExpression(const QString &entityField = {}) const;
    const DatasetColumn *column(const QString &field) const;
    bool hasThreshold() const { return std::isfinite(threshold); }
    /// `SELECT rid, skey …`: every record with an \a entityField value and a time, keyed by its
    /// session (that value's events with no pause over \a gapSeconds) as "value|first second",
    /// stable across rebuilds, and the session's first time as sstart. Empty when the data set
    /// has no such column or no timestamp.
    QString sessionKeysSelect(const QString &entityField, double gapSeconds) const;
};

/// Reads the dataset's description and the run's threshold and builds the field set: score,
/// severity, cluster, x, y, label, tags, note, rid, line, time (alias of the first timestamp
/// column), then one field per data column (a name that clashes with these gets a `col_`
/// prefix). Text columns whose name says they hold addresses (ip, addr, *_ip, orig_h…) get
/// type ip.
Result<DatasetSource> loadDatasetSource(sql::Database &db, std::int64_t datasetId, std::int64_t runId);

/// True when a column name suggests it holds IP addresses.
bool looksLikeAddressColumn(const QString &name);

} // namespace vigil::query
