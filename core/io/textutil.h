#pragma once

// Byte-level helpers shared by the readers. Everything here works on raw bytes (string_view):
// the readers' hot loops must not build a QString per field.

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

namespace vigil::io {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// True when every byte is < 0x80 (checked eight bytes at a time).
inline bool isAscii(std::string_view s)
{
    const char *p = s.data();
    size_t n = s.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if (w & 0x8080808080808080ull)
            return false;
        p += 8;
        n -= 8;
    }
    while (n--) {
        if (static_cast<unsigned char>(*p++) & 0x80)
            return false;
    }
    return true;
}

/// Strict UTF-8 validation (no overlongs, no surrogates, max U+10FFFF).
bool isValidUtf8(std::string_view s);

/// Appends \a s read as Latin-1 to \a out as UTF-8. Logs that are not UTF-8 are almost always
/// Latin-1/cp1252; reading them so never fails and keeps every byte visible.
void appendLatin1AsUtf8(std::string_view s, std::string &out);

inline std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

/// Parses an optionally signed decimal integer that spans all of \a s (at most 18 digits, so
/// it fits a double exactly enough and never overflows). Returns false otherwise.
inline bool parseInt(std::string_view s, std::int64_t &out)
{
    if (s.empty())
        return false;
    size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == s.size() || s.size() - i > 18)
        return false;
    std::int64_t v = 0;
    for (; i < s.size(); ++i) {
        const unsigned d = unsigned(s[i]) - unsigned('0');
        if (d > 9)
            return false;
        v = v * 10 + std::int64_t(d);
    }
    out = neg ? -v : v;
    return true;
}

/// Parses a real number spanning all of \a s, including `Infinity`, `-Infinity`, `inf`, `NaN`
/// (any case), as written by CIC-IDS2017 and pandas exports.
bool parseReal(std::string_view s, double &out);

/// Case-insensitive ASCII equality.
inline bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = char(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
inline std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

/// A parsed wall-clock time: epoch seconds (UTC) plus the hour and weekday as written in the
/// log (the server's local clock, which is what diurnal patterns follow).
struct WallTime {
    double epoch = kNaN;
    int hour = -1;
    int weekday = -1; ///< 0 = Monday … 6 = Sunday
};

/// Parses Apache/nginx `$time_local`: `10/Oct/2000:13:55:36 -0700` (offset optional).
bool parseTimeLocal(std::string_view s, WallTime &out);
/// Parses ISO 8601 `2024-03-04T05:06:07(.123)(Z|+hh:mm|+hhmm)`; no offset means UTC.
bool parseIso8601(std::string_view s, WallTime &out);

} // namespace vigil::io
