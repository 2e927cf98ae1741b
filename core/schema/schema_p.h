#pragma once

// Internals shared by inference.cpp, encoders.cpp and schema.cpp; not part of the public API.

#include "core/schema/schema.h"

#include <QString>
#include <QStringView>

#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>

namespace vigil::detail {

/// Address classes of the IpParts scope block, in feature order.
inline constexpr std::array<const char *, 6> kIpScopes = {"private", "public", "loopback", "link-local", "multicast", "invalid"};
inline constexpr int kInvalidScope = 5;
inline constexpr std::array<const char *, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/// A parsed address: 4 or 16 bytes.
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    bool v6 = false;
};

std::optional<IpAddress> parseIp(QStringView text);
/// Index into kIpScopes.
int ipScope(const IpAddress &ip);
/// The network prefix as text: "a.b.c.0/24" for IPv4, the first 48 bits "x:y:z::/48" for IPv6.
QString ipPrefix(const IpAddress &ip);

/// The ISO country code of \a ip from the system's GeoIP database ("" when none is known or
/// there is no database for its family).
QString ipCountry(const IpAddress &ip);
/// Whether country lookups are possible; \a why says why not, or which database is used.
bool geoAvailable(QString *why);

/// log1p of the small whole numbers, computed once: counts and byte sizes of IDS data sets
/// repeat them millions of times (entries are std::log1p's own results, so nothing changes).
const double *smallLog1pTable();
inline constexpr int kSmallLog1p = 4096;

/// sign(x)·log1p(|x|): log1p for counts, finite for negative values.
inline double signedLog1p(double x)
{
    if (x >= 0.0 && x < double(kSmallLog1p)) {
        const int i = int(x);
        if (double(i) == x)
            return smallLog1pTable()[i];
    }
    return x < 0 ? -std::log1p(-x) : std::log1p(x);
}

inline bool isLog(NumericTransform t)
{
    return t == NumericTransform::Log1pMinMax || t == NumericTransform::Log1pStandardize;
}

/// The text a categorical encoder sees for \a row: dictionary text or the number as text;
/// missing values are the empty string (one category, shown as "(empty)").
QString categoryText(const Column &column, std::int64_t row);
/// Number formatting shared by fitting and encoding, so "404" fitted matches "404" encoded.
QString numberText(double v);
/// The feature name of category \a value in column \a prefix ("service=http", "x=(empty)").
QString categoryFeatureName(const QString &prefix, const QString &value);

/// Category counts of a column; missing values form one bucket with the value "".
struct CategoryCounts {
    /// Values with count >= minFrequency, most frequent first; ties by text (numbers: by value,
    /// the missing bucket first); at most `limit` of them when a limit was given.
    std::vector<std::pair<QString, std::int64_t>> top;
    std::int64_t distinct = 0;   ///< all distinct values, the missing bucket included
    std::int64_t missing = 0;    ///< size of the missing bucket
};

/// Counts without materialising text for values that are not returned: a 1M-row timestamp or
/// path column must not cost a million QString conversions.
CategoryCounts countCategories(const Column &column, std::int64_t minFrequency = 1, std::int64_t limit = 0);

/// Column statistics (rows, missing, nonFinite, cardinality, top values) into \a spec.
void computeStats(const Column &column, ColumnSpec &spec);

/// Runs fn(i) for every i in [0, n) on up to 8 threads, the caller's included. Each i is
/// independent (one column), so the result does not depend on the schedule. Progress is reported
/// from the calling thread only; once it returns false no new i is started and this returns false.
bool parallelFor(std::int64_t n, const std::function<void(std::int64_t)> &fn, const ProgressFn &progress, const QString &stage);

/// fitSchema; \a statsKnown skips the statistics pass when inferColumns just computed them on
/// the same table.
Result<FeatureSchema> fitSchemaImpl(const Table &table, std::vector<ColumnSpec> specs, const QString &profile,
                                    const ProgressFn &progress, bool statsKnown);

} // namespace vigil::detail
