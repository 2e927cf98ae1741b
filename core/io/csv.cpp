// Delimited text: generic CSV with detection, and the IDS data-set profiles that name columns.

#include "readers_p.h"

#include <QSet>

#include <algorithm>
#include <deque>

namespace vigil::io {

namespace {

const char *const kKddNames[] = {
    "duration", "protocol_type", "service", "flag", "src_bytes", "dst_bytes", "land", "wrong_fragment", "urgent",
    "hot", "num_failed_logins", "logged_in", "num_compromised", "root_shell", "su_attempted", "num_root",
    "num_file_creations", "num_shells", "num_access_files", "num_outbound_cmds", "is_host_login",
    "is_guest_login", "count", "srv_count", "serror_rate", "srv_serror_rate", "rerror_rate", "srv_rerror_rate",
    "same_srv_rate", "diff_srv_rate", "srv_diff_host_rate", "dst_host_count", "dst_host_srv_count",
    "dst_host_same_srv_rate", "dst_host_diff_srv_rate", "dst_host_same_src_port_rate",
    "dst_host_srv_diff_host_rate", "dst_host_serror_rate", "dst_host_srv_serror_rate", "dst_host_rerror_rate",
    "dst_host_srv_rerror_rate", "label", "difficulty"};

// UNSW-NB15's raw files (UNSW-NB15_1..4.csv) have no header; names from its NUSW-NB15_features.csv.
const char *const kUnswNames[] = {
    "srcip", "sport", "dstip", "dsport", "proto", "state", "dur", "sbytes", "dbytes", "sttl", "dttl", "sloss",
    "dloss", "service", "Sload", "Dload", "Spkts", "Dpkts", "swin", "dwin", "stcpb", "dtcpb", "smeansz",
    "dmeansz", "trans_depth", "res_bdy_len", "Sjit", "Djit", "Stime", "Ltime", "Sintpkt", "Dintpkt", "tcprtt",
    "synack", "ackdat", "is_sm_ips_ports", "ct_state_ttl", "ct_flw_http_mthd", "is_ftp_login", "ct_ftp_cmd",
    "ct_srv_src", "ct_srv_dst", "ct_dst_ltm", "ct_src_ltm", "ct_src_dport_ltm", "ct_dst_sport_ltm",
    "ct_dst_src_ltm", "attack_cat", "Label"};

struct Profile {
    QString name;
    std::vector<QString> names;       // empty: from the header or generic
    std::vector<ColumnType> types;    // empty: inferred in a first pass
    char delimiter = 0;
    int header = -1;                  // -1 detect
    int stripDotColumn = -1;          // KDD'99 labels end with '.'
    QSet<QString> textColumns;        // forced to text whatever the values look like
};

Profile makeProfile(const QString &format)
{
    Profile p;
    p.name = format;
    auto kdd = [&](int n) {
        for (int i = 0; i < n; ++i) {
            const QString name = QString::fromLatin1(kKddNames[i]);
            p.names.push_back(name);
            ColumnType t = ColumnType::Integer;
            if (name == QLatin1String("protocol_type") || name == QLatin1String("service")
                || name == QLatin1String("flag") || name == QLatin1String("label"))
                t = ColumnType::Text;
            else if (name.contains(QLatin1String("rate")))
                t = ColumnType::Real;
            p.types.push_back(t);
        }
        p.delimiter = ',';
    };
    if (format == QLatin1String("nslkdd")) {
        kdd(43);
    } else if (format == QLatin1String("kdd99")) {
        kdd(42);
        p.stripDotColumn = 41;
    } else if (format == QLatin1String("unsw-nb15")) {
        p.delimiter = ',';
        for (const char *n : kUnswNames)
            p.names.push_back(QString::fromLatin1(n));
        p.textColumns = {QStringLiteral("srcip"), QStringLiteral("dstip"), QStringLiteral("proto"), QStringLiteral("state"),
                         QStringLiteral("service"), QStringLiteral("attack_cat"), QStringLiteral("sport"), QStringLiteral("dsport")};
    } else if (format == QLatin1String("cic-ids2017")) {
        p.delimiter = ',';
        p.header = 1;
        p.textColumns = {QStringLiteral("Label"), QStringLiteral("Flow ID"), QStringLiteral("Source IP"),
                         QStringLiteral("Destination IP"), QStringLiteral("Timestamp")};
    }
    return p;
}

/// Storage for fields rewritten while splitting ("" unescaped). A deque because `out` holds views
/// into earlier elements while later ones are added: a vector's reallocation moves short strings
/// (kept inside the object) and left those views dangling (heap-use-after-free found by fuzz_csv).
using Unquoted = std::deque<std::string>;

/// Splits one CSV record (RFC 4180 quoting, "" inside quotes). Returns false when a quoted
/// field is still open at the end (the record continues on the next line).
bool splitCsv(std::string_view s, char delim, std::vector<std::string_view> &out, Unquoted &unq)
{
    out.clear();
    {
        // One pass over the bytes for the usual unquoted record (fields are short: a call to
        // memchr per field costs more than it scans); a quote sends it to the careful path.
        const char *b = s.data();
        const char *e = b + s.size();
        const char *f = b;
        const char *p = b;
        for (; p < e; ++p) {
            const char c = *p;
            if (c == delim) {
                out.emplace_back(f, size_t(p - f));
                f = p + 1;
            } else if (c == '"') {
                break;
            }
        }
        if (p == e) {
            out.emplace_back(f, size_t(e - f));
            return true;
        }
        out.clear();
    }
    size_t unqUsed = 0;
    size_t pos = 0;
    while (true) {
        // Leading spaces before an opening quote are tolerated.
        size_t q = pos;
        while (q < s.size() && s[q] == ' ')
            ++q;
        if (q < s.size() && s[q] == '"') {
            size_t i = q + 1;
            bool escaped = false;
            while (true) {
                const size_t e = s.find('"', i);
                if (e == std::string_view::npos)
                    return false;
                if (e + 1 < s.size() && s[e + 1] == '"') {
                    escaped = true;
                    i = e + 2;
                    continue;
                }
                std::string_view v = s.substr(q + 1, e - q - 1);
                if (escaped) {
                    if (unqUsed == unq.size())
                        unq.emplace_back();
                    std::string &u = unq[unqUsed++];
                    u.clear();
                    for (size_t k = 0; k < v.size(); ++k) {
                        u.push_back(v[k]);
                        if (v[k] == '"' && k + 1 < v.size() && v[k + 1] == '"')
                            ++k;
                    }
                    v = u;
                }
                out.push_back(v);
                // Skip to the delimiter (text after a closing quote is dropped).
                const size_t d = s.find(delim, e + 1);
                if (d == std::string_view::npos)
                    return true;
                pos = d + 1;
                break;
            }
            continue;
        }
        const size_t d = s.find(delim, pos);
        if (d == std::string_view::npos) {
            out.push_back(s.substr(pos));
            return true;
        }
        out.push_back(s.substr(pos, d - pos));
        pos = d + 1;
    }
}

bool numeric(std::string_view v)
{
    double d;
    return parseReal(trimSpaces(v), d);
}

class CsvReader final : public RecordReader
{
public:
    Result<void> init(const QString &path, const ReadOptions &options, const QString &format)
    {
        m_options = options;
        m_path = path;
        m_profile = makeProfile(format);
        m_report.format = format;

        // Sniff the first lines.
        std::vector<std::string> sample;
        {
            auto src = LineSource::open(path, lineOptions(options));
            if (!src)
                return tl::unexpected(src.error());
            m_report.sourceBytes = (*src)->fileSize();
            Line line;
            while (sample.size() < 50) {
                auto more = (*src)->next(line);
                if (!more)
                    return tl::unexpected(more.error());
                if (!*more)
                    break;
                if (line.cut || line.hasNul || trimSpaces(line.text).empty())
                    continue;
                sample.emplace_back(line.text);
            }
        }
        if (sample.empty())
            return fail(ErrorCode::Parse, QStringLiteral("%1 has no rows; there is nothing to import.").arg(path));
        std::string &first = sample.front();
        if (first.size() >= 3 && first.compare(0, 3, "\xEF\xBB\xBF") == 0)
            first.erase(0, 3);

        m_delim = options.csvDelimiter ? options.csvDelimiter : m_profile.delimiter;
        if (!m_delim)
            m_delim = detectDelimiter(sample);

        std::vector<std::string_view> f0;
        Unquoted unq;
        splitCsv(first, m_delim, f0, unq);
        std::vector<std::string> firstFields(f0.begin(), f0.end());

        int header = options.csvHeader >= 0 ? options.csvHeader : m_profile.header;
        if (header < 0)
            header = detectHeader(sample) ? 1 : 0;
        m_skipHeader = header == 1;

        std::vector<QString> names;
        if (header == 1 && (m_profile.names.empty() || firstFields.size() != m_profile.names.size())) {
            for (const std::string &f : firstFields) {
                std::string_view t = trimSpaces(f);
                names.push_back(QString::fromUtf8(t.data(), qsizetype(t.size())));
            }
        } else if (!m_profile.names.empty()) {
            names = m_profile.names;
        } else {
            for (size_t i = 0; i < firstFields.size(); ++i)
                names.push_back(QStringLiteral("column_%1").arg(i + 1));
        }
        // Names: trimmed, never empty, unique (CIC-IDS2017 repeats "Fwd Header Length").
        QSet<QString> used;
        for (size_t i = 0; i < names.size(); ++i) {
            QString n = names[i].trimmed();
            if (n.isEmpty())
                n = QStringLiteral("column_%1").arg(i + 1);
            QString unique = n;
            for (int k = 2; used.contains(unique); ++k)
                unique = n + QStringLiteral("_%1").arg(k);
            used.insert(unique);
            m_fields.push_back({unique, ColumnType::Text});
        }
        // Found by fuzz_csv: a first row that opens a quote and never closes it splits into no
        // fields, and a reader without columns is a table nobody can store or query.
        if (m_fields.empty())
            return fail(ErrorCode::Parse,
                        QStringLiteral("%1: the first row has no columns (a quoted field that opens at its start never "
                                       "closes); check the quoting, or choose another format.").arg(path));
        // SQLite's limit is 2000 columns per table, two of which are rid and line.
        if (m_fields.size() > 1990)
            return fail(ErrorCode::Unsupported, QStringLiteral("%1 has %2 columns; at most 1990 are supported.").arg(path).arg(m_fields.size()));
        if (m_profile.stripDotColumn >= 0 && size_t(m_profile.stripDotColumn) < m_fields.size())
            m_stripDot = m_profile.stripDotColumn;

        if (!m_profile.types.empty() && m_profile.types.size() == m_fields.size()) {
            for (size_t c = 0; c < m_fields.size(); ++c)
                m_fields[c].type = m_profile.types[c];
        } else if (auto r = inferTypes(); !r) {
            return r;
        }
        auto src = LineSource::open(path, lineOptions(options));
        if (!src)
            return tl::unexpected(src.error());
        m_src = std::move(*src);
        return {};
    }

