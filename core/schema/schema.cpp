#include "core/schema/schema.h"
#include "core/schema/schema_p.h"

#include "core/io/geoip.h"
#include "core/project.h"
#include "core/sqlite.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

namespace vigil {

namespace {

template<typename E, size_t N>
QString nameOf(E value, const std::array<std::pair<E, const char *>, N> &table)
{
    for (const auto &[e, n] : table) {
        if (e == value)
            return QString::fromLatin1(n);
    }
    return {};
}

template<typename E, size_t N>
Result<E> valueOf(const QString &name, const std::array<std::pair<E, const char *>, N> &table, const char *what)
{
    for (const auto &[e, n] : table) {
        if (name == QLatin1String(n))
            return e;
    }
    QStringList known;
    for (const auto &p : table)
        known << QString::fromLatin1(p.second);
    return fail(ErrorCode::Parse, QStringLiteral("unknown %1 '%2' (expected one of: %3)")
                                      .arg(QLatin1String(what), name.left(64), known.join(QStringLiteral(", "))));
}

constexpr std::array<std::pair<Role, const char *>, 5> kRoles{{
    {Role::Feature, "feature"}, {Role::Label, "label"}, {Role::Timestamp, "timestamp"},
    {Role::EntityKey, "entity-key"}, {Role::Ignore, "ignore"}}};
constexpr std::array<std::pair<ValueKind, const char *>, 6> kKinds{{
    {ValueKind::Numeric, "numeric"}, {ValueKind::Categorical, "categorical"}, {ValueKind::Timestamp, "timestamp"},
    {ValueKind::Ip, "ip"}, {ValueKind::Text, "text"}, {ValueKind::Constant, "constant"}}};
constexpr std::array<std::pair<Encoding, const char *>, 5> kEncodings{{
    {Encoding::None, "none"}, {Encoding::OneHot, "one-hot"}, {Encoding::Numeric, "numeric"},
    {Encoding::TimeParts, "hour-weekday"}, {Encoding::IpParts, "ip-scope-prefix"}}};
constexpr std::array<std::pair<NumericTransform, const char *>, 4> kTransforms{{
    {NumericTransform::MinMax, "minmax"}, {NumericTransform::Standardize, "standardize"},
    {NumericTransform::Log1pMinMax, "log1p-minmax"}, {NumericTransform::Log1pStandardize, "log1p-standardize"}}};

QString numericFeatureName(const ColumnSpec &c)
{
    return detail::isLog(c.transform) ? QStringLiteral("log1p(%1)").arg(c.name) : c.name;
}

FeatureBlock oneHotBlock(const QString &name, const QStringList &values, bool other, int &offset)
{
    FeatureBlock b;
    b.name = name;
    b.kind = FeatureBlock::Kind::OneHot;
    b.offset = offset;
    for (const auto &v : values)
        b.featureNames << detail::categoryFeatureName(name, v);
    if (other)
        b.featureNames << name + QStringLiteral("=OTHER");
    b.width = int(b.featureNames.size());
    offset += b.width;
    return b;
}

QStringList fixedNames(const char *const *begin, const char *const *end)
{
    QStringList out;
    for (auto it = begin; it != end; ++it)
        out << QString::fromLatin1(*it);
    return out;
}

QStringList hourNames()
{
    QStringList out;
    for (int h = 0; h < 24; ++h)
        out << QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0'));
    return out;
}

} // namespace

// ---- names ------------------------------------------------------------------------------------

QString roleName(Role role) { return nameOf(role, kRoles); }
QString kindName(ValueKind kind) { return nameOf(kind, kKinds); }
QString encodingName(Encoding encoding) { return nameOf(encoding, kEncodings); }
QString transformName(NumericTransform transform) { return nameOf(transform, kTransforms); }
Result<Role> roleFromName(const QString &name) { return valueOf(name, kRoles, "role"); }
Result<ValueKind> kindFromName(const QString &name) { return valueOf(name, kKinds, "value kind"); }
Result<Encoding> encodingFromName(const QString &name) { return valueOf(name, kEncodings, "encoding"); }
Result<NumericTransform> transformFromName(const QString &name) { return valueOf(name, kTransforms, "transform"); }

const QStringList &nslKddColumnNames()
{
    static const QStringList names = {
        QStringLiteral("duration"), QStringLiteral("protocol_type"), QStringLiteral("service"), QStringLiteral("flag"),
        QStringLiteral("src_bytes"), QStringLiteral("dst_bytes"), QStringLiteral("land"), QStringLiteral("wrong_fragment"),
        QStringLiteral("urgent"), QStringLiteral("hot"), QStringLiteral("num_failed_logins"), QStringLiteral("logged_in"),
        QStringLiteral("num_compromised"), QStringLiteral("root_shell"), QStringLiteral("su_attempted"),
        QStringLiteral("num_root"), QStringLiteral("num_file_creations"), QStringLiteral("num_shells"),
        QStringLiteral("num_access_files"), QStringLiteral("num_outbound_cmds"), QStringLiteral("is_host_login"),
        QStringLiteral("is_guest_login"), QStringLiteral("count"), QStringLiteral("srv_count"),
        QStringLiteral("serror_rate"), QStringLiteral("srv_serror_rate"), QStringLiteral("rerror_rate"),
        QStringLiteral("srv_rerror_rate"), QStringLiteral("same_srv_rate"), QStringLiteral("diff_srv_rate"),
        QStringLiteral("srv_diff_host_rate"), QStringLiteral("dst_host_count"), QStringLiteral("dst_host_srv_count"),
        QStringLiteral("dst_host_same_srv_rate"), QStringLiteral("dst_host_diff_srv_rate"),
        QStringLiteral("dst_host_same_src_port_rate"), QStringLiteral("dst_host_srv_diff_host_rate"),
        QStringLiteral("dst_host_serror_rate"), QStringLiteral("dst_host_srv_serror_rate"),
        QStringLiteral("dst_host_rerror_rate"), QStringLiteral("dst_host_srv_rerror_rate"), QStringLiteral("label"),
        QStringLiteral("difficulty")};
    return names;
}

// ---- detail helpers ---------------------------------------------------------------------------

namespace detail {

QString numberText(double v)
{
    // Shortest text that parses back to the same double: "0.03", not "0.029999999999999999".
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString categoryText(const Column &column, std::int64_t row)
{
    if (column.isText()) {
        const auto c = column.codes[size_t(row)];
        return c < 0 ? QString() : column.dictionary[size_t(c)];
    }
    const double v = column.numbers[size_t(row)];
    return std::isnan(v) ? QString() : numberText(v);
}

QString categoryFeatureName(const QString &prefix, const QString &value)
{
    return prefix + QLatin1Char('=') + (value.isEmpty() ? QStringLiteral("(empty)") : value);
}

CategoryCounts countCategories(const Column &column, std::int64_t minFrequency, std::int64_t limit)
{
    struct Entry {
        std::int64_t count;
        std::int32_t code;   // text: dictionary index; -1 = the missing bucket
        double value;        // numbers
    };
    CategoryCounts out;
    std::vector<Entry> entries;
    if (column.isText()) {
        std::vector<std::int64_t> counts(column.dictionary.size(), 0);
        for (const auto c : column.codes) {
            if (c < 0)
                ++out.missing;
            else
                ++counts[size_t(c)];
        }
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] == 0)
                continue;
            if (column.dictionary[i].isEmpty()) {
                out.missing += counts[i]; // an empty string is a missing value, one bucket
                continue;
            }
            ++out.distinct;
            if (counts[i] >= minFrequency)
                entries.push_back(Entry{counts[i], std::int32_t(i), 0.0});
        }
    } else {
        // Most numeric columns have few distinct values (rates, flags, small counts): an
        // open-addressing table on the value's bits counts them in one cache-resident pass. A
        // column that turns out to be nearly unique (timestamps, byte counts) falls back to
        // sort + run-length, which beats a table that no longer fits the cache.
        constexpr size_t kMaxHashed = size_t(1) << 15;
        struct Slot {
            std::uint64_t bits;
            std::int64_t count; // 0 = empty
        };
        std::vector<Slot> slots(1024, Slot{0, 0});
        size_t used = 0;
        bool hashed = true;
        const auto slotOf = [](std::uint64_t bits, size_t mask) {
            // Doubles of small integers differ only in their top bits: mix them down first.
            bits ^= bits >> 33;
            bits *= 0xff51afd7ed558ccdull;
            bits ^= bits >> 33;
            return size_t(bits) & mask;
        };
        for (const double v : column.numbers) {
            if (std::isnan(v)) {
                ++out.missing;
                continue;
            }
            std::uint64_t bits;
            const double key = v == 0.0 ? 0.0 : v; // -0 and +0 are one category
            std::memcpy(&bits, &key, sizeof bits);
            size_t mask = slots.size() - 1;
            size_t i = slotOf(bits, mask);
            while (slots[i].count != 0 && slots[i].bits != bits)
                i = (i + 1) & mask;
            if (slots[i].count != 0) {
                ++slots[i].count;
                continue;
            }
            slots[i] = Slot{bits, 1};
            if (++used * 2 <= slots.size())
                continue;
            if (used > kMaxHashed) {
                hashed = false;
                break;
            }
            std::vector<Slot> bigger(slots.size() * 2, Slot{0, 0});
            mask = bigger.size() - 1;
            for (const Slot &s : slots) {
                if (s.count == 0)
                    continue;
                size_t j = slotOf(s.bits, mask);
                while (bigger[j].count != 0)
                    j = (j + 1) & mask;
                bigger[j] = s;
            }
            slots.swap(bigger);
        }
        if (hashed) {
            for (const Slot &s : slots) {
                if (s.count == 0)
                    continue;
                ++out.distinct;
                if (s.count >= minFrequency) {
                    double value;
                    std::memcpy(&value, &s.bits, sizeof value);
                    entries.push_back(Entry{s.count, 0, value});
                }
            }
        } else {
            out.missing = 0;
            std::vector<double> values;
            values.reserve(column.numbers.size());
            for (const double v : column.numbers) {
                if (std::isnan(v))
                    ++out.missing;
                else
                    values.push_back(v == 0.0 ? 0.0 : v);
            }
            std::sort(values.begin(), values.end());
            for (size_t i = 0; i < values.size();) {
                size_t j = i + 1;
                while (j < values.size() && values[j] == values[i])
                    ++j;
                ++out.distinct;
                const auto n = std::int64_t(j - i);
                if (n >= minFrequency)
                    entries.push_back(Entry{n, 0, values[i]});
                i = j;
            }
        }
    }
    if (out.missing > 0) {
        ++out.distinct;
        if (out.missing >= minFrequency)
            entries.push_back(Entry{out.missing, -1, std::numeric_limits<double>::quiet_NaN()});
    }
    const bool text = column.isText();
    const auto less = [&](const Entry &a, const Entry &b) {
        if (a.count != b.count)
            return a.count > b.count;
        const bool am = text ? a.code < 0 : std::isnan(a.value);
        const bool bm = text ? b.code < 0 : std::isnan(b.value);
        if (am != bm)
            return am;
        if (am)
            return false;
        return text ? column.dictionary[size_t(a.code)] < column.dictionary[size_t(b.code)] : a.value < b.value;
    };
    if (limit > 0 && limit < std::int64_t(entries.size())) {
        std::partial_sort(entries.begin(), entries.begin() + limit, entries.end(), less);
        entries.resize(size_t(limit));
    } else {
        std::sort(entries.begin(), entries.end(), less);
    }
    out.top.reserve(entries.size());
    for (const auto &e : entries) {
        const bool missing = text ? e.code < 0 : std::isnan(e.value);
        out.top.emplace_back(missing ? QString() : text ? column.dictionary[size_t(e.code)] : numberText(e.value), e.count);
    }
    return out;
}

