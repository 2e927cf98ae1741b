#pragma once

#include "core/bigalloc.h"

#include <QString>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace vigil {

/// Storage type of a column as read from a file or the project.
enum class ColumnType {
    Text,       ///< dictionary-encoded strings
    Integer,    ///< whole numbers (stored as double; exact up to 2^53)
    Real,       ///< floating point; NaN and ±Inf allowed
    Timestamp,  ///< seconds since the Unix epoch, UTC
};

/// One column of a Table. Text is dictionary-encoded: logs repeat the same values (methods,
/// statuses, user agents) millions of times, and the encoders want category codes anyway.
/// Column storage: large blocks on their own huge-page mapping (see BigAllocator).
using NumberVector = std::vector<double, BigAllocator<double>>;
using CodeVector = std::vector<std::int32_t, BigAllocator<std::int32_t>>;

struct Column {
    QString name;
    ColumnType type = ColumnType::Text;
    NumberVector numbers;               ///< Integer/Real/Timestamp rows; NaN = missing
    CodeVector codes;                   ///< Text rows: index into dictionary, -1 = missing
    std::vector<QString> dictionary;    ///< Text: distinct values, first-seen order

    bool isText() const { return type == ColumnType::Text; }
    std::int64_t size() const { return isText() ? std::int64_t(codes.size()) : std::int64_t(numbers.size()); }
    bool isMissing(std::int64_t row) const
    {
        return isText() ? codes[size_t(row)] < 0 : std::isnan(numbers[size_t(row)]);
    }
    /// The text of \a row (empty when missing); for numeric columns, the number as text.
    QString text(std::int64_t row) const
    {
        if (isText()) {
            const auto c = codes[size_t(row)];
            return c < 0 ? QString() : dictionary[size_t(c)];
        }
        const double v = numbers[size_t(row)];
        return std::isnan(v) ? QString() : QString::number(v, 'g', 17);
    }
    /// The number of \a row; NaN for text or missing values.
    double number(std::int64_t row) const
    {
        return isText() ? std::numeric_limits<double>::quiet_NaN() : numbers[size_t(row)];
    }
};

/// A whole data set in memory, column-wise, in record order. recordIds[i] is the record's id in
/// the project (its `rid`), or i + 1 when read straight from a file.
struct Table {
    std::vector<Column> columns;
    std::vector<std::int64_t> recordIds;

    std::int64_t rowCount() const { return std::int64_t(recordIds.size()); }
    int indexOf(const QString &name) const
    {
        for (size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].name == name)
                return int(i);
        }
        return -1;
    }
};

} // namespace vigil
