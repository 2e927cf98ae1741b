#include "geoip.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <mutex>

namespace vigil {

namespace {

// Offsets of the legacy format (MaxMind's published description of GeoIP.dat).
constexpr std::uint32_t kCountryBegin = 16776960; // first leaf value of the country editions
constexpr int kRecordBytes = 3;
constexpr int kTrailerSearch = 20;                  // the edition trailer sits in the last 20 bytes
constexpr int kInfoSearch = 100;                    // the build line in the 100 bytes before it
constexpr int kEditionCountry = 1;
constexpr int kEditionCountryV6 = 12;

// The country table of the country editions, in index order: two letters per entry.
// Index 0 ("--") is "unknown". Written out here from the format's documented order.
constexpr char kCodes[] =
    "--APEUADAEAFAGAIALAMCWAOAQARASATAUAWAZBABBBDBEBFBGBHBIBJBMBNBOBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCO"
    "CRCUCVCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRSXGAGBGDGEGFGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
    "IDIEILINIOIQIRISITJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMGMHMKMLMMMNMOMPMQMRMSMTMU"
    "MVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORURWSASBSCSDSESGSHSISJSKSLSMSN"
    "SOSRSTSVSYSZTCTDTFTGTHTJTKTMTNTOTLTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTRSZAZMMEZWA1A2O1AXGGIM"
    "JEBLMFBQSSO1";
constexpr int kCodeCount = int(sizeof(kCodes) - 1) / 2;

// Continents by ISO code (transcontinental countries where their capital is).
struct ContinentList {
    const char *continent;
    const char *codes;
};
constexpr ContinentList kContinents[] = {
    {"AF", "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW "
           "MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW"},
    {"AN", "AQ BV GS HM TF"},
    {"AS", "AE AF AM AP AZ BD BH BN BT CC CN CX CY GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN "
           "MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"},
    {"EU", "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES EU FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC "
           "MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA"},
    {"NA", "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV "
           "SX TC TT US VC VG VI"},
    {"OC", "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"},
    {"SA", "AR BO BR CL CO EC FK GF GY PE PY SR UY VE"},
};

std::uint32_t record(const unsigned char *p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16;
}

} // namespace

Result<GeoIpDatabase> GeoIpDatabase::open(const QString &path)
{
    QFile f(path);
    if (!QFileInfo::exists(path))
        return fail(ErrorCode::NotFound, QStringLiteral("%1 does not exist; install Debian's geoip-database package for country features.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be read: %2").arg(path, f.errorString()));
    constexpr qint64 kMaxSize = qint64(256) << 20; // country editions are a few MB
    if (f.size() > kMaxSize)
        return fail(ErrorCode::Corrupt, QStringLiteral("%1 is %2 bytes, too large for a GeoIP country database.").arg(path).arg(f.size()));
    GeoIpDatabase db;
    db.m_path = path;
    db.m_data = f.readAll();
    const auto *d = reinterpret_cast<const unsigned char *>(db.m_data.constData());
    const qsizetype n = db.m_data.size();
    // The trailer: 0xFF 0xFF 0xFF then the edition byte, within the last kTrailerSearch bytes.
    qsizetype trailer = -1;
    for (qsizetype i = n - 4; i >= 0 && i >= n - 4 - kTrailerSearch; --i) {
        if (d[i] == 0xFF && d[i + 1] == 0xFF && d[i + 2] == 0xFF) {
            trailer = i;
            break;
        }
    }
    if (trailer < 0)
        return fail(ErrorCode::Corrupt, QStringLiteral("%1 has no GeoIP structure trailer at its end: the file is truncated or not a "
                                                       "legacy GeoIP database. Reinstall geoip-database.").arg(path));
    int edition = d[trailer + 3];
    if (edition >= 106)
        edition -= 105; // editions were once stored with an offset of 105
    if (edition != kEditionCountry && edition != kEditionCountryV6)
        return fail(ErrorCode::Unsupported, QStringLiteral("%1 is GeoIP edition %2; only the country editions (1 and 12) are read.")
                                                .arg(path)
                                                .arg(edition));
    db.m_v6 = edition == kEditionCountryV6;
    // The build line: after three NUL bytes, in the bytes before the trailer.
    qsizetype treeEnd = trailer;
    for (qsizetype i = trailer - 3; i >= 0 && i >= trailer - 3 - kInfoSearch; --i) {
        if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 0) {
            treeEnd = i;
            QByteArray info(db.m_data.constData() + i + 3, trailer - i - 3);
            db.m_info = QString::fromLatin1(info).trimmed();
            break;
        }
    }
    if (treeEnd < 2 * kRecordBytes)
        return fail(ErrorCode::Corrupt, QStringLiteral("%1 holds no search tree (%2 bytes); the file is damaged.").arg(path).arg(n));
    db.m_data.truncate(treeEnd); // lookups never read the trailer as tree nodes
    return db;
}

