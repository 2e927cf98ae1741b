#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "core/table.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vigil {

/// The inactivity gap the workbench splits sessions at unless told otherwise: 30 minutes, the
/// usual web-analytics session timeout (triage's Sessions view, the inspector, sequence models).
inline constexpr double kDefaultSessionGapSeconds = 1800.0;
/// Events per minute count a span shorter than this as this long: a single request is one event
/// a minute, not sixty (the session aggregates and the triage's Sessions and entity views).
inline constexpr double kRateFloorSeconds = 60.0;

/// Records of one entity (e.g. a client IP) with no pause longer than the inactivity gap.
struct Session {
    QString entity;                    ///< the entity key's value as text
    double start = 0.0;                ///< first event, seconds since the epoch
    double end = 0.0;                  ///< last event
    std::vector<std::int64_t> rows;    ///< table row indices in time order (ties: row order)
};

/// The result of sessionize(): sessions ordered by start time, then entity, then first row.
struct Sessions {
    QString entityColumn;
    QString timestampColumn;
    double gapSeconds = 0.0;
    std::vector<Session> sessions;
    std::int64_t skippedRows = 0;      ///< rows without an entity or a timestamp
};

/// Groups the rows of \a table by \a entityColumn and splits each entity's events where two
/// consecutive ones are more than \a gapSeconds apart. O(n log n); deterministic. Fails with
/// Mismatch when a column is missing or the timestamp column is text, InvalidArgument when the
/// gap is not positive, Cancelled when \a progress says so.
Result<Sessions> sessionize(const Table &table, const QString &entityColumn, const QString &timestampColumn,
                            double gapSeconds, ProgressFn progress = {});

/// Which columns the aggregates summarise; see defaultAggregateOptions().
struct SessionAggregateOptions {
    QStringList distinctColumns;       ///< → distinct_<col>: number of distinct values (paths, services)
    QString statusColumn;              ///< → error_ratio: share of events with status 400–599 ("" = none)
    QStringList sumColumns;            ///< → <col>_sum and <col>_mean (bytes)
};

/// Guesses the options from column names: path/uri/url/request/service/method/id.resp_p for
/// distinct counts, status for error_ratio, *bytes*/size columns for sums.
SessionAggregateOptions defaultAggregateOptions(const Table &table);

/// One row per session, recordIds = 1..N in session order, columns: entity (text), start, end
/// (timestamp), events, duration (s), mean_gap (s), events_per_minute (events per minute over
/// max(duration, kRateFloorSeconds)), distinct_<col>…, error_ratio, <col>_sum, <col>_mean. The result is an
/// ordinary Table: inferSchema/encodeTable encode it like any other.
Result<Table> sessionAggregates(const Table &table, const Sessions &sessions, const SessionAggregateOptions &options,
                                ProgressFn progress = {});

/// Token vocabulary for per-session event sequences, fitted on a training table.
struct TokenVocabulary {
    static constexpr std::int32_t kPad = 0;      ///< padding (sequence shorter than the cap)
    static constexpr std::int32_t kUnknown = 1;  ///< values outside the vocabulary
    QString column;
    QStringList tokens;                           ///< token id = index + 2; most frequent first
};

/// The \a maxTokens most frequent values of \a column (ties by text), missing values excluded.
Result<TokenVocabulary> fitVocabulary(const Table &table, const QString &column, int maxTokens = 256);

/// Per session, the token ids of its first \a maxLength events in time order (no padding).
Result<std::vector<std::vector<std::int32_t>>> sessionSequences(const Table &table, const Sessions &sessions,
                                                                const TokenVocabulary &vocabulary, int maxLength = 64);

} // namespace vigil
