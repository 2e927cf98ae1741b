// Fitting (once, on the training table) and encoding (any table, never refits).

#include "core/schema/schema.h"
#include "core/schema/schema_p.h"
#include "core/io/geoip.h"

#include <QHash>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace vigil {

namespace {

constexpr std::int64_t kChunkBytes = 512 * 1024;

Error columnError(ErrorCode code, const QString &column, const QString &what)
{
    return Error{code, QStringLiteral("column '%1': %2").arg(column, what)};
}

/// Numbers of \a column for numeric encoders: numeric columns as they are; text columns parsed
/// per dictionary entry (a CSV column with one stray word is read as text), unparsable = NaN.
std::vector<double> numbersOfText(const Column &column)
{
    std::vector<double> perCode(column.dictionary.size());
    for (size_t i = 0; i < perCode.size(); ++i) {
        bool ok = false;
        const QString &t = column.dictionary[i];
        double v = t.trimmed().toDouble(&ok);
        if (!ok) {
            const QString l = t.trimmed().toLower();
            if (l == QLatin1String("inf") || l == QLatin1String("infinity") || l == QLatin1String("+infinity"))
                v = std::numeric_limits<double>::infinity(), ok = true;
            else if (l == QLatin1String("-inf") || l == QLatin1String("-infinity"))
                v = -std::numeric_limits<double>::infinity(), ok = true;
        }
        perCode[i] = ok ? v : std::numeric_limits<double>::quiet_NaN();
    }
    return perCode;
}

template<typename Fn>
void forEachNumber(const Column &column, Fn &&fn)
{
    if (column.isText()) {
        const auto perCode = numbersOfText(column);
        for (const auto c : column.codes)
            fn(c < 0 ? std::numeric_limits<double>::quiet_NaN() : perCode[size_t(c)]);
    } else {
        for (const double v : column.numbers)
            fn(v);
    }
}

/// Keeps categories by count (>= minFrequency, at most topK), then orders them: by count
/// (ties by name) or, for profiles, by name. Sets hasOther when anything was cut.
void fitCategories(ColumnSpec &s, std::vector<std::pair<QString, std::int64_t>> kept, std::int64_t distinct)
{
    if (s.sortCategoriesByName)
        std::sort(kept.begin(), kept.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    s.categories.clear();
    for (const auto &p : kept)
        s.categories << p.first;
    s.hasOther = std::int64_t(kept.size()) < distinct;
}

Result<void> fitColumn(const Column &col, ColumnSpec &s)
{
    s.categories.clear();
    s.hasOther = false;
    s.geo = false;
    s.countries.clear();
    s.countriesHaveOther = false;
    s.geoNote.clear();
    s.shift = 0.0;
    s.scale = 1.0;
    s.low = s.high = 0.0;
    if (s.role == Role::Label || s.role == Role::Ignore)
        s.encoding = Encoding::None;
    s.topK = std::max(0, s.topK);
    s.minFrequency = std::max<std::int64_t>(1, s.minFrequency);

    switch (s.encoding) {
    case Encoding::None:
        break;
    case Encoding::OneHot: {
        auto counts = detail::countCategories(col, s.minFrequency, s.topK);
        fitCategories(s, std::move(counts.top), counts.distinct);
        break;
    }
    case Encoding::TimeParts:
        if (col.isText())
            return tl::unexpected(columnError(ErrorCode::Mismatch, s.name, QStringLiteral("hour/weekday encoding needs a timestamp column, but it holds text")));
        break;
    case Encoding::IpParts: {
        if (!col.isText())
            return tl::unexpected(columnError(ErrorCode::Mismatch, s.name, QStringLiteral("IP encoding needs a text column of addresses, but it holds numbers")));
        std::vector<std::int64_t> perCode(col.dictionary.size(), 0);
        for (const auto c : col.codes) {
            if (c >= 0)
                ++perCode[size_t(c)];
        }
        QHash<QString, std::int64_t> prefixes;
        std::int64_t unparsed = 0;
        for (size_t i = 0; i < perCode.size(); ++i) {
            if (perCode[i] == 0)
                continue;
            if (auto ip = detail::parseIp(col.dictionary[i]))
                prefixes[detail::ipPrefix(*ip)] += perCode[i];
            else
                unparsed += perCode[i];
        }
        // Top-K by count (ties by name), at least minFrequency; returns the kept and the number
        // of distinct values.
        const auto topOf = [&](const QHash<QString, std::int64_t> &all) {
            std::vector<std::pair<QString, std::int64_t>> counts;
            for (auto it = all.cbegin(); it != all.cend(); ++it)
                counts.emplace_back(it.key(), it.value());
            const auto distinct = std::int64_t(counts.size());
            std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            std::vector<std::pair<QString, std::int64_t>> kept;
            for (const auto &p : counts) {
                if (p.second < s.minFrequency)
                    continue;
                if (s.topK > 0 && int(kept.size()) >= s.topK)
                    break;
                kept.push_back(p);
            }
            return std::make_pair(std::move(kept), distinct);
        };
        auto [kept, distinct] = topOf(prefixes);
        fitCategories(s, std::move(kept), distinct);
        // Country and region where the GeoIP database is installed; otherwise the blocks are
        // left out and geoNote says why (the schema stays usable without them).
        s.geo = detail::geoAvailable(&s.geoNote);
        s.countries.clear();
        s.countriesHaveOther = false;
        if (s.geo) {
            QHash<QString, std::int64_t> countries;
            for (size_t i = 0; i < perCode.size(); ++i) {
                if (perCode[i] == 0)
                    continue;
                if (auto ip = detail::parseIp(col.dictionary[i])) {
                    const QString cc = detail::ipCountry(*ip);
                    if (!cc.isEmpty())
                        countries[cc] += perCode[i];
                }
            }
            auto [keptCountries, distinctCountries] = topOf(countries);
            for (const auto &p : keptCountries)
                s.countries << p.first;
            s.countriesHaveOther = std::int64_t(keptCountries.size()) < distinctCountries;
        }
        // Rows without an address are "invalid" in the scope block and have no prefix: they
        // need no OTHER of their own.
        Q_UNUSED(unparsed);
        break;
    }
    case Encoding::Numeric: {
        const bool log = detail::isLog(s.transform);
        const bool minMax = s.transform == NumericTransform::MinMax || s.transform == NumericTransform::Log1pMinMax;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        double sum = 0.0;
        std::int64_t n = 0;
        if (minMax) {
            // The transform is monotonic: the range of t(x) is t of the range of x, so min-max
            // scaling needs no transform per value.
            forEachNumber(col, [&](double x) {
                if (!std::isfinite(x))
                    return;
                lo = std::min(lo, x);
                hi = std::max(hi, x);
                ++n;
            });
            if (n > 0 && log) {
                lo = detail::signedLog1p(lo);
                hi = detail::signedLog1p(hi);
            }
        } else {
            forEachNumber(col, [&](double x) {
                if (!std::isfinite(x))
                    return;
                const double t = log ? detail::signedLog1p(x) : x;
                lo = std::min(lo, t);
                hi = std::max(hi, t);
                sum += t;
                ++n;
            });
        }
        if (n == 0) {
            lo = hi = 0.0;
        }
        s.low = lo;
        s.high = hi;
        if (s.transform == NumericTransform::MinMax || s.transform == NumericTransform::Log1pMinMax) {
            s.shift = lo;
            s.scale = hi - lo;
        } else {
            const double mean = n ? sum / double(n) : 0.0;
            double ss = 0.0;
            forEachNumber(col, [&](double x) {
                if (!std::isfinite(x))
                    return;
                const double d = (log ? detail::signedLog1p(x) : x) - mean;
                ss += d * d;
            });
            s.shift = mean;
            s.scale = n ? std::sqrt(ss / double(n)) : 0.0;
        }
        // A constant column scales by 1 (nslkdd_ref.py: rng[rng == 0] = 1), giving 0 on train.
        if (!(s.scale > 0.0) || !std::isfinite(s.scale))
            s.scale = 1.0;
        break;
    }
    }
    s.fitted = true;
    return {};
}

// ---- encoding plans: per column, lookup tables built once against the table being encoded ----

struct Plan {
    enum class Op { OneHotCode, OneHotNumber, TimeParts, IpParts, NumericNumber, NumericCode };
    Op op = Op::OneHotCode;
    const Column *column = nullptr;
    int offset = 0;                       ///< first feature (OneHot, Numeric, TimeParts hour, IpParts scope)
    int offset2 = 0;                      ///< TimeParts weekday, IpParts prefix
    std::vector<std::int32_t> codeIndex;  ///< per code + 1 (slot 0 = missing): feature offset or -1
    std::vector<std::int32_t> codeIndex2; ///< IpParts: prefix feature per code + 1
    std::vector<std::int32_t> codeIndex3; ///< IpParts with geo: country feature per code + 1
    std::vector<std::int32_t> codeIndex4; ///< IpParts with geo: region feature per code + 1
    int offset3 = 0, offset4 = 0;         ///< IpParts with geo: country and region blocks
    std::unordered_map<double, std::int32_t> numberIndex; ///< OneHotNumber
    std::int32_t missingIndex = -1, otherIndex = -1;
    std::vector<float> codeValue;         ///< NumericCode: encoded value per code + 1
    double shift = 0, scale = 1, low = 0, high = 0;
    bool log = false;

    float numeric(double x) const
    {
        if (std::isnan(x))
            return 0.0f; // missing: the scaled origin, counted in the schema's stats
        double t;
        if (std::isinf(x))
            t = x > 0 ? high : low; // clipped to the training range
        else
            t = log ? detail::signedLog1p(x) : x;
        return float((t - shift) / scale);
    }
};

Result<Plan> makePlan(const ColumnSpec &s, const Column &col, int offset, int numericOffset)
{
    Plan p;
    p.column = &col;
    QHash<QString, int> index;
    for (int i = 0; i < s.categories.size(); ++i)
        index.insert(s.categories[i], i);
    switch (s.encoding) {
    case Encoding::None:
        break;
    case Encoding::OneHot: {
        p.offset = offset;
        p.otherIndex = s.hasOther ? int(s.categories.size()) : -1;
        const auto lookup = [&](const QString &v) { return index.value(v, p.otherIndex); };
        p.missingIndex = lookup(QString());
        if (col.isText()) {
            p.op = Plan::Op::OneHotCode;
            p.codeIndex.resize(col.dictionary.size() + 1);
            p.codeIndex[0] = p.missingIndex;
            for (size_t i = 0; i < col.dictionary.size(); ++i)
                p.codeIndex[i + 1] = lookup(col.dictionary[i]);
        } else {
            p.op = Plan::Op::OneHotNumber;
            for (int i = 0; i < s.categories.size(); ++i) {
                bool ok = false;
                const double v = s.categories[i].toDouble(&ok);
                if (ok)
                    p.numberIndex.emplace(v == 0.0 ? 0.0 : v, i);
            }
        }
        break;
    }
    case Encoding::TimeParts:
        if (col.isText())
            return tl::unexpected(columnError(ErrorCode::Mismatch, s.name, QStringLiteral("the schema encodes it as hour/weekday, but this table holds text in it")));
        p.op = Plan::Op::TimeParts;
        p.offset = offset;
        p.offset2 = offset + 24;
        break;
    case Encoding::IpParts: {
        if (!col.isText())
            return tl::unexpected(columnError(ErrorCode::Mismatch, s.name, QStringLiteral("the schema encodes it as an IP address, but this table holds numbers in it")));
        p.op = Plan::Op::IpParts;
        p.offset = offset;
        p.offset2 = offset + int(detail::kIpScopes.size());
        const int other = s.hasOther ? int(s.categories.size()) : -1;
        p.codeIndex.assign(col.dictionary.size() + 1, detail::kInvalidScope);
        p.codeIndex2.assign(col.dictionary.size() + 1, -1);
        if (s.geo) {
            QString why;
            if (!detail::geoAvailable(&why))
                return tl::unexpected(columnError(ErrorCode::NotFound, s.name,
                                                  QStringLiteral("the schema has country/region features but the GeoIP database is gone (%1); "
                                                                 "install geoip-database again or re-fit the schema").arg(why)));
            p.offset3 = p.offset2 + int(s.categories.size()) + (s.hasOther ? 1 : 0);
            p.offset4 = p.offset3 + int(s.countries.size()) + (s.countriesHaveOther ? 1 : 0);
            p.codeIndex3.assign(col.dictionary.size() + 1, -1);
            p.codeIndex4.assign(col.dictionary.size() + 1, -1);
        }
        QHash<QString, int> countryIndex;
        for (int i = 0; i < s.countries.size(); ++i)
            countryIndex.insert(s.countries[i], i);
        const int otherCountry = s.countriesHaveOther ? int(s.countries.size()) : -1;
        const auto &continents = GeoIpDatabase::continents();
        for (size_t i = 0; i < col.dictionary.size(); ++i) {
            if (auto ip = detail::parseIp(col.dictionary[i])) {
                p.codeIndex[i + 1] = detail::ipScope(*ip);
                p.codeIndex2[i + 1] = index.value(detail::ipPrefix(*ip), other);
                if (s.geo) {
                    const QString cc = detail::ipCountry(*ip);
                    if (cc.isEmpty())
                        continue;
                    p.codeIndex3[i + 1] = countryIndex.value(cc, otherCountry);
                    const QString region = GeoIpDatabase::continentOf(cc);
                    for (size_t k = 0; k < continents.size(); ++k) {
                        if (region == QLatin1String(continents[k]))
                            p.codeIndex4[i + 1] = int(k);
                    }
                }
            }
        }
        break;
    }
    case Encoding::Numeric:
        p.offset = numericOffset;
        p.shift = s.shift;
        p.scale = s.scale;
        p.low = s.low;
        p.high = s.high;
        p.log = detail::isLog(s.transform);
        if (col.isText()) {
            p.op = Plan::Op::NumericCode;
            const auto perCode = numbersOfText(col);
            p.codeValue.resize(perCode.size() + 1);
            p.codeValue[0] = 0.0f;
            for (size_t i = 0; i < perCode.size(); ++i)
                p.codeValue[i + 1] = p.numeric(perCode[i]);
        } else {
            p.op = Plan::Op::NumericNumber;
        }
        break;
    }
    return p;
}


inline std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const auto q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void runPlan(const Plan &p, float *out, int cols, std::int64_t r0, std::int64_t r1)
{
    const Column &c = *p.column;
    switch (p.op) {
    case Plan::Op::OneHotCode:
        for (std::int64_t r = r0; r < r1; ++r) {
            const auto k = p.codeIndex[size_t(c.codes[size_t(r)] + 1)];
            if (k >= 0)
                out[(r - r0) * cols + p.offset + k] = 1.0f;
        }
        break;
    case Plan::Op::OneHotNumber:
        for (std::int64_t r = r0; r < r1; ++r) {
            const double v = c.numbers[size_t(r)];
            std::int32_t k;
            if (std::isnan(v)) {
                k = p.missingIndex;
            } else {
                const auto it = p.numberIndex.find(v == 0.0 ? 0.0 : v);
                k = it == p.numberIndex.end() ? p.otherIndex : it->second;
            }
            if (k >= 0)
                out[(r - r0) * cols + p.offset + k] = 1.0f;
        }
        break;
    case Plan::Op::TimeParts:
        for (std::int64_t r = r0; r < r1; ++r) {
            const double t = c.numbers[size_t(r)];
            if (!std::isfinite(t) || std::abs(t) > 1e15)
                continue;
            const auto secs = std::int64_t(std::floor(t));
            const auto days = floorDiv(secs, 86400);
            const auto hour = (secs - days * 86400) / 3600;
            const auto weekday = ((days + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday (Mon = 0)
            float *row = out + (r - r0) * cols;
            row[p.offset + hour] = 1.0f;
            row[p.offset2 + weekday] = 1.0f;
        }
        break;
    case Plan::Op::IpParts:
        for (std::int64_t r = r0; r < r1; ++r) {
            const auto code = size_t(c.codes[size_t(r)] + 1);
            float *row = out + (r - r0) * cols;
            if (code == 0)
                continue; // missing address: all zeros
            row[p.offset + p.codeIndex[code]] = 1.0f;
            if (const auto k = p.codeIndex2[code]; k >= 0)
                row[p.offset2 + k] = 1.0f;
            if (p.codeIndex3.empty())
                continue;
            if (const auto k = p.codeIndex3[code]; k >= 0)
                row[p.offset3 + k] = 1.0f;
            if (const auto k = p.codeIndex4[code]; k >= 0)
                row[p.offset4 + k] = 1.0f;
        }
        break;
    case Plan::Op::NumericNumber:
        for (std::int64_t r = r0; r < r1; ++r)
            out[(r - r0) * cols + p.offset] = p.numeric(c.numbers[size_t(r)]);
        break;
    case Plan::Op::NumericCode:
        for (std::int64_t r = r0; r < r1; ++r)
            out[(r - r0) * cols + p.offset] = p.codeValue[size_t(c.codes[size_t(r)] + 1)];
        break;
    }
}

} // namespace

Result<FeatureSchema> fitSchema(const Table &table, std::vector<ColumnSpec> specs, const QString &profile, ProgressFn progress)
{
    return detail::fitSchemaImpl(table, std::move(specs), profile, progress, false);
}

Result<FeatureSchema> detail::fitSchemaImpl(const Table &table, std::vector<ColumnSpec> specs, const QString &profile,
                                            const ProgressFn &progress, bool statsKnown)
{
    if (table.rowCount() == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot fit a schema on an empty table (0 rows); import data first"));
    std::vector<const Column *> columns;
    columns.reserve(specs.size());
    for (const auto &s : specs) {
        const int idx = table.indexOf(s.name);
        if (idx < 0)
            return fail(ErrorCode::Mismatch, QStringLiteral("column '%1' of the schema is not in the table; re-infer the schema for this dataset").arg(s.name));
        const Column &col = table.columns[size_t(idx)];
        if (col.size() != table.rowCount())
            return fail(ErrorCode::Corrupt, QStringLiteral("column '%1' has %2 values but the table has %3 rows").arg(s.name).arg(col.size()).arg(table.rowCount()));
        columns.push_back(&col);
    }
    // Columns are fitted independently, so they run in parallel; errors are reported in column
    // order whatever the schedule.
    std::vector<Error> errors(specs.size());
    std::vector<char> failed(specs.size(), 0);
    const bool finished = detail::parallelFor(
        std::int64_t(specs.size()),
        [&](std::int64_t i) {
            auto &s = specs[size_t(i)];
            if (!statsKnown || s.rows != table.rowCount())
                detail::computeStats(*columns[size_t(i)], s);
            if (auto r = fitColumn(*columns[size_t(i)], s); !r) {
                errors[size_t(i)] = r.error();
                failed[size_t(i)] = 1;
            }
        },
        progress, QStringLiteral("Fitting encoders"));
    if (!finished)
        return fail(ErrorCode::Cancelled, QStringLiteral("schema fitting cancelled"));
    for (size_t i = 0; i < specs.size(); ++i) {
        if (failed[i])
            return tl::unexpected(errors[i]);
    }
    FeatureSchema schema;
    schema.profile = profile;
    schema.columns = std::move(specs);
    return schema;
}

QStringList encodedColumns(const FeatureSchema &schema)
{
    QStringList names;
    for (const auto &c : schema.columns)
        if (c.encoding != Encoding::None)
            names << c.name;
    return names;
}

Result<FeatureMatrix> encodeTable(const FeatureSchema &schema, const Table &table, ProgressFn progress)
{
    return encodeRows(schema, table, 0, table.rowCount(), std::move(progress));
}

Result<FeatureMatrix> encodeRows(const FeatureSchema &schema, const Table &table, std::int64_t first, std::int64_t count,
                                 ProgressFn progress)
{
    if (first < 0 || count < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("row range %1+%2 is invalid").arg(first).arg(count));
    first = std::min(first, table.rowCount());
    count = std::min(count, table.rowCount() - first);
    // Layout as FeatureSchema::blocks(): one-hot-like columns first, then numeric ones.
    int oneHotWidth = 0;
    for (const auto &s : schema.columns) {
        if (s.encoding != Encoding::Numeric)
            oneHotWidth += s.width();
    }
    std::vector<Plan> plans;
    int offset = 0, numericOffset = oneHotWidth;
    for (const auto &s : schema.columns) {
        if (s.encoding == Encoding::None)
            continue;
        if (!s.fitted)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("column '%1' of the schema was never fitted; fit the schema on a training table first").arg(s.name));
        const int idx = table.indexOf(s.name);
        if (idx < 0)
            return fail(ErrorCode::Mismatch, QStringLiteral("column '%1' of the schema is not in the table (it has %2 columns); the data does not match the schema")
                                                 .arg(s.name)
                                                 .arg(table.columns.size()));
        const Column &col = table.columns[size_t(idx)];
        if (col.size() != table.rowCount())
            return fail(ErrorCode::Corrupt, QStringLiteral("column '%1' has %2 values but the table has %3 rows").arg(s.name).arg(col.size()).arg(table.rowCount()));
        auto plan = makePlan(s, col, offset, numericOffset);
        if (!plan)
            return tl::unexpected(plan.error());
        plans.push_back(std::move(*plan));
        if (s.encoding == Encoding::Numeric)
            ++numericOffset;
        else
            offset += s.width();
    }

    FeatureMatrix m;
    m.rows = count;
    m.cols = schema.width();
    m.blocks = schema.blocks();
    if (std::int64_t(table.recordIds.size()) == table.rowCount())
        m.recordIds.assign(table.recordIds.begin() + first, table.recordIds.begin() + first + count);
    else
        for (std::int64_t r = first; r < first + count; ++r)
            m.recordIds.push_back(r + 1);
    // Rows are independent: chunks of rows are encoded in parallel (detail::parallelFor), each
    // thread writing its own slice of the zeroed matrix. The plans and the table are only read.
    const std::int64_t chunkRows = std::max<std::int64_t>(64, kChunkBytes / std::max<std::int64_t>(1, m.cols * 4));
    m.values.resize(size_t(m.rows) * size_t(m.cols), 0.0f); // huge pages (BigAllocator): ~1k faults per GB, not ~250k
    const std::int64_t chunks = (count + chunkRows - 1) / chunkRows;
    const bool finished = detail::parallelFor(
        chunks,
        [&](std::int64_t chunk) {
            const std::int64_t r0 = first + chunk * chunkRows;
            const std::int64_t r1 = std::min(first + count, r0 + chunkRows);
            float *out = m.values.data() + size_t(r0 - first) * size_t(m.cols);
            for (const auto &p : plans)
                runPlan(p, out, m.cols, r0, r1);
        },
        progress, QStringLiteral("Encoding"));
    if (!finished)
        return fail(ErrorCode::Cancelled, QStringLiteral("encoding of %1 rows was cancelled").arg(m.rows));
    report(progress, m.rows, m.rows, QStringLiteral("Encoding"));
    return m;
}

namespace {

bool isBenignName(const QString &name)
{
    const QString l = name.trimmed().toLower();
    return l == QLatin1String("normal") || l == QLatin1String("benign") || l == QLatin1String("0");
}

} // namespace

Result<LabelVector> extractLabels(const FeatureSchema &schema, const Table &table)
{
    // Several label columns (UNSW-NB15: attack_cat, empty for benign rows, and the 0/1 Label):
    // take the first one that names a benign class, so isAttack() is defined for every row.
    QString name;
    for (const auto &c : schema.columns) {
        if (c.role != Role::Label)
            continue;
        const int i = table.indexOf(c.name);
        if (i < 0)
            return fail(ErrorCode::Mismatch, QStringLiteral("label column '%1' of the schema is not in the table").arg(c.name));
        if (name.isEmpty())
            name = c.name;
        const auto counts = detail::countCategories(table.columns[size_t(i)], 1, 0);
        if (std::any_of(counts.top.begin(), counts.top.end(), [](const auto &p) { return isBenignName(p.first); })) {
            name = c.name;
            break;
        }
    }
    if (name.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("the schema has no label column; mark one as 'label' in the schema"));
    const Column &col = table.columns[size_t(table.indexOf(name))];
    LabelVector out;
    // Text labels are normalised once per dictionary entry, not once per row: a data set has a
    // handful of classes and hundreds of thousands of rows.
    const auto normalise = [](QString t) {
        t = t.trimmed();
        // KDD'99 labels end in a dot ("normal."); readers strip it, hand-made tables may not.
        if (t.endsWith(QLatin1Char('.')))
            t.chop(1);
        return t;
    };
    std::vector<QString> perCode;
    std::vector<QString> texts;
    if (col.isText()) {
        perCode.reserve(col.dictionary.size());
        for (const QString &d : col.dictionary)
            perCode.push_back(normalise(d));
    } else {
        texts.reserve(size_t(table.rowCount()));
        for (std::int64_t r = 0; r < table.rowCount(); ++r)
            texts.push_back(normalise(detail::categoryText(col, r)));
    }
    QSet<QString> seen;
    if (col.isText()) {
        std::vector<char> used(perCode.size(), 0);
        for (const auto c : col.codes) {
            if (c >= 0)
                used[size_t(c)] = 1;
        }
        for (size_t i = 0; i < perCode.size(); ++i) {
            if (used[i] && !perCode[i].isEmpty())
                seen.insert(perCode[i]);
        }
    } else {
        for (const auto &t : texts) {
            if (!t.isEmpty())
                seen.insert(t);
        }
    }
    QStringList names(seen.begin(), seen.end());
    names.sort();
    QHash<QString, int> ids;
    for (int i = 0; i < names.size(); ++i)
        ids.insert(names[i], i);
    out.names = names;
    for (int i = 0; i < names.size(); ++i) {
        if (isBenignName(names[i])) {
            out.normalId = i;
            break;
        }
    }
    out.ids.reserve(size_t(table.rowCount()));
    if (col.isText()) {
        std::vector<std::int32_t> idOfCode(perCode.size(), -1);
        for (size_t i = 0; i < perCode.size(); ++i)
            idOfCode[i] = perCode[i].isEmpty() ? -1 : ids.value(perCode[i], -1);
        for (const auto c : col.codes)
            out.ids.push_back(c < 0 ? -1 : idOfCode[size_t(c)]);
    } else {
        for (const auto &t : texts)
            out.ids.push_back(t.isEmpty() ? -1 : ids.value(t, -1));
    }
    return out;
}

} // namespace vigil