void computeStats(const Column &column, ColumnSpec &spec)
{
    spec.rows = column.size();
    spec.nonFinite = 0;
    if (!column.isText()) {
        for (const double v : column.numbers) {
            if (std::isinf(v))
                ++spec.nonFinite;
        }
    }
    const auto counts = countCategories(column, 1, 11);
    spec.missing = counts.missing;
    spec.cardinality = counts.distinct - (counts.missing > 0 ? 1 : 0);
    spec.topValues.clear();
    for (const auto &[value, n] : counts.top) {
        if (value.isEmpty() && counts.missing > 0 && n == counts.missing)
            continue; // the missing bucket is reported as `missing`, not as a value
        if (spec.topValues.size() < 10)
            spec.topValues.emplace_back(value, n);
    }
}

bool parallelFor(std::int64_t n, const std::function<void(std::int64_t)> &fn, const ProgressFn &progress, const QString &stage)
{
    std::atomic<std::int64_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    const auto hw = std::int64_t(std::max(1u, std::thread::hardware_concurrency()));
    const auto extra = std::max<std::int64_t>(0, std::min<std::int64_t>({hw, 8, n}) - 1);
    const auto take = [&]() -> bool {
        if (stop.load(std::memory_order_relaxed))
            return false;
        const auto i = next.fetch_add(1);
        if (i >= n)
            return false;
        fn(i);
        done.fetch_add(1);
        return true;
    };
    std::vector<std::thread> pool;
    pool.reserve(size_t(extra));
    for (std::int64_t k = 0; k < extra; ++k)
        pool.emplace_back([&] {
            while (take()) {
            }
        });
    bool ok = report(progress, 0, n, stage);
    if (!ok)
        stop = true;
    while (ok && take()) {
        if (!report(progress, done.load(), n, stage)) {
            ok = false;
            stop = true;
        }
    }
    for (auto &t : pool)
        t.join();
    return ok;
}

