#include "core/sessions/sessions.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vigil {

namespace {

constexpr std::int64_t kProgressEvery = 65536;

QString valueText(const Column &c, std::int64_t row)
{
    return c.text(row);
}

/// A sortable entity key per row: the dictionary code for text, the number otherwise.
/// Text codes are ordered by their text so that sessions come out the same however the
/// dictionary was built (first-seen order differs between a file and the project store).
std::vector<double> entityKeys(const Column &c)
{
    std::vector<double> keys(size_t(c.size()));
    if (c.isText()) {
        std::vector<std::int32_t> order(c.dictionary.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return c.dictionary[size_t(a)] < c.dictionary[size_t(b)]; });
        std::vector<double> rank(c.dictionary.size());
        for (size_t i = 0; i < order.size(); ++i)
            rank[size_t(order[i])] = double(i);
        for (size_t r = 0; r < keys.size(); ++r) {
            const auto code = c.codes[r];
            keys[r] = code < 0 ? std::numeric_limits<double>::quiet_NaN() : rank[size_t(code)];
        }
    } else {
        keys.assign(c.numbers.begin(), c.numbers.end());
    }
    return keys;
}

} // namespace

Result<Sessions> sessionize(const Table &table, const QString &entityColumn, const QString &timestampColumn, double gapSeconds,
                            ProgressFn progress)
{
    if (!(gapSeconds > 0.0) || !std::isfinite(gapSeconds))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the inactivity gap must be a positive number of seconds (got %1)").arg(gapSeconds));
    const int ei = table.indexOf(entityColumn);
    if (ei < 0)
        return fail(ErrorCode::Mismatch, QStringLiteral("entity column '%1' is not in the table").arg(entityColumn));
    const int ti = table.indexOf(timestampColumn);
    if (ti < 0)
        return fail(ErrorCode::Mismatch, QStringLiteral("timestamp column '%1' is not in the table").arg(timestampColumn));
    const Column &ent = table.columns[size_t(ei)];
    const Column &ts = table.columns[size_t(ti)];
    if (ts.isText())
        return fail(ErrorCode::Mismatch, QStringLiteral("column '%1' holds text, not timestamps; choose a timestamp column").arg(timestampColumn));
    const std::int64_t n = table.rowCount();
    if (ent.size() != n || ts.size() != n)
        return fail(ErrorCode::Corrupt, QStringLiteral("entity/timestamp columns do not have %1 rows").arg(n));

    Sessions out;
    out.entityColumn = entityColumn;
    out.timestampColumn = timestampColumn;
    out.gapSeconds = gapSeconds;

    const auto keys = entityKeys(ent);
    std::vector<std::int64_t> order;
    order.reserve(size_t(n));
    for (std::int64_t r = 0; r < n; ++r) {
        if (std::isnan(keys[size_t(r)]) || !std::isfinite(ts.numbers[size_t(r)]))
            ++out.skippedRows;
        else
            order.push_back(r);
    }
    if (!report(progress, 0, n, QStringLiteral("Sorting events")))
        return fail(ErrorCode::Cancelled, QStringLiteral("sessionization cancelled"));
    // (entity, time, row): row breaks ties so equal timestamps keep file order.
    std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
        const double ka = keys[size_t(a)], kb = keys[size_t(b)];
        if (ka != kb)
            return ka < kb;
        const double ta = ts.numbers[size_t(a)], tb = ts.numbers[size_t(b)];
        if (ta != tb)
            return ta < tb;
        return a < b;
    });

    for (size_t i = 0; i < order.size(); ++i) {
        if (i % kProgressEvery == 0 && !report(progress, std::int64_t(i), std::int64_t(order.size()), QStringLiteral("Splitting sessions")))
            return fail(ErrorCode::Cancelled, QStringLiteral("sessionization cancelled"));
        const auto r = order[i];
        const double t = ts.numbers[size_t(r)];
        const bool fresh = out.sessions.empty() || keys[size_t(r)] != keys[size_t(out.sessions.back().rows.back())]
                           || t - out.sessions.back().end > gapSeconds;
        if (fresh) {
            Session s;
            s.entity = valueText(ent, r);
            s.start = t;
            out.sessions.push_back(std::move(s));
        }
        auto &s = out.sessions.back();
        s.end = t;
        s.rows.push_back(r);
    }
    std::sort(out.sessions.begin(), out.sessions.end(), [](const Session &a, const Session &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.entity != b.entity)
            return a.entity < b.entity;
        return a.rows.front() < b.rows.front();
    });
    report(progress, n, n, QStringLiteral("Splitting sessions"));
    return out;
}

