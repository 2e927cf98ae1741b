#include "webderive.h"

#include <array>
#include <cstdio>

namespace vigil::io {

RequestParts splitRequest(std::string_view request)
{
    RequestParts r;
    const size_t sp1 = request.find(' ');
    std::string_view method = request.substr(0, sp1);
    bool methodOk = !method.empty() && method.size() <= 20;
    for (const char c : method) {
        if (!((c >= 'A' && c <= 'Z') || c == '_' || c == '-')) {
            methodOk = false;
            break;
        }
    }
    if (!methodOk || sp1 == std::string_view::npos)
        return r;
    r.valid = true;
    r.method = method;
    std::string_view rest = request.substr(sp1 + 1);
    const size_t sp2 = rest.rfind(' ');
    if (sp2 != std::string_view::npos && rest.substr(sp2 + 1).substr(0, 5) == "HTTP/") {
        r.protocol = rest.substr(sp2 + 1);
        rest = rest.substr(0, sp2);
    }
    r.uri = rest;
    std::string_view path = rest;
    const size_t q = path.find('?');
    if (q != std::string_view::npos) {
        r.query = path.substr(q + 1);
        r.hasQuery = true;
        path = path.substr(0, q);
    }
    // Absolute-form targets (proxies, scanners): drop scheme://host.
    if (const size_t scheme = path.find("://"); scheme != std::string_view::npos && scheme < 10) {
        const size_t slash = path.find('/', scheme + 3);
        path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
    }
    r.path = path;
    return r;
}

namespace {

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = char(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

constexpr std::array<bool, 256> makeSpecial()
{
    std::array<bool, 256> t{};
    for (const char c : std::string_view("'\"<>;(){}|\\`$"))
        t[static_cast<unsigned char>(c)] = true;
    return t;
}
constexpr auto kSpecial = makeSpecial();

void scanUrlPart(std::string_view s, UrlStats &st)
{
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%' && i + 2 < s.size()) {
            const int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                ++st.pctEncoded;
                if (kSpecial[size_t(hi * 16 + lo)])
                    ++st.specialChars;
                i += 2;
                continue;
            }
        }
        if (kSpecial[static_cast<unsigned char>(c)])
            ++st.specialChars;
        else if (c == '.' && i + 2 < s.size() && s[i + 1] == '.' && (s[i + 2] == '/' || s[i + 2] == '\\'))
            ++st.specialChars;
    }
}

} // namespace

UrlStats urlStats(std::string_view path, std::string_view query)
{
    UrlStats st;
    bool inSegment = false;
    for (const char c : path) {
        if (c == '/') {
            inSegment = false;
        } else if (!inSegment) {
            inSegment = true;
            ++st.depth;
        }
    }
    scanUrlPart(path, st);
    scanUrlPart(query, st);
    return st;
}

std::string pathExtension(std::string_view path)
{
    const size_t slash = path.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const size_t dot = last.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= last.size())
        return {};
    const std::string_view ext = last.substr(dot + 1);
    if (ext.size() > 10)
        return {};
    std::string out;
    out.reserve(ext.size());
    for (char c : ext) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return {};
        out.push_back(c);
    }
    return out;
}