// ---- IP addresses -----------------------------------------------------------------------------

namespace {

bool parseV4(QStringView s, std::uint8_t *out)
{
    int part = 0;
    int value = -1;
    int digits = 0;
    for (const QChar ch : s) {
        if (ch.isDigit() && ch.unicode() < 128) {
            value = (value < 0 ? 0 : value * 10) + (ch.unicode() - '0');
            if (++digits > 3 || value > 255)
                return false;
        } else if (ch == QLatin1Char('.')) {
            if (value < 0 || part >= 3)
                return false;
            out[part++] = std::uint8_t(value);
            value = -1;
            digits = 0;
        } else {
            return false;
        }
    }
    if (value < 0 || part != 3)
        return false;
    out[3] = std::uint8_t(value);
    return true;
}

int hexValue(QChar c)
{
    const auto u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

bool parseV6(QStringView s, std::uint8_t *out)
{
    if (s.size() < 2 || s.size() > 45)
        return false;
    // Zone index ("fe80::1%eth0") does not change the address class.
    if (const auto pct = s.indexOf(QLatin1Char('%')); pct >= 0)
        s = s.left(pct);
    std::array<std::uint16_t, 8> head{}, tail{};
    int nHead = 0, nTail = 0;
    bool compressed = false;
    qsizetype i = 0;
    if (s.startsWith(QLatin1String("::"))) {
        compressed = true;
        i = 2;
    }
    while (i < s.size()) {
        // An embedded IPv4 tail ("::ffff:1.2.3.4").
        const auto rest = s.mid(i);
        if (rest.contains(QLatin1Char('.'))) {
            std::uint8_t v4[4];
            if (!parseV4(rest, v4))
                return false;
            auto &arr = compressed ? tail : head;
            auto &n = compressed ? nTail : nHead;
            if (n + 2 > 8)
                return false;
            arr[size_t(n++)] = std::uint16_t(v4[0] << 8 | v4[1]);
            arr[size_t(n++)] = std::uint16_t(v4[2] << 8 | v4[3]);
            i = s.size();
            break;
        }
        int value = 0, digits = 0;
        while (i < s.size() && hexValue(s[i]) >= 0) {
            value = value * 16 + hexValue(s[i]);
            if (++digits > 4)
                return false;
            ++i;
        }
        if (digits == 0)
            return false;
        auto &arr = compressed ? tail : head;
        auto &n = compressed ? nTail : nHead;
        if (n >= 8)
            return false;
        arr[size_t(n++)] = std::uint16_t(value);
        if (i == s.size())
            break;
        if (s[i] != QLatin1Char(':'))
            return false;
        ++i;
        if (i < s.size() && s[i] == QLatin1Char(':')) {
            if (compressed)
                return false;
            compressed = true;
            ++i;
        } else if (i == s.size()) {
            return false; // trailing single colon
        }
    }
    if (compressed ? nHead + nTail > 7 : nHead != 8)
        return false;
    std::array<std::uint16_t, 8> words{};
    for (int k = 0; k < nHead; ++k)
        words[size_t(k)] = head[size_t(k)];
    for (int k = 0; k < nTail; ++k)
        words[size_t(8 - nTail + k)] = tail[size_t(k)];
    for (size_t k = 0; k < 8; ++k) {
        out[2 * k] = std::uint8_t(words[k] >> 8);
        out[2 * k + 1] = std::uint8_t(words[k] & 0xff);
    }
    return true;
}

} // namespace

const double *smallLog1pTable()
{
    static const std::vector<double> table = [] {
        std::vector<double> t(kSmallLog1p);
        for (int i = 0; i < kSmallLog1p; ++i)
            t[size_t(i)] = std::log1p(double(i));
        return t;
    }();
    return table.data();
}

QString ipCountry(const IpAddress &ip)
{
    const auto &geo = GeoIpSystem::instance();
    if (!ip.v6) {
        if (!geo.v4)
            return {};
        return geo.v4->countryV4(std::uint32_t(ip.bytes[0]) << 24 | std::uint32_t(ip.bytes[1]) << 16
                                 | std::uint32_t(ip.bytes[2]) << 8 | std::uint32_t(ip.bytes[3]));
    }
    return geo.v6 ? geo.v6->countryV6(ip.bytes) : QString();
}

bool geoAvailable(QString *why)
{
    const auto &geo = GeoIpSystem::instance();
    if (!geo.v4) {
        if (why)
            *why = QStringLiteral("no country/region features: %1").arg(geo.why);
        return false;
    }
    if (why) {
        *why = QStringLiteral("country/region from %1 (%2)%3")
                   .arg(geo.v4->path(), geo.v4->info().isEmpty() ? QStringLiteral("no build line") : geo.v4->info(),
                        geo.v6 ? QStringLiteral(" and ") + geo.v6->path() : QStringLiteral("; IPv6 addresses have no country (no GeoIPv6.dat)"));
    }
    return true;
}

std::optional<IpAddress> parseIp(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    IpAddress ip;
    if (text.contains(QLatin1Char(':'))) {
        if (!parseV6(text, ip.bytes.data()))
            return std::nullopt;
        ip.v6 = true;
        // IPv4-mapped (::ffff:a.b.c.d) addresses are classified as the IPv4 address.
        const bool mapped = std::all_of(ip.bytes.begin(), ip.bytes.begin() + 10, [](auto b) { return b == 0; })
                            && ip.bytes[10] == 0xff && ip.bytes[11] == 0xff;
        if (mapped) {
            std::array<std::uint8_t, 16> v4{};
            std::copy(ip.bytes.begin() + 12, ip.bytes.end(), v4.begin());
            ip.bytes = v4;
            ip.v6 = false;
        }
        return ip;
    }
    if (!parseV4(text, ip.bytes.data()))
        return std::nullopt;
    return ip;
}

int ipScope(const IpAddress &ip)
{
    const auto &b = ip.bytes;
    if (!ip.v6) {
        if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && (b[1] & 0xc0) == 64))
            return 0;
        if (b[0] == 127)
            return 2;
        if (b[0] == 169 && b[1] == 254)
            return 3;
        if ((b[0] & 0xf0) == 224)
            return 4;
        if (b[0] == 0 || b[0] >= 240)
            return kInvalidScope;
        return 1;
    }
    const bool zeroHead = std::all_of(b.begin(), b.begin() + 15, [](auto x) { return x == 0; });
    if (zeroHead && b[15] == 1)
        return 2;
    if (zeroHead && b[15] == 0)
        return kInvalidScope;
    if ((b[0] & 0xfe) == 0xfc)
        return 0;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return 3;
    if (b[0] == 0xff)
        return 4;
    return 1;
}

