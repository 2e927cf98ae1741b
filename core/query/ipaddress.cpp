#include "core/query/ipaddress.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace vigil::query {

namespace {

std::optional<std::array<std::uint8_t, 4>> parseV4(std::string_view s)
{
    std::array<std::uint8_t, 4> out{};
    size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.')
                return std::nullopt;
            ++i;
        }
        int value = 0;
        int digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            value = value * 10 + (s[i] - '0');
            ++i;
            if (++digits > 3 || value > 255)
                return std::nullopt;
        }
        if (digits == 0)
            return std::nullopt;
        out[size_t(part)] = std::uint8_t(value);
    }
    if (i != s.size())
        return std::nullopt;
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<Ip16> parseV6(std::string_view s)
{
    // Up to 8 groups; `::` marks where the zero groups go.
    std::array<std::uint16_t, 8> groups{};
    int count = 0;
    int gap = -1;
    size_t i = 0;
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    } else if (!s.empty() && s[0] == ':') {
        return std::nullopt;
    }
    while (i < s.size()) {
        if (count >= 8)
            return std::nullopt;
        // An embedded IPv4 tail (::ffff:1.2.3.4) takes two groups.
        const size_t nextColon = s.find(':', i);
        const std::string_view piece = s.substr(i, nextColon == std::string_view::npos ? s.size() - i : nextColon - i);
        if (nextColon == std::string_view::npos && piece.find('.') != std::string_view::npos) {
            auto v4 = parseV4(piece);
            if (!v4 || count > 6)
                return std::nullopt;
            groups[size_t(count++)] = std::uint16_t((*v4)[0] << 8 | (*v4)[1]);
            groups[size_t(count++)] = std::uint16_t((*v4)[2] << 8 | (*v4)[3]);
            i = s.size();
            break;
        }
        if (piece.empty() || piece.size() > 4)
            return std::nullopt;
        std::uint16_t g = 0;
        for (char c : piece) {
            const int h = hexValue(c);
            if (h < 0)
                return std::nullopt;
            g = std::uint16_t(g << 4 | h);
        }
        groups[size_t(count++)] = g;
        i += piece.size();
        if (i == s.size())
            break;
        ++i; // the ':'
        if (i < s.size() && s[i] == ':') {
            if (gap >= 0)
                return std::nullopt;
            gap = count;
            ++i;
        } else if (i == s.size()) {
            return std::nullopt; // trailing single ':'
        }
    }
    if (gap < 0 && count != 8)
        return std::nullopt;
    if (gap >= 0 && count >= 8)
        return std::nullopt;
    std::array<std::uint16_t, 8> full{};
    if (gap < 0) {
        full = groups;
    } else {
        const int tail = count - gap;
        for (int k = 0; k < gap; ++k)
            full[size_t(k)] = groups[size_t(k)];
        for (int k = 0; k < tail; ++k)
            full[size_t(8 - tail + k)] = groups[size_t(gap + k)];
    }
    Ip16 out{};
    for (size_t k = 0; k < 8; ++k) {
        out[2 * k] = std::uint8_t(full[k] >> 8);
        out[2 * k + 1] = std::uint8_t(full[k] & 0xff);
    }
    return out;
}

void ipInFunction(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc != 3 || sqlite3_value_type(argv[0]) != SQLITE_TEXT || sqlite3_value_bytes(argv[1]) != 16
        || sqlite3_value_bytes(argv[2]) != 16) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int n = sqlite3_value_bytes(argv[0]);
    const auto ip = parseIp(std::string_view(text, size_t(n)));
    if (!ip) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    const void *low = sqlite3_value_blob(argv[1]);
    const void *high = sqlite3_value_blob(argv[2]);
    const bool inside = std::memcmp(ip->data(), low, 16) >= 0 && std::memcmp(ip->data(), high, 16) <= 0;
    sqlite3_result_int(ctx, inside ? 1 : 0);
}

} // namespace

std::optional<Ip16> parseIp(std::string_view s)
{
    if (s.empty() || s.size() > 64)
        return std::nullopt;
    if (s.front() == '[' && s.back() == ']')
        s = s.substr(1, s.size() - 2);
    if (const size_t zone = s.find('%'); zone != std::string_view::npos)
        s = s.substr(0, zone);
    if (s.find(':') == std::string_view::npos) {
        auto v4 = parseV4(s);
        if (!v4)
            return std::nullopt;
        Ip16 out{};
        out[10] = 0xff;
        out[11] = 0xff;
        std::memcpy(out.data() + 12, v4->data(), 4);
        return out;
    }
    return parseV6(s);
}

std::optional<Ip16> parseIp(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return parseIp(std::string_view(utf8.constData(), size_t(utf8.size())));
}

std::optional<IpRange> parseCidr(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    const QString addr = slash < 0 ? text : text.left(slash);
    auto ip = parseIp(addr);
    if (!ip)
        return std::nullopt;
    const bool v4 = !addr.contains(u':');
    const int maxBits = v4 ? 32 : 128;
    int bits = maxBits;
    if (slash >= 0) {
        bool ok = false;
        const QString b = text.mid(slash + 1);
        bits = b.toInt(&ok);
        if (!ok || b.isEmpty() || b.startsWith(u'+') || b.startsWith(u'-') || bits < 0 || bits > maxBits)
            return std::nullopt;
    }
    const int prefix = v4 ? bits + 96 : bits; // mapped IPv4 sits in the low 32 bits
    IpRange r;
    for (int i = 0; i < 16; ++i) {
        const int bitsHere = std::clamp(prefix - i * 8, 0, 8);
        const std::uint8_t mask = bitsHere == 0 ? 0 : std::uint8_t(0xff << (8 - bitsHere));
        r.low[size_t(i)] = (*ip)[size_t(i)] & mask;
        r.high[size_t(i)] = std::uint8_t(r.low[size_t(i)] | std::uint8_t(~mask));
    }
    return r;
}

bool registerSqlFunctions(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "vigil_ip_in", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, &ipInFunction, nullptr, nullptr, nullptr)
           == SQLITE_OK;
}

} // namespace vigil::query
