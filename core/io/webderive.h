#pragma once

// Fields derived from web-log values at import, so that the schema only has to encode columns.
// Pure functions over bytes; exposed for tests.

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::io {

/// The parts of an HTTP request line `METHOD URI PROTOCOL`.
struct RequestParts {
    bool valid = false;           ///< false for "-", empty or binary junk (method = "<invalid>")
    std::string_view method;
    std::string_view uri;
    std::string_view path;        ///< uri without the query (and without scheme://host)
    std::string_view query;       ///< after '?', empty when none
    bool hasQuery = false;
    std::string_view protocol;    ///< "HTTP/1.1", empty when absent
};
RequestParts splitRequest(std::string_view request);

struct UrlStats {
    int depth = 0;                ///< non-empty path segments
    int pctEncoded = 0;           ///< `%XX` escapes in path + query
    int specialChars = 0;         ///< ' " < > ; ( ) { } | \ ` $ and "../", raw or %-encoded
};
UrlStats urlStats(std::string_view path, std::string_view query);
/// Lowercased extension of the last path segment ("php", "png"), empty when none. At most 10
/// alphanumeric characters; anything else means no extension.
std::string pathExtension(std::string_view path);

/// User-agent classification. Crawlers and scanners are matched before browsers because their
/// agents often embed a browser string.
struct UserAgentInfo {
    const char *browser = "Other"; ///< Chrome, Firefox, Safari, Edge, IE, Opera, curl, Wget, python-requests, …
    const char *os = "Other";      ///< Windows, macOS, Linux, Android, iOS, Other
    bool bot = false;              ///< crawler or vulnerability scanner
};
UserAgentInfo classifyUserAgent(std::string_view ua);

/// IP scope and network prefix ("private", "10.1.2.0/24"; v6 → /48).
struct IpInfo {
    const char *scope = "invalid"; ///< private, public, loopback, link-local, multicast, unspecified, invalid
    std::string prefix;            ///< empty when not an IP
};
IpInfo classifyIp(std::string_view ip);

} // namespace vigil::io