QString ipPrefix(const IpAddress &ip)
{
    const auto &b = ip.bytes;
    if (!ip.v6)
        return QStringLiteral("%1.%2.%3.0/24").arg(b[0]).arg(b[1]).arg(b[2]);
    return QStringLiteral("%1:%2:%3::/48")
        .arg(b[0] << 8 | b[1], 0, 16)
        .arg(b[2] << 8 | b[3], 0, 16)
        .arg(b[4] << 8 | b[5], 0, 16);
}

} // namespace detail

// ---- ColumnSpec / FeatureSchema ----------------------------------------------------------------

int ColumnSpec::width() const
{
    switch (encoding) {
    case Encoding::None:
        return 0;
    case Encoding::OneHot:
        return int(categories.size()) + (hasOther ? 1 : 0);
    case Encoding::Numeric:
        return 1;
    case Encoding::TimeParts:
        return 24 + 7;
    case Encoding::IpParts:
        return int(detail::kIpScopes.size()) + int(categories.size()) + (hasOther ? 1 : 0)
               + (geo ? int(countries.size()) + (countriesHaveOther ? 1 : 0) + int(GeoIpDatabase::continents().size()) : 0);
    }
    return 0;
}

int FeatureSchema::width() const
{
    int w = 0;
    for (const auto &c : columns)
        w += c.width();
    return w;
}