    std::int64_t bytesRead() const override { return m_src->bytesRead(); }

    Result<bool> next(RowBuffer &row) override
    {
        std::int64_t number = 0;
        while (true) {
            auto rec = record(number, true);
            if (!rec)
                return tl::unexpected(rec.error());
            if (!*rec) {
                noteSourceEnd(*m_src, m_report);
                return false;
            }
            if (const char *why = parse(row)) {
                m_report.addBad(number, QString::fromUtf8(why), m_recordText);
                continue;
            }
            row.line = number;
            ++m_report.rows;
            return true;
        }
    }

private:
    static char detectDelimiter(const std::vector<std::string> &sample)
    {
        char best = ',';
        double bestScore = 0;
        std::vector<std::string_view> f;
        Unquoted unq;
        for (const char d : {',', ';', '\t', '|'}) {
            std::vector<size_t> counts;
            for (const std::string &l : sample) {
                splitCsv(l, d, f, unq);
                counts.push_back(f.size());
            }
            const size_t n = counts.front();
            if (n < 2)
                continue;
            const auto same = std::count(counts.begin(), counts.end(), n);
            const double score = double(same) / double(counts.size()) * 1000.0 + double(n);
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    bool detectHeader(const std::vector<std::string> &sample) const
    {
        std::vector<std::string_view> f0, f;
        Unquoted u0, unq;
        splitCsv(sample.front(), m_delim, f0, u0);
        for (const auto &v : f0) {
            if (numeric(v))
                return false; // a header names columns; numbers are data
        }
        if (sample.size() < 2)
            return true;
        // Some column is numeric below the first row: the first row is its name.
        for (size_t i = 1; i < sample.size(); ++i) {
            splitCsv(sample[i], m_delim, f, unq);
            for (size_t c = 0; c < std::min(f.size(), f0.size()); ++c) {
                if (!trimSpaces(f[c]).empty() && numeric(f[c]))
                    return true;
            }
        }
        // All text: a header when its values never recur in their column.
        for (size_t i = 1; i < sample.size(); ++i) {
            splitCsv(sample[i], m_delim, f, unq);
            for (size_t c = 0; c < std::min(f.size(), f0.size()); ++c) {
                if (f[c] == f0[c])
                    return false;
            }
        }
        return true;
    }

    /// Reads the next record (joining lines while a quoted field is open) into m_fieldsBuf.
    Result<bool> record(std::int64_t &number, bool countLines)
    {
        Line line;
        while (true) {
            auto more = m_src->next(line);
            if (!more)
                return tl::unexpected(more.error());
            if (!*more)
                return false;
            if (countLines)
                ++m_report.lines;
            if (!m_bomChecked) {
                m_bomChecked = true;
                if (line.text.substr(0, 3) == "\xEF\xBB\xBF")
                    line.text.remove_prefix(3);
            }
            if (m_skipHeader) {
                m_skipHeader = false;
                m_headerSkipped = true;
                continue;
            }
            if (countLines ? !acceptLine(line, m_options.maxLineBytes, m_report)
                           : (line.cut || line.hasNul || trimSpaces(line.text).empty()))
                continue;
            number = line.number;
            m_recordText = line.text;
            if (splitCsv(line.text, m_delim, m_parts, m_unq))
                return true;
            // A quoted field spans lines: gather them (bounded by maxLineBytes).
            m_joined.assign(line.text);
            while (true) {
                auto more2 = m_src->next(line);
                if (!more2)
                    return tl::unexpected(more2.error());
                if (!*more2 || line.cut || std::int64_t(m_joined.size() + line.text.size()) > m_options.maxLineBytes) {
                    if (countLines)
                        m_report.addBad(number, QStringLiteral("unterminated quoted field"), m_joined);
                    if (!*more2)
                        return false;
                    break;
                }
                if (countLines)
                    ++m_report.lines;
                m_joined.push_back('\n');
                m_joined.append(line.text);
                if (splitCsv(m_joined, m_delim, m_parts, m_unq)) {
                    m_recordText = m_joined;
                    return true;
                }
            }
        }
    }

    Result<void> inferTypes()
    {
        struct Stat {
            std::int64_t nonEmpty = 0;
            bool allInt = true, allNum = true;
        };
        std::vector<Stat> stats(m_fields.size());
        auto src = LineSource::open(m_path, lineOptions(m_options));
        if (!src)
            return tl::unexpected(src.error());
        m_src = std::move(*src);
        const bool skip = m_skipHeader;
        std::int64_t number = 0, rows = 0;
        while (true) {
            if (m_options.maxRows > 0 && rows >= m_options.maxRows)
                break;
            auto rec = record(number, false);
            if (!rec)
                return tl::unexpected(rec.error());
            if (!*rec)
                break;
            size_t n = m_parts.size();
            if (n == m_fields.size() + 1 && trimSpaces(m_parts.back()).empty())
                --n;
            if (n != m_fields.size())
                continue;
            ++rows;
            for (size_t c = 0; c < n; ++c) {
                Stat &s = stats[c];
                if (!s.allNum && !s.allInt)
                    continue;
                const std::string_view v = trimSpaces(m_parts[c]);
                if (v.empty())
                    continue;
                ++s.nonEmpty;
                std::int64_t i;
                if (s.allInt && parseInt(v, i))
                    continue;
                s.allInt = false;
                double d;
                if (!parseReal(v, d))
                    s.allNum = false;
            }
        }
        for (size_t c = 0; c < m_fields.size(); ++c) {
            const Stat &s = stats[c];
            ColumnType t = ColumnType::Text;
            if (s.nonEmpty > 0 && !m_profile.textColumns.contains(m_fields[c].name))
                t = s.allInt ? ColumnType::Integer : (s.allNum ? ColumnType::Real : ColumnType::Text);
            m_fields[c].type = t;
        }
        m_skipHeader = skip;
        m_bomChecked = false;
        return {};
    }

    const char *parse(RowBuffer &row)
    {
        size_t n = m_parts.size();
        if (n == m_fields.size() + 1 && trimSpaces(m_parts.back()).empty())
            --n; // a trailing delimiter
        if (n != m_fields.size()) {
            m_why = "expected " + std::to_string(m_fields.size()) + " fields";
            return m_why.c_str();
        }
        const bool utf8 = isAscii(m_recordText) || isValidUtf8(m_recordText);
        for (size_t c = 0; c < n; ++c) {
            std::string_view v = m_parts[c];
            const ColumnType t = m_fields[c].type;
            if (t == ColumnType::Text) {
                if (v.empty()) {
                    row.setMissing(c);
                    continue;
                }
                if (int(c) == m_stripDot && v.back() == '.')
                    v.remove_suffix(1);
                row.setText(c, asUtf8(v, utf8, row.scratch[c]));
                continue;
            }
            v = trimSpaces(v);
            if (v.empty()) {
                row.setMissing(c);
                continue;
            }
            std::int64_t i;
            double d;
            if (t == ColumnType::Integer && parseInt(v, i)) {
                row.setNumber(c, double(i));
            } else if (parseReal(v, d)) {
                row.setNumber(c, d);
            } else {
                m_why = "not a number in column " + m_fields[c].name.toStdString();
                return m_why.c_str();
            }
            row.missing[c] = std::isnan(row.numbers[c]) ? 1 : 0;
        }
        return nullptr;
    }

    ReadOptions m_options;
    QString m_path;
    Profile m_profile;
    char m_delim = ',';
    bool m_skipHeader = false, m_headerSkipped = false, m_bomChecked = false;
    int m_stripDot = -1;
    std::unique_ptr<LineSource> m_src;
    std::vector<std::string_view> m_parts;
    Unquoted m_unq;
    std::string m_joined, m_why;
    std::string_view m_recordText;
};

} // namespace

Result<std::unique_ptr<RecordReader>> openCsvReader(const QString &path, const ReadOptions &options, const QString &profile)
{
    auto r = std::make_unique<CsvReader>();
    if (auto ok = r->init(path, options, profile); !ok)
        return tl::unexpected(ok.error());
    return std::unique_ptr<RecordReader>(std::move(r));
}

} // namespace vigil::io