namespace {

struct Needle {
    std::string_view text; // lowercase
    const char *name;
};

// Scanners and crawlers first: their agents often contain "Mozilla … Chrome".
constexpr Needle kScanners[] = {
    {"sqlmap", "sqlmap"},       {"nikto", "Nikto"},           {"nmap", "Nmap"},
    {"nuclei", "nuclei"},       {"masscan", "masscan"},       {"zgrab", "ZGrab"},
    {"wpscan", "WPScan"},       {"gobuster", "gobuster"},     {"dirbuster", "DirBuster"},
    {"acunetix", "Acunetix"},   {"netsparker", "Netsparker"}, {"w3af", "w3af"},
    {"openvas", "OpenVAS"},     {"nessus", "Nessus"},         {"burp", "Burp"},
    {"zap/", "ZAP"},            {"arachni", "Arachni"},       {"skipfish", "skipfish"},
    {"wfuzz", "wfuzz"},         {"ffuf", "ffuf"},             {"hydra", "Hydra"},
    {"morfeus", "Morfeus"},     {"jorgee", "Jorgee"},         {"zmeu", "ZmEu"},
};
constexpr Needle kCrawlers[] = {
    {"googlebot", "Googlebot"}, {"bingbot", "bingbot"}, {"yandexbot", "YandexBot"},
    {"baiduspider", "Baiduspider"}, {"duckduckbot", "DuckDuckBot"}, {"ahrefsbot", "AhrefsBot"},
    {"semrushbot", "SemrushBot"}, {"applebot", "Applebot"}, {"facebookexternalhit", "facebook"},
};
constexpr std::string_view kBotWords[] = {"bot", "crawl", "spider", "slurp", "scan"};
constexpr Needle kClients[] = {
    {"python-requests", "python-requests"}, {"python-urllib", "Python"}, {"aiohttp", "Python"},
    {"curl/", "curl"},                      {"wget/", "Wget"},           {"go-http-client", "Go"},
    {"java/", "Java"},                      {"okhttp", "okhttp"},        {"libwww-perl", "Perl"},
    {"powershell", "PowerShell"},
};
// Order matters: Edge and Opera agents also say Chrome; Chrome says Safari.
constexpr Needle kBrowsers[] = {
    {"edg/", "Edge"},      {"edge/", "Edge"},   {"edga/", "Edge"},     {"edgios/", "Edge"},
    {"opr/", "Opera"},     {"opera", "Opera"},  {"msie ", "IE"},       {"trident/", "IE"},
    {"firefox/", "Firefox"}, {"fxios/", "Firefox"}, {"chrome/", "Chrome"}, {"crios/", "Chrome"},
    {"chromium/", "Chrome"}, {"safari/", "Safari"},
};

} // namespace

UserAgentInfo classifyUserAgent(std::string_view ua)
{
    UserAgentInfo info;
    std::string low(ua.size(), '\0');
    for (size_t i = 0; i < ua.size(); ++i) {
        char c = ua[i];
        low[i] = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    }
    const std::string_view s = low;
    auto has = [&](std::string_view n) { return s.find(n) != std::string_view::npos; };

    bool matched = false;
    for (const Needle &n : kScanners) {
        if (has(n.text)) {
            info.browser = n.name;
            info.bot = true;
            matched = true;
            break;
        }
    }
    if (!matched) {
        for (const Needle &n : kCrawlers) {
            if (has(n.text)) {
                info.browser = n.name;
                info.bot = true;
                matched = true;
                break;
            }
        }
    }
    if (!matched) {
        for (const Needle &n : kClients) {
            if (has(n.text)) {
                info.browser = n.name;
                matched = true;
                break;
            }
        }
    }
    if (!matched) {
        for (const Needle &n : kBrowsers) {
            if (has(n.text)) {
                info.browser = n.name;
                break;
            }
        }
    }
    if (!info.bot) {
        for (const std::string_view w : kBotWords) {
            if (has(w)) {
                info.bot = true;
                if (!matched)
                    info.browser = "Bot";
                break;
            }
        }
    }
    if (has("android"))
        info.os = "Android";
    else if (has("iphone") || has("ipad") || has("ipod") || has("cpu os "))
        info.os = "iOS";
    else if (has("windows") || has("win64") || has("win32"))
        info.os = "Windows";
    else if (has("mac os x") || has("macintosh") || has("darwin"))
        info.os = "macOS";
    else if (has("linux") || has("x11") || has("cros "))
        info.os = "Linux";
    return info;
}

namespace {

bool parseV4(std::string_view s, unsigned char out[4])
{
    int part = 0;
    unsigned v = 0;
    int digits = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '.') {
            if (digits == 0 || v > 255 || part > 3)
                return false;
            out[part++] = static_cast<unsigned char>(v);
            v = 0;
            digits = 0;
            continue;
        }
        const unsigned d = unsigned(s[i]) - unsigned('0');
        if (d > 9 || ++digits > 3)
            return false;
        v = v * 10 + d;
    }
    return part == 4;
}

