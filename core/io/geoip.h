#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>

namespace vigil {

/// A country database in the legacy MaxMind GeoIP binary format, as Debian's `geoip-database`
/// package ships it (/usr/share/GeoIP/GeoIP.dat for IPv4, GeoIPv6.dat for IPv6).
///
/// The format: a binary trie over the address bits, one node per 6 bytes (two 3-byte
/// little-endian records: the child for bit 0, then for bit 1). A record at or above the
/// country segment start (16776960) is a leaf; leaf − segment start indexes the country table.
/// A trailer at the end of the file (0xFF 0xFF 0xFF, then the edition byte) names the edition.
///
/// Every read is bounds-checked against the file: a truncated or corrupt database gives "no
/// country" for the affected addresses and never reads outside the file or loops.
class GeoIpDatabase
{
public:
    /// Reads \a path whole (a few MB). Fails with NotFound when it does not exist, Corrupt when
    /// it is not a country database of this format (no trailer, wrong edition, no tree).
    static Result<GeoIpDatabase> open(const QString &path);

    /// True for the IPv6 edition (128-bit keys).
    bool isIpv6() const { return m_v6; }
    /// The build line stored in the file ("GEO-106FREE 20191224 Build 1 …"), or empty.
    QString info() const { return m_info; }
    QString path() const { return m_path; }

    /// The ISO 3166 code of an IPv4 address (network byte order), "" when the database has none
    /// (private and reserved ranges, unknown). Only for the IPv4 edition.
    QString countryV4(std::uint32_t address) const;
    /// The same for an IPv6 address. Only for the IPv6 edition.
    QString countryV6(const std::array<std::uint8_t, 16> &address) const;

    /// Index into the country table for the address bits \a key (\a bits long, most significant
    /// first); 0 when unknown. Exposed for tests.
    int countryIndex(const std::uint8_t *key, int bits) const;

    /// ISO code of table entry \a index ("" for 0 and out of range). The pseudo-codes A1
    /// (anonymous proxy), A2 (satellite provider), O1 (other), AP, EU are kept as they are.
    static QString countryCode(int index);
    /// Continent of an ISO country code: AF, AN, AS, EU, NA, OC, SA; "" when none applies.
    static QString continentOf(const QString &countryCode);
    /// The continents in feature order.
    static const std::array<const char *, 7> &continents();

private:
    QByteArray m_data;
    QString m_path, m_info;
    bool m_v6 = false;
    std::uint32_t m_segment = 16776960;
};

/// The system's country databases, opened once per process (thread-safe); each is null with a
/// reason when unavailable. The directory is /usr/share/GeoIP unless VIGIL_GEOIP_DIR is set.
struct GeoIpSystem {
    std::shared_ptr<const GeoIpDatabase> v4, v6;
    QString why;   ///< why there is no IPv4 database ("" when there is one)
    static const GeoIpSystem &instance();
};

} // namespace vigil