std::vector<FeatureBlock> FeatureSchema::blocks() const
{
    std::vector<FeatureBlock> out;
    int offset = 0;
    static const QStringList scopes = fixedNames(detail::kIpScopes.data(), detail::kIpScopes.data() + detail::kIpScopes.size());
    static const QStringList weekdays = fixedNames(detail::kWeekdays.data(), detail::kWeekdays.data() + detail::kWeekdays.size());
    static const QStringList hours = hourNames();
    for (const auto &c : columns) {
        switch (c.encoding) {
        case Encoding::OneHot:
            out.push_back(oneHotBlock(c.name, c.categories, c.hasOther, offset));
            break;
        case Encoding::TimeParts:
            out.push_back(oneHotBlock(c.name + QStringLiteral(".hour"), hours, false, offset));
            out.push_back(oneHotBlock(c.name + QStringLiteral(".weekday"), weekdays, false, offset));
            break;
        case Encoding::IpParts:
            out.push_back(oneHotBlock(c.name + QStringLiteral(".scope"), scopes, false, offset));
            out.push_back(oneHotBlock(c.name + QStringLiteral(".prefix"), c.categories, c.hasOther, offset));
            if (c.geo) {
                static const QStringList regions = fixedNames(GeoIpDatabase::continents().data(),
                                                              GeoIpDatabase::continents().data() + GeoIpDatabase::continents().size());
                out.push_back(oneHotBlock(c.name + QStringLiteral(".country"), c.countries, c.countriesHaveOther, offset));
                out.push_back(oneHotBlock(c.name + QStringLiteral(".region"), regions, false, offset));
            }
            break;
        case Encoding::None:
        case Encoding::Numeric:
            break;
        }
    }
    for (const auto &c : columns) {
        if (c.encoding != Encoding::Numeric)
            continue;
        FeatureBlock b;
        b.name = c.name;
        b.kind = FeatureBlock::Kind::Numeric;
        b.offset = offset++;
        b.width = 1;
        b.featureNames << numericFeatureName(c);
        out.push_back(std::move(b));
    }
    return out;
}

