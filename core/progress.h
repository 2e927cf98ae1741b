#pragma once

#include <QString>

#include <cstdint>
#include <functional>

namespace vigil {

/// One progress report from a long core/ml operation.
struct Progress {
    std::int64_t done = 0;    ///< units finished (rows, bytes, batches…)
    std::int64_t total = 0;   ///< 0 when unknown
    QString stage;            ///< short human-readable stage, e.g. "Parsing"
};

/// Long operations call this now and then; returning false asks them to stop (they then
/// return ErrorCode::Cancelled). Callers must keep it cheap: it may be called per batch.
using ProgressFn = std::function<bool(const Progress &)>;

/// Calls \a fn when set; a null callback never cancels.
inline bool report(const ProgressFn &fn, std::int64_t done, std::int64_t total, const QString &stage = {})
{
    return !fn || fn(Progress{done, total, stage});
}

} // namespace vigil