SessionAggregateOptions defaultAggregateOptions(const Table &table)
{
    SessionAggregateOptions o;
    for (const auto &c : table.columns) {
        const QString n = c.name.trimmed().toLower();
        if (n == QLatin1String("path") || n == QLatin1String("uri") || n == QLatin1String("url") || n == QLatin1String("request")
            || n == QLatin1String("service") || n == QLatin1String("method") || n == QLatin1String("id.resp_p")
            || n == QLatin1String("id.resp_h") || n == QLatin1String("user_agent") || n == QLatin1String("query"))
            o.distinctColumns << c.name;
        else if (o.statusColumn.isEmpty() && (n == QLatin1String("status") || n == QLatin1String("status_code")))
            o.statusColumn = c.name;
        else if (!c.isText() && (n.contains(QLatin1String("bytes")) || n == QLatin1String("size")))
            o.sumColumns << c.name;
    }
    return o;
}

Result<Table> sessionAggregates(const Table &table, const Sessions &sessions, const SessionAggregateOptions &options, ProgressFn progress)
{
    const int ti = table.indexOf(sessions.timestampColumn);
    if (ti < 0 || table.columns[size_t(ti)].isText())
        return fail(ErrorCode::Mismatch, QStringLiteral("timestamp column '%1' of the sessions is not a timestamp column of the table").arg(sessions.timestampColumn));
    const Column &ts = table.columns[size_t(ti)];
    std::vector<const Column *> distinct, sums;
    for (const auto &name : options.distinctColumns) {
        const int i = table.indexOf(name);
        if (i < 0)
            return fail(ErrorCode::Mismatch, QStringLiteral("column '%1' (distinct count) is not in the table").arg(name));
        distinct.push_back(&table.columns[size_t(i)]);
    }
    for (const auto &name : options.sumColumns) {
        const int i = table.indexOf(name);
        if (i < 0)
            return fail(ErrorCode::Mismatch, QStringLiteral("column '%1' (sum) is not in the table").arg(name));
        if (table.columns[size_t(i)].isText())
            return fail(ErrorCode::Mismatch, QStringLiteral("column '%1' holds text and cannot be summed").arg(name));
        sums.push_back(&table.columns[size_t(i)]);
    }
    const Column *status = nullptr;
    if (!options.statusColumn.isEmpty()) {
        const int i = table.indexOf(options.statusColumn);
        if (i < 0)
            return fail(ErrorCode::Mismatch, QStringLiteral("status column '%1' is not in the table").arg(options.statusColumn));
        status = &table.columns[size_t(i)];
    }
    for (const auto &s : sessions.sessions) {
        for (const auto r : s.rows) {
            if (r < 0 || r >= table.rowCount())
                return fail(ErrorCode::Mismatch, QStringLiteral("the sessions refer to row %1 but the table has %2 rows; sessionize this table again")
                                                     .arg(r)
                                                     .arg(table.rowCount()));
        }
    }

    const auto num = [](const QString &name, ColumnType type = ColumnType::Real) {
        Column c;
        c.name = name;
        c.type = type;
        return c;
    };
    Column entity;
    entity.name = QStringLiteral("entity");
    entity.type = ColumnType::Text;
    Column start = num(QStringLiteral("start"), ColumnType::Timestamp), end = num(QStringLiteral("end"), ColumnType::Timestamp);
    Column events = num(QStringLiteral("events"), ColumnType::Integer), duration = num(QStringLiteral("duration"));
    Column meanGap = num(QStringLiteral("mean_gap")), rpm = num(QStringLiteral("events_per_minute"));
    std::vector<Column> distinctCols, sumCols, meanCols;
    for (const auto *c : distinct)
        distinctCols.push_back(num(QStringLiteral("distinct_") + c->name, ColumnType::Integer));
    for (const auto *c : sums) {
        sumCols.push_back(num(c->name + QStringLiteral("_sum")));
        meanCols.push_back(num(c->name + QStringLiteral("_mean")));
    }
    Column errors = num(QStringLiteral("error_ratio"));

    QHash<QString, std::int32_t> entityCodes;
    std::vector<double> scratch;
    const auto count = std::int64_t(sessions.sessions.size());
    for (std::int64_t si = 0; si < count; ++si) {
        if (si % 4096 == 0 && !report(progress, si, count, QStringLiteral("Aggregating sessions")))
            return fail(ErrorCode::Cancelled, QStringLiteral("session aggregation cancelled"));
        const Session &s = sessions.sessions[size_t(si)];
        auto it = entityCodes.find(s.entity);
        if (it == entityCodes.end()) {
            it = entityCodes.insert(s.entity, std::int32_t(entity.dictionary.size()));
            entity.dictionary.push_back(s.entity);
        }
        entity.codes.push_back(*it);
        start.numbers.push_back(s.start);
        end.numbers.push_back(s.end);
        const auto n = std::int64_t(s.rows.size());
        const double dur = s.end - s.start;
        events.numbers.push_back(double(n));
        duration.numbers.push_back(dur);
        meanGap.numbers.push_back(n > 1 ? dur / double(n - 1) : 0.0);
        rpm.numbers.push_back(double(n) * 60.0 / std::max(dur, kRateFloorSeconds));
        for (size_t k = 0; k < distinct.size(); ++k) {
            // Sort + unique in a reused buffer: most sessions are short, and a hash set per
            // session would allocate for each of them.
            const Column &c = *distinct[k];
            scratch.clear();
            for (const auto r : s.rows) {
                if (!c.isMissing(r))
                    scratch.push_back(c.isText() ? double(c.codes[size_t(r)]) : c.numbers[size_t(r)]);
            }
            std::sort(scratch.begin(), scratch.end());
            const auto unique = std::unique(scratch.begin(), scratch.end()) - scratch.begin();
            distinctCols[k].numbers.push_back(double(unique));
        }
        for (size_t k = 0; k < sums.size(); ++k) {
            double total = 0.0;
            std::int64_t m = 0;
            for (const auto r : s.rows) {
                const double v = sums[k]->numbers[size_t(r)];
                if (std::isfinite(v)) {
                    total += v;
                    ++m;
                }
            }
            sumCols[k].numbers.push_back(total);
            meanCols[k].numbers.push_back(m ? total / double(m) : std::numeric_limits<double>::quiet_NaN());
        }
        if (status) {
            std::int64_t errs = 0, known = 0;
            for (const auto r : s.rows) {
                const double v = status->isText() ? status->text(r).toDouble() : status->numbers[size_t(r)];
                if (v >= 100 && v < 600) {
                    ++known;
                    if (v >= 400)
                        ++errs;
                }
            }
            errors.numbers.push_back(known ? double(errs) / double(known) : std::numeric_limits<double>::quiet_NaN());
        }
    }
    Q_UNUSED(ts);

    Table out;
    out.columns.push_back(std::move(entity));
    out.columns.push_back(std::move(start));
    out.columns.push_back(std::move(end));
    out.columns.push_back(std::move(events));
    out.columns.push_back(std::move(duration));
    out.columns.push_back(std::move(meanGap));
    out.columns.push_back(std::move(rpm));
    for (auto &c : distinctCols)
        out.columns.push_back(std::move(c));
    if (status)
        out.columns.push_back(std::move(errors));
    for (size_t k = 0; k < sumCols.size(); ++k) {
        out.columns.push_back(std::move(sumCols[k]));
        out.columns.push_back(std::move(meanCols[k]));
    }
    out.recordIds.resize(size_t(count));
    std::iota(out.recordIds.begin(), out.recordIds.end(), std::int64_t(1));
    report(progress, count, count, QStringLiteral("Aggregating sessions"));
    return out;
}