const ColumnSpec *FeatureSchema::column(const QString &name) const
{
    for (const auto &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString FeatureSchema::columnWithRole(Role role) const
{
    for (const auto &c : columns) {
        if (c.role == role)
            return c.name;
    }
    return {};
}

QJsonObject FeatureSchema::toJson() const
{
    QJsonArray cols;
    for (const auto &c : columns) {
        QJsonArray top;
        for (const auto &[v, n] : c.topValues)
            top.append(QJsonArray{v, qint64(n)});
        QJsonObject o{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("kind"), kindName(c.kind)},
            {QStringLiteral("role"), roleName(c.role)},
            {QStringLiteral("encoding"), encodingName(c.encoding)},
            {QStringLiteral("top_k"), c.topK},
            {QStringLiteral("min_frequency"), qint64(c.minFrequency)},
            {QStringLiteral("transform"), transformName(c.transform)},
            {QStringLiteral("sort_by_name"), c.sortCategoriesByName},
            {QStringLiteral("rows"), qint64(c.rows)},
            {QStringLiteral("missing"), qint64(c.missing)},
            {QStringLiteral("non_finite"), qint64(c.nonFinite)},
            {QStringLiteral("cardinality"), qint64(c.cardinality)},
            {QStringLiteral("top_values"), top},
            {QStringLiteral("fitted"), c.fitted},
            {QStringLiteral("categories"), QJsonArray::fromStringList(c.categories)},
            {QStringLiteral("has_other"), c.hasOther},
            {QStringLiteral("shift"), c.shift},
            {QStringLiteral("scale"), c.scale},
            {QStringLiteral("low"), c.low},
            {QStringLiteral("high"), c.high},
            {QStringLiteral("width"), c.width()},
        };
        if (c.encoding == Encoding::IpParts) {
            o.insert(QStringLiteral("geo"), c.geo);
            o.insert(QStringLiteral("countries"), QJsonArray::fromStringList(c.countries));
            o.insert(QStringLiteral("countries_other"), c.countriesHaveOther);
            o.insert(QStringLiteral("geo_note"), c.geoNote);
        }
        cols.append(o);
    }
    return QJsonObject{
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("width"), width()},
        {QStringLiteral("columns"), cols},
    };
}

