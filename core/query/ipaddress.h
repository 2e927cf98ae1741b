#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

struct sqlite3;

namespace vigil::query {

/// An address as 16 bytes; IPv4 is stored IPv4-mapped (::ffff:a.b.c.d) so one comparison covers
/// both families.
using Ip16 = std::array<std::uint8_t, 16>;

/// Parses dotted IPv4 or IPv6 (with `::`, an embedded IPv4 tail, optional [brackets] and %zone).
/// Bounded and allocation-free: this runs once per row inside SQLite.
std::optional<Ip16> parseIp(std::string_view text);
std::optional<Ip16> parseIp(const QString &text);

/// A CIDR block as its lowest and highest address.
struct IpRange {
    Ip16 low{};
    Ip16 high{};
};

/// Parses `10.0.0.0/8`, `2001:db8::/32` or a single address (a /32 or /128).
std::optional<IpRange> parseCidr(const QString &text);

/// Registers `vigil_ip_in(address_text, low_blob16, high_blob16)` on \a db: 1 when the text is
/// an address inside [low, high], 0 otherwise (also for NULL or non-addresses). Deterministic
/// and innocuous, so it is usable in WHERE clauses and indexes. Call on every connection that
/// runs compiled filters.
bool registerSqlFunctions(sqlite3 *db);

} // namespace vigil::query