Result<TokenVocabulary> fitVocabulary(const Table &table, const QString &column, int maxTokens)
{
    const int ci = table.indexOf(column);
    if (ci < 0)
        return fail(ErrorCode::Mismatch, QStringLiteral("token column '%1' is not in the table").arg(column));
    if (maxTokens < 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the vocabulary needs at least one token (got %1)").arg(maxTokens));
    const Column &c = table.columns[size_t(ci)];
    QHash<QString, std::int64_t> counts;
    if (c.isText()) {
        std::vector<std::int64_t> perCode(c.dictionary.size(), 0);
        for (const auto code : c.codes) {
            if (code >= 0)
                ++perCode[size_t(code)];
        }
        for (size_t i = 0; i < perCode.size(); ++i) {
            if (perCode[i] > 0)
                counts[c.dictionary[i]] += perCode[i];
        }
    } else {
        for (std::int64_t r = 0; r < c.size(); ++r) {
            if (!c.isMissing(r))
                ++counts[c.text(r)];
        }
    }
    std::vector<std::pair<QString, std::int64_t>> sorted(counts.keyValueBegin(), counts.keyValueEnd());
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    TokenVocabulary v;
    v.column = column;
    for (size_t i = 0; i < sorted.size() && int(i) < maxTokens; ++i)
        v.tokens << sorted[i].first;
    return v;
}

Result<std::vector<std::vector<std::int32_t>>> sessionSequences(const Table &table, const Sessions &sessions,
                                                                const TokenVocabulary &vocabulary, int maxLength)
{
    const int ci = table.indexOf(vocabulary.column);
    if (ci < 0)
        return fail(ErrorCode::Mismatch, QStringLiteral("token column '%1' is not in the table").arg(vocabulary.column));
    if (maxLength < 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the sequence length cap must be at least 1 (got %1)").arg(maxLength));
    const Column &c = table.columns[size_t(ci)];
    QHash<QString, std::int32_t> ids;
    for (int i = 0; i < vocabulary.tokens.size(); ++i)
        ids.insert(vocabulary.tokens[i], std::int32_t(i) + 2);
    // Text columns: one lookup per dictionary entry, not per row.
    std::vector<std::int32_t> perCode;
    if (c.isText()) {
        perCode.resize(c.dictionary.size());
        for (size_t i = 0; i < perCode.size(); ++i)
            perCode[i] = ids.value(c.dictionary[i], TokenVocabulary::kUnknown);
    }
    std::vector<std::vector<std::int32_t>> out;
    out.reserve(sessions.sessions.size());
    for (const auto &s : sessions.sessions) {
        std::vector<std::int32_t> seq;
        const size_t n = std::min(s.rows.size(), size_t(maxLength));
        seq.reserve(n);
        for (size_t k = 0; k < n; ++k) {
            const auto r = s.rows[k];
            if (r < 0 || r >= table.rowCount())
                return fail(ErrorCode::Mismatch, QStringLiteral("the sessions refer to row %1 but the table has %2 rows").arg(r).arg(table.rowCount()));
            if (c.isText()) {
                const auto code = c.codes[size_t(r)];
                seq.push_back(code < 0 ? TokenVocabulary::kUnknown : perCode[size_t(code)]);
            } else {
                seq.push_back(c.isMissing(r) ? TokenVocabulary::kUnknown : ids.value(c.text(r), TokenVocabulary::kUnknown));
            }
        }
        out.push_back(std::move(seq));
    }
    return out;
}

} // namespace vigil