bool parseV6(std::string_view s, std::uint16_t out[8])
{
    if (const size_t pct = s.find('%'); pct != std::string_view::npos)
        s = s.substr(0, pct); // zone id
    if (s.size() < 2 || s.size() > 45)
        return false;
    std::uint16_t head[8] = {}, tail[8] = {};
    int nh = 0, nt = 0;
    bool gap = false;
    size_t i = 0;
    if (s.substr(0, 2) == "::") {
        gap = true;
        i = 2;
    }
    while (i < s.size()) {
        // Embedded IPv4 in the last 32 bits.
        const size_t next = s.find(':', i);
        const std::string_view tok = s.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
        if (tok.find('.') != std::string_view::npos) {
            unsigned char v4[4];
            if (next != std::string_view::npos || !parseV4(tok, v4))
                return false;
            std::uint16_t *arr = gap ? tail : head;
            int &n = gap ? nt : nh;
            if (n > 6)
                return false;
            arr[n++] = std::uint16_t(v4[0] << 8 | v4[1]);
            arr[n++] = std::uint16_t(v4[2] << 8 | v4[3]);
            i = s.size();
            break;
        }
        if (tok.empty() || tok.size() > 4)
            return false;
        unsigned v = 0;
        for (const char c : tok) {
            const int h = hexValue(c);
            if (h < 0)
                return false;
            v = v * 16 + unsigned(h);
        }
        std::uint16_t *arr = gap ? tail : head;
        int &n = gap ? nt : nh;
        if (n >= 8)
            return false;
        arr[n++] = std::uint16_t(v);
        if (next == std::string_view::npos) {
            i = s.size();
        } else if (next + 1 < s.size() && s[next + 1] == ':') {
            if (gap)
                return false;
            gap = true;
            i = next + 2;
        } else {
            if (next + 1 == s.size())
                return false;
            i = next + 1;
        }
    }
    if (gap ? nh + nt > 7 : nh != 8)
        return false;
    for (int k = 0; k < 8; ++k)
        out[k] = 0;
    for (int k = 0; k < nh; ++k)
        out[k] = head[k];
    for (int k = 0; k < nt; ++k)
        out[8 - nt + k] = tail[k];
    return true;
}

/// "a.b.c.0/24" without printf (this runs once per log line).
std::string v4Prefix(const unsigned char a[4])
{
    char buf[24];
    char *p = buf;
    for (int i = 0; i < 3; ++i) {
        const unsigned v = a[i];
        if (v >= 100)
            *p++ = char('0' + v / 100);
        if (v >= 10)
            *p++ = char('0' + v / 10 % 10);
        *p++ = char('0' + v % 10);
        *p++ = '.';
    }
    const char tail[] = "0/24";
    for (const char c : std::string_view(tail, 4))
        *p++ = c;
    return std::string(buf, size_t(p - buf));
}

const char *v4Scope(const unsigned char a[4])
{
    if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xF0) == 16) || (a[0] == 192 && a[1] == 168)
        || (a[0] == 100 && (a[1] & 0xC0) == 64))
        return "private";
    if (a[0] == 127)
        return "loopback";
    if (a[0] == 169 && a[1] == 254)
        return "link-local";
    if (a[0] >= 224 && a[0] <= 239)
        return "multicast";
    if (a[0] == 0)
        return "unspecified";
    return "public";
}

} // namespace

IpInfo classifyIp(std::string_view ip)
{
    IpInfo info;
    unsigned char v4[4];
    char buf[64];
    if (parseV4(ip, v4)) {
        info.scope = v4Scope(v4);
        info.prefix = v4Prefix(v4);
        return info;
    }
    std::uint16_t v6[8];
    if (!parseV6(ip, v6))
        return info;
    const bool mapped = v6[0] == 0 && v6[1] == 0 && v6[2] == 0 && v6[3] == 0 && v6[4] == 0 && v6[5] == 0xFFFF;
    if (mapped) {
        const unsigned char m[4] = {static_cast<unsigned char>(v6[6] >> 8), static_cast<unsigned char>(v6[6] & 0xFF),
                                    static_cast<unsigned char>(v6[7] >> 8), static_cast<unsigned char>(v6[7] & 0xFF)};
        info.scope = v4Scope(m);
        info.prefix = v4Prefix(m);
        return info;
    }
    bool zeroHigh = true;
    for (int k = 0; k < 7; ++k)
        zeroHigh = zeroHigh && v6[k] == 0;
    if (zeroHigh && v6[7] == 1)
        info.scope = "loopback";
    else if (zeroHigh && v6[7] == 0)
        info.scope = "unspecified";
    else if ((v6[0] & 0xFFC0) == 0xFE80)
        info.scope = "link-local";
    else if ((v6[0] & 0xFE00) == 0xFC00)
        info.scope = "private";
    else if ((v6[0] & 0xFF00) == 0xFF00)
        info.scope = "multicast";
    else
        info.scope = "public";
    const int n = std::snprintf(buf, sizeof buf, "%x:%x:%x::/48", v6[0], v6[1], v6[2]);
    info.prefix.assign(buf, size_t(n));
    return info;
}

} // namespace vigil::io
