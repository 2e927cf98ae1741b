#include "textutil.h"

#include <charconv>

namespace vigil::io {

bool isValidUtf8(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *end = p + s.size();
    while (p < end) {
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= n)
            return false;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

void appendLatin1AsUtf8(std::string_view s, std::string &out)
{
    out.reserve(out.size() + s.size() * 2);
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(char(c));
        } else {
            out.push_back(char(0xC0 | (c >> 6)));
            out.push_back(char(0x80 | (c & 0x3F)));
        }
    }
}

bool parseReal(std::string_view s, double &out)
{
    if (s.empty())
        return false;
    std::string_view body = s;
    bool neg = false;
    if (body[0] == '+' || body[0] == '-') {
        neg = body[0] == '-';
        body.remove_prefix(1);
    }
    if (!body.empty() && (body[0] | 0x20) >= 'a' && (body[0] | 0x20) <= 'z') {
        if (equalsNoCase(body, "infinity") || equalsNoCase(body, "inf")) {
            out = neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
            return true;
        }
        if (equalsNoCase(body, "nan")) {
            out = kNaN;
            return true;
        }
        return false;
    }
    // Fast path for plain decimals ("0.05", "1234"): with at most 15 significant digits both
    // the digits and the power of ten are exact doubles, so one division is correctly rounded,
    // the same result from_chars gives. Data sets are full of these.
    {
        std::uint64_t mant = 0;
        int digits = 0, frac = -1;
        size_t i = 0;
        for (; i < body.size(); ++i) {
            const char c = body[i];
            if (c >= '0' && c <= '9') {
                mant = mant * 10 + std::uint64_t(c - '0');
                ++digits;
                if (frac >= 0)
                    ++frac;
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                break;
            }
        }
        if (i == body.size() && digits > 0 && digits <= 15 && frac != 0) {
            static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                                1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
            const double v = frac > 0 ? double(mant) / kPow10[frac] : double(mant);
            out = neg ? -v : v;
            return true;
        }
    }
    // from_chars rejects a leading '+', and we already know the sign.
    double v = 0;
    const auto r = std::from_chars(body.data(), body.data() + body.size(), v);
    if (r.ec != std::errc() || r.ptr != body.data() + body.size())
        return false;
    out = neg ? -v : v;
    return true;
}

namespace {

inline bool digits(std::string_view s, size_t pos, size_t n, unsigned &out)
{
    if (pos + n > s.size())
        return false;
    unsigned v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        const unsigned d = unsigned(s[i]) - unsigned('0');
        if (d > 9)
            return false;
        v = v * 10 + d;
    }
    out = v;
    return true;
}

int monthIndex(std::string_view m)
{
    static constexpr const char *kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    if (m.size() != 3)
        return -1;
    const char a = char(m[0] | 0x20), b = char(m[1] | 0x20), c = char(m[2] | 0x20);
    for (int i = 0; i < 12; ++i) {
        if (kMonths[i][0] == a && kMonths[i][1] == b && kMonths[i][2] == c)
            return i + 1;
    }
    return -1;
}

bool finish(std::int64_t y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned sec, double frac,
            int offsetSeconds, WallTime &out)
{
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return false;
    const std::int64_t days = daysFromCivil(y, mo, d);
    const std::int64_t local = days * 86400 + h * 3600 + mi * 60 + sec;
    out.epoch = double(local - offsetSeconds) + frac;
    out.hour = int(h);
    // 1970-01-01 was a Thursday (3 when Monday = 0).
    out.weekday = int(((days % 7) + 7 + 3) % 7);
    return true;
}

bool parseOffset(std::string_view s, int &seconds)
{
    // "+hhmm", "+hh:mm", "Z"
    if (s == "Z" || s == "z") {
        seconds = 0;
        return true;
    }
    if (s.size() < 5 || (s[0] != '+' && s[0] != '-'))
        return false;
    unsigned hh = 0, mm = 0;
    if (!digits(s, 1, 2, hh))
        return false;
    const size_t mpos = s[3] == ':' ? 4 : 3;
    if (!digits(s, mpos, 2, mm) || s.size() != mpos + 2 || hh > 23 || mm > 59)
        return false;
    seconds = int(hh * 3600 + mm * 60) * (s[0] == '-' ? -1 : 1);
    return true;
}

} // namespace

bool parseTimeLocal(std::string_view s, WallTime &out)
{
    // 10/Oct/2000:13:55:36 -0700
    unsigned d = 0, y = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 20 || !digits(s, 0, 2, d) || s[2] != '/' || s[6] != '/' || !digits(s, 7, 4, y) || s[11] != ':'
        || !digits(s, 12, 2, h) || s[14] != ':' || !digits(s, 15, 2, mi) || s[17] != ':' || !digits(s, 18, 2, sec))
        return false;
    const int mo = monthIndex(s.substr(3, 3));
    if (mo < 0)
        return false;
    int offset = 0;
    std::string_view rest = s.substr(20);
    if (!rest.empty()) {
        rest = trimSpaces(rest);
        if (!rest.empty() && !parseOffset(rest, offset))
            return false;
    }
    return finish(y, unsigned(mo), d, h, mi, sec, 0.0, offset, out);
}

bool parseIso8601(std::string_view s, WallTime &out)
{
    unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 19 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-'
        || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, h) || s[13] != ':'
        || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
        return false;
    size_t pos = 19;
    double frac = 0.0;
    if (pos < s.size() && s[pos] == '.') {
        size_t e = pos + 1;
        double scale = 0.1;
        while (e < s.size() && s[e] >= '0' && s[e] <= '9') {
            frac += (s[e] - '0') * scale;
            scale /= 10;
            ++e;
        }
        if (e == pos + 1)
            return false;
        pos = e;
    }
    int offset = 0;
    if (pos < s.size() && !parseOffset(s.substr(pos), offset))
        return false;
    return finish(y, mo, d, h, mi, sec, frac, offset, out);
}

} // namespace vigil::io