Result<FeatureSchema> FeatureSchema::fromJson(const QJsonObject &object)
{
    const int version = object.value(QStringLiteral("version")).toInt(-1);
    if (version != kVersion) {
        return fail(ErrorCode::Unsupported, QStringLiteral("schema JSON version %1 is not supported (this build reads version %2); "
                                                           "re-infer the schema from the dataset")
                                                .arg(version)
                                                .arg(kVersion));
    }
    const auto colsValue = object.value(QStringLiteral("columns"));
    if (!colsValue.isArray())
        return fail(ErrorCode::Parse, QStringLiteral("schema JSON has no \"columns\" array"));
    FeatureSchema schema;
    schema.profile = object.value(QStringLiteral("profile")).toString();
    const auto cols = colsValue.toArray();
    for (qsizetype i = 0; i < cols.size(); ++i) {
        const auto o = cols[i].toObject();
        const auto where = [&](const Error &e) {
            return fail(e.code, QStringLiteral("schema JSON column %1: %2").arg(i).arg(e.message));
        };
        ColumnSpec c;
        c.name = o.value(QStringLiteral("name")).toString();
        if (c.name.isEmpty())
            return fail(ErrorCode::Parse, QStringLiteral("schema JSON column %1 has no name").arg(i));
        auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
        auto role = roleFromName(o.value(QStringLiteral("role")).toString());
        auto enc = encodingFromName(o.value(QStringLiteral("encoding")).toString());
        auto tr = transformFromName(o.value(QStringLiteral("transform")).toString());
        if (!kind)
            return where(kind.error());
        if (!role)
            return where(role.error());
        if (!enc)
            return where(enc.error());
        if (!tr)
            return where(tr.error());
        c.kind = *kind;
        c.role = *role;
        c.encoding = *enc;
        c.transform = *tr;
        c.topK = o.value(QStringLiteral("top_k")).toInt();
        c.minFrequency = o.value(QStringLiteral("min_frequency")).toInteger(1);
        c.sortCategoriesByName = o.value(QStringLiteral("sort_by_name")).toBool();
        c.rows = o.value(QStringLiteral("rows")).toInteger();
        c.missing = o.value(QStringLiteral("missing")).toInteger();
        c.nonFinite = o.value(QStringLiteral("non_finite")).toInteger();
        c.cardinality = o.value(QStringLiteral("cardinality")).toInteger();
        for (const auto &t : o.value(QStringLiteral("top_values")).toArray()) {
            const auto pair = t.toArray();
            c.topValues.emplace_back(pair.at(0).toString(), pair.at(1).toInteger());
        }
        c.fitted = o.value(QStringLiteral("fitted")).toBool();
        for (const auto &v : o.value(QStringLiteral("categories")).toArray())
            c.categories << v.toString();
        c.hasOther = o.value(QStringLiteral("has_other")).toBool();
        c.shift = o.value(QStringLiteral("shift")).toDouble(0.0);
        c.scale = o.value(QStringLiteral("scale")).toDouble(1.0);
        c.low = o.value(QStringLiteral("low")).toDouble();
        c.high = o.value(QStringLiteral("high")).toDouble();
        // Absent in schemas written before country features existed: no geo blocks.
        c.geo = o.value(QStringLiteral("geo")).toBool();
        for (const auto &v : o.value(QStringLiteral("countries")).toArray())
            c.countries << v.toString();
        c.countriesHaveOther = o.value(QStringLiteral("countries_other")).toBool();
        c.geoNote = o.value(QStringLiteral("geo_note")).toString();
        if (!std::isfinite(c.shift) || !std::isfinite(c.scale) || c.scale == 0.0)
            return fail(ErrorCode::Parse, QStringLiteral("schema JSON column '%1': shift/scale must be finite and scale non-zero").arg(c.name));
        if ((c.role == Role::Label || c.role == Role::Ignore) && c.encoding != Encoding::None)
            return fail(ErrorCode::Parse, QStringLiteral("schema JSON column '%1': role %2 cannot carry an encoding").arg(c.name, roleName(c.role)));
        if (o.contains(QStringLiteral("width")) && o.value(QStringLiteral("width")).toInt() != c.width())
            return fail(ErrorCode::Corrupt, QStringLiteral("schema JSON column '%1': stored width %2 does not match its %3 categories")
                                                .arg(c.name)
                                                .arg(o.value(QStringLiteral("width")).toInt())
                                                .arg(c.categories.size()));
        schema.columns.push_back(std::move(c));
    }
    if (object.contains(QStringLiteral("width")) && object.value(QStringLiteral("width")).toInt() != schema.width()) {
        return fail(ErrorCode::Corrupt, QStringLiteral("schema JSON width %1 does not match its columns (%2)")
                                            .arg(object.value(QStringLiteral("width")).toInt())
                                            .arg(schema.width()));
    }
    return schema;
}

