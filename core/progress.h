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

/// Maps a sub-step's progress into [\a from, \a to) of a whole measured in thousandths, tagged
/// with \a stage: how a pipeline reports its stages through one progress bar.
inline ProgressFn subRange(const ProgressFn &outer, const QString &stage, int from, int to)
{
    return [outer, stage, from, to](const Progress &p) {
        const double f = p.total > 0 ? double(p.done) / double(p.total) : 0.0;
        return report(outer, std::int64_t(from + (to - from) * f), 1000, stage);
    };
}

} // namespace vigil