int GeoIpDatabase::countryIndex(const std::uint8_t *key, int bits) const
{
    const auto *d = reinterpret_cast<const unsigned char *>(m_data.constData());
    const auto nodes = std::uint64_t(m_data.size()) / (2 * kRecordBytes);
    std::uint32_t node = 0;
    for (int depth = 0; depth < bits; ++depth) {
        if (node >= nodes)
            return 0; // points past the tree: a damaged file
        const bool one = (key[depth / 8] >> (7 - depth % 8)) & 1;
        const std::uint32_t next = record(d + std::uint64_t(node) * 2 * kRecordBytes + (one ? kRecordBytes : 0));
        if (next >= m_segment) {
            const auto index = next - m_segment;
            return index < std::uint32_t(kCodeCount) ? int(index) : 0;
        }
        // A well-formed tree only points forward; anything else is damage (and could loop).
        if (next <= node)
            return 0;
        node = next;
    }
    return 0;
}

QString GeoIpDatabase::countryV4(std::uint32_t address) const
{
    if (m_v6)
        return {};
    const std::uint8_t key[4] = {std::uint8_t(address >> 24), std::uint8_t(address >> 16), std::uint8_t(address >> 8),
                                 std::uint8_t(address)};
    return countryCode(countryIndex(key, 32));
}

QString GeoIpDatabase::countryV6(const std::array<std::uint8_t, 16> &address) const
{
    if (!m_v6)
        return {};
    return countryCode(countryIndex(address.data(), 128));
}

QString GeoIpDatabase::countryCode(int index)
{
    if (index <= 0 || index >= kCodeCount)
        return {};
    return QString::fromLatin1(kCodes + 2 * index, 2);
}

const std::array<const char *, 7> &GeoIpDatabase::continents()
{
    static const std::array<const char *, 7> names = {"AF", "AN", "AS", "EU", "NA", "OC", "SA"};
    return names;
}

QString GeoIpDatabase::continentOf(const QString &countryCode)
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        for (const auto &c : kContinents) {
            const QString continent = QString::fromLatin1(c.continent);
            for (const QString &code : QString::fromLatin1(c.codes).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                m.insert(code, continent);
        }
        return m;
    }();
    return map.value(countryCode);
}

const GeoIpSystem &GeoIpSystem::instance()
{
    static const GeoIpSystem system = [] {
        GeoIpSystem s;
        const QString dir = qEnvironmentVariableIsSet("VIGIL_GEOIP_DIR") ? qEnvironmentVariable("VIGIL_GEOIP_DIR")
                                                                          : QStringLiteral("/usr/share/GeoIP");
        auto v4 = GeoIpDatabase::open(dir + QStringLiteral("/GeoIP.dat"));
        if (v4 && !v4->isIpv6())
            s.v4 = std::make_shared<const GeoIpDatabase>(std::move(*v4));
        else
            s.why = v4 ? QStringLiteral("%1/GeoIP.dat is not the IPv4 country edition").arg(dir) : v4.error().message;
        auto v6 = GeoIpDatabase::open(dir + QStringLiteral("/GeoIPv6.dat"));
        if (v6 && v6->isIpv6())
            s.v6 = std::make_shared<const GeoIpDatabase>(std::move(*v6));
        return s;
    }();
    return system;
}

} // namespace vigil