// ---- explain ----------------------------------------------------------------------------------

Result<RowExplanation> explain(const FeatureSchema &schema, const FeatureMatrix &matrix, std::int64_t row)
{
    if (matrix.cols != schema.width()) {
        return fail(ErrorCode::Mismatch, QStringLiteral("the matrix has %1 columns but the schema is %2 features wide")
                                             .arg(matrix.cols)
                                             .arg(schema.width()));
    }
    if (row < 0 || row >= matrix.rows)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("row %1 is outside the matrix (0…%2)").arg(row).arg(matrix.rows - 1));
    RowExplanation out;
    out.recordId = size_t(row) < matrix.recordIds.size() ? matrix.recordIds[size_t(row)] : row + 1;
    const float *values = matrix.row(row);
    for (const auto &b : schema.blocks()) {
        BlockView view;
        view.block = b.name;
        view.oneHot = b.kind == FeatureBlock::Kind::OneHot;
        if (view.oneHot) {
            view.bits.reserve(b.width);
            for (int k = 0; k < b.width; ++k) {
                const bool on = values[b.offset + k] != 0.0f;
                view.bits += on ? QLatin1Char('1') : QLatin1Char('0');
                if (on && view.active.isEmpty())
                    view.active = b.featureNames[k];
            }
        } else {
            view.value = values[b.offset];
            view.active = b.featureNames.value(0);
        }
        for (int k = 0; k < b.width; ++k) {
            const float v = values[b.offset + k];
            if (v != 0.0f)
                out.nonZero.push_back(NamedFeature{b.offset + k, b.featureNames[k], v});
        }
        out.blocks.push_back(std::move(view));
    }
    return out;
}

// ---- persistence ------------------------------------------------------------------------------

Result<std::int64_t> saveSchema(Project &project, std::int64_t datasetId, const FeatureSchema &schema)
{
    auto &db = project.db();
    sql::Transaction tx(db);
    auto check = db.prepare("SELECT COUNT(*) FROM datasets WHERE id = ?1");
    if (!check)
        return tl::unexpected(check.error());
    check->bind(1, datasetId);
    auto has = check->step();
    if (!has)
        return tl::unexpected(has.error());
    if (!*has || check->int64(0) == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("dataset %1 does not exist in the project; list datasets with `vigil-cli project info`").arg(datasetId));
    auto st = db.prepare("INSERT INTO schemas(dataset_id, name, schema_json, created_at) VALUES(?1, ?2, ?3, ?4)");
    if (!st)
        return tl::unexpected(st.error());
    const QByteArray json = QJsonDocument(schema.toJson()).toJson(QJsonDocument::Compact);
    st->bind(1, datasetId)
        .bind(2, schema.profile.isEmpty() ? QStringLiteral("default") : schema.profile)
        .bind(3, std::string_view(json.constData(), size_t(json.size())))
        .bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (auto r = st->run(); !r)
        return tl::unexpected(r.error());
    const std::int64_t id = db.lastInsertId();
    const QJsonObject detail{{QStringLiteral("schema_id"), qint64(id)}, {QStringLiteral("dataset_id"), qint64(datasetId)},
                             {QStringLiteral("width"), schema.width()}};
    if (auto r = project.audit(QStringLiteral("schema.save"), QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))); !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r)
        return tl::unexpected(r.error());
    return id;
}

Result<FeatureSchema> loadSchema(sql::Database &db, std::int64_t datasetId)
{
    auto st = db.prepare("SELECT id, schema_json FROM schemas WHERE dataset_id = ?1 ORDER BY id DESC LIMIT 1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId);
    auto has = st->step();
    if (!has)
        return tl::unexpected(has.error());
    if (!*has)
        return fail(ErrorCode::NotFound, QStringLiteral("dataset %1 has no stored schema; run `vigil-cli schema --dataset %1` first").arg(datasetId));
    const auto id = st->int64(0);
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(st->text(1).toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Corrupt, QStringLiteral("schema %1 of dataset %2 is not valid JSON (%3 at offset %4)")
                                            .arg(id)
                                            .arg(datasetId)
                                            .arg(err.errorString())
                                            .arg(err.offset));
    auto schema = FeatureSchema::fromJson(doc.object());
    if (!schema)
        return fail(schema.error().code, QStringLiteral("schema %1 of dataset %2: %3").arg(id).arg(datasetId).arg(schema.error().message));
    return schema;
}

} // namespace vigil
