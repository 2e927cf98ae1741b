// Zeek logs: the TSV format with #separator/#fields/#types headers, and JSON lines.

#include "ratewindow.h"
#include "readers_p.h"
#include "webderive.h"

#include <unordered_map>

namespace vigil::io {

namespace {

ColumnType zeekType(std::string_view t)
{
    if (t == "time")
        return ColumnType::Timestamp;
    if (t == "count" || t == "int" || t == "port")
        return ColumnType::Integer;
    if (t == "double" || t == "interval")
        return ColumnType::Real;
    return ColumnType::Text; // addr, string, enum, bool, set[…], vector[…], table[…]
}

std::string unescapeZeek(std::string_view v)
{
    // Header values such as "\x09" are escaped.
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 3 < v.size() && v[i + 1] == 'x') {
            auto hex = [](char c) {
                if (c >= '0' && c <= '9')
                    return c - '0';
                c = char(c | 0x20);
                return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            };
            const int hi = hex(v[i + 2]), lo = hex(v[i + 3]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(char(hi * 16 + lo));
                i += 3;
                continue;
            }
        }
        out.push_back(v[i]);
    }
    return out;
}

void splitBy(std::string_view s, std::string_view sep, std::vector<std::string_view> &out)
{
    out.clear();
    size_t pos = 0;
    while (true) {
        const size_t d = sep.size() == 1 ? s.find(sep[0], pos) : s.find(sep, pos);
        if (d == std::string_view::npos) {
            out.push_back(s.substr(pos));
            return;
        }
        out.push_back(s.substr(pos, d - pos));
        pos = d + sep.size();
    }
}

/// Adds ip_scope / ip_prefix of the originator address when the log has one.
struct IpDerive {
    int source = -1, scope = -1, prefix = -1;

    void addFields(std::vector<FieldSpec> &fields)
    {
        for (size_t c = 0; c < fields.size(); ++c) {
            if (fields[c].name == QLatin1String("id.orig_h"))
                source = int(c);
        }
        if (source < 0)
            return;
        fields.push_back({QStringLiteral("ip_scope"), ColumnType::Text});
        scope = int(fields.size() - 1);
        fields.push_back({QStringLiteral("ip_prefix"), ColumnType::Text});
        prefix = int(fields.size() - 1);
    }
    void apply(RowBuffer &row) const
    {
        if (source < 0)
            return;
        if (row.missing[size_t(source)]) {
            row.setMissing(size_t(scope));
            row.setMissing(size_t(prefix));
            return;
        }
        const IpInfo ip = classifyIp(row.texts[size_t(source)]);
        row.setText(size_t(scope), ip.scope);
        if (ip.prefix.empty())
            row.setMissing(size_t(prefix));
        else
            row.setOwnedText(size_t(prefix), ip.prefix);
    }
};

/// Adds the originator's events in the minute up to each one: `orig_conns_1m` and
/// `orig_failed_1m` (attempts never established: S0, REJ, …) in conn.log, `orig_events_1m` in
/// other logs. Scans and floods are many ordinary-looking records; the rate shows them.
struct RateDerive {
    int source = -1, ts = -1, state = -1, events = -1, failed = -1;
    EntityRateWindow window;

    void addFields(std::vector<FieldSpec> &fields)
    {
        for (size_t c = 0; c < fields.size(); ++c) {
            if (fields[c].name == QLatin1String("id.orig_h"))
                source = int(c);
            else if (fields[c].name == QLatin1String("ts") && fields[c].type == ColumnType::Timestamp)
                ts = int(c);
            else if (fields[c].name == QLatin1String("conn_state"))
                state = int(c);
        }
        if (source < 0 || ts < 0)
            return void(source = -1);
        fields.push_back({state >= 0 ? QStringLiteral("orig_conns_1m") : QStringLiteral("orig_events_1m"), ColumnType::Integer});
        events = int(fields.size() - 1);
        if (state >= 0) {
            fields.push_back({QStringLiteral("orig_failed_1m"), ColumnType::Integer});
            failed = int(fields.size() - 1);
        }
    }
    void apply(RowBuffer &row)
    {
        if (source < 0)
            return;
        const bool known = !row.missing[size_t(source)] && !row.missing[size_t(ts)];
        const bool refused = state >= 0 && !row.missing[size_t(state)] && isFailedConnState(row.texts[size_t(state)]);
        const auto counts = window.add(known ? row.texts[size_t(source)] : std::string_view(), row.numbers[size_t(ts)], refused);
        row.setNumber(size_t(events), double(counts.events));
        row.missing[size_t(events)] = 0;
        if (failed >= 0) {
            row.setNumber(size_t(failed), double(counts.failures));
            row.missing[size_t(failed)] = 0;
        }
    }
};

/// Adds `hour` (0–23) and `weekday` (0 = Monday) of `ts`, like the access-log readers do, so
/// the schema encodes daily and weekly rhythm as categories. Zeek writes `ts` as epoch seconds,
/// so these are UTC (an access log's are the server's local clock as written in the line). Left
/// out when the log has no `ts` or already has columns with these names.
struct TimeDerive {
    int source = -1, hour = -1, weekday = -1;

    void addFields(std::vector<FieldSpec> &fields)
    {
        for (size_t c = 0; c < fields.size(); ++c) {
            if (fields[c].name == QLatin1String("ts") && fields[c].type == ColumnType::Timestamp)
                source = int(c);
            if (fields[c].name == QLatin1String("hour") || fields[c].name == QLatin1String("weekday"))
                return void(source = -1);
        }
        if (source < 0)
            return;
        fields.push_back({QStringLiteral("hour"), ColumnType::Integer});
        hour = int(fields.size() - 1);
        fields.push_back({QStringLiteral("weekday"), ColumnType::Integer});
        weekday = int(fields.size() - 1);
    }
    void apply(RowBuffer &row) const
    {
        if (source < 0)
            return;
        const double t = row.missing[size_t(source)] ? kNaN : row.numbers[size_t(source)];
        if (!std::isfinite(t) || std::abs(t) > 1e15) {
            row.setMissing(size_t(hour));
            row.setMissing(size_t(weekday));
            return;
        }
        const auto secs = std::int64_t(std::floor(t));
        auto days = secs / 86400;
        if (secs % 86400 < 0)
            --days; // floor division for times before 1970
        row.setNumber(size_t(hour), double((secs - days * 86400) / 3600));
        row.missing[size_t(hour)] = 0;
        row.setNumber(size_t(weekday), double(((days + 3) % 7 + 7) % 7)); // 1970-01-01 was a Thursday
        row.missing[size_t(weekday)] = 0;
    }
};

// ---- TSV ------------------------------------------------------------------------------------

class ZeekTsvReader final : public RecordReader
{
public:
    Result<void> init(const QString &path, const ReadOptions &options)
    {
        m_options = options;
        m_path = path;
        auto src = LineSource::open(path, lineOptions(options));
        if (!src)
            return tl::unexpected(src.error());
        m_src = std::move(*src);
        m_report.format = QStringLiteral("zeek");
        m_report.sourceBytes = m_src->fileSize();
        // Read the header up to the first record.
        Line line;
        while (true) {
            auto more = m_src->next(line);
            if (!more)
                return tl::unexpected(more.error());
            if (!*more)
                break;
            ++m_report.lines;
            if (!line.text.empty() && line.text.front() == '#') {
                header(line.text);
                continue;
            }
            if (!acceptLine(line, options.maxLineBytes, m_report))
                continue;
            m_pending.assign(line.text);
            m_pendingLine = line.number;
            m_hasPending = true;
            break;
        }
        if (m_names.empty())
            return fail(ErrorCode::Parse, QStringLiteral("%1: no '#fields' header line, so this is not a Zeek TSV log "
                                                         "(for Zeek JSON choose 'zeek-json').").arg(path));
        if (m_names.size() > 1980)
            return fail(ErrorCode::Unsupported, QStringLiteral("%1 has %2 fields; at most 1980 are supported.").arg(path).arg(m_names.size()));
        for (size_t c = 0; c < m_names.size(); ++c) {
            const ColumnType t = c < m_types.size() ? zeekType(m_types[c]) : ColumnType::Text;
            m_fields.push_back({QString::fromUtf8(m_names[c].data(), qsizetype(m_names[c].size())), t});
        }
        m_dataFields = m_fields.size();
        m_ip.addFields(m_fields);
        m_time.addFields(m_fields);
        m_rate.addFields(m_fields);
        return {};
    }

    std::int64_t bytesRead() const override { return m_src->bytesRead(); }

    Result<bool> next(RowBuffer &row) override
    {
        Line line;
        while (true) {
            std::string_view text;
            std::int64_t number = 0;
            if (m_hasPending) {
                m_hasPending = false;
                text = m_pending;
                number = m_pendingLine;
            } else {
                auto more = m_src->next(line);
                if (!more)
                    return tl::unexpected(more.error());
                if (!*more) {
                    noteSourceEnd(*m_src, m_report);
                    if (!m_closed)
                        m_report.notes.append(QStringLiteral("No '#close' line: the log may still have been written to."));
                    return false;
                }
                ++m_report.lines;
                if (!line.text.empty() && line.text.front() == '#') {
                    header(line.text);
                    continue;
                }
                if (!acceptLine(line, m_options.maxLineBytes, m_report))
                    continue;
                text = line.text;
                number = line.number;
            }
            if (m_schemaChanged) {
                m_report.addBad(number, QStringLiteral("after a '#fields' line that differs from the first"), text);
                continue;
            }
            if (const char *why = parse(text, row)) {
                m_report.addBad(number, QString::fromUtf8(why), text);
                continue;
            }
            m_ip.apply(row);
            m_time.apply(row);
            m_rate.apply(row);
            row.line = number;
            ++m_report.rows;
            return true;
        }
    }

private:
    void header(std::string_view h)
    {
        if (h.substr(0, 11) == "#separator ") {
            m_sep = unescapeZeek(h.substr(11));
            if (m_sep.empty())
                m_sep.assign(1, '\t'); // not `= "\t"`: GCC 12 -O3 warns falsely (-Wrestrict, GCC bug 105329)
            return;
        }
        std::vector<std::string_view> parts;
        splitBy(h, m_sep, parts);
        const std::string_view key = parts.front();
        auto values = [&] {
            std::vector<std::string> v;
            for (size_t i = 1; i < parts.size(); ++i)
                v.emplace_back(parts[i]);
            return v;
        };
        if (key == "#fields") {
            auto names = values();
            if (m_names.empty())
                m_names = std::move(names);
            else if (names != m_names)
                m_schemaChanged = true;
            else
                m_schemaChanged = false;
        } else if (key == "#types") {
            if (m_types.empty())
                m_types = values();
        } else if (key == "#unset_field" && parts.size() > 1) {
            m_unset = std::string(parts[1]);
        } else if (key == "#empty_field" && parts.size() > 1) {
            m_empty = std::string(parts[1]);
        } else if (key == "#close") {
            m_closed = true;
        } else if (key == "#open") {
            m_closed = false;
        }
    }

    const char *parse(std::string_view s, RowBuffer &row)
    {
        splitBy(s, m_sep, m_parts);
        if (m_parts.size() != m_dataFields) {
            m_why = "expected " + std::to_string(m_dataFields) + " tab-separated fields";
            return m_why.c_str();
        }
        const bool utf8 = isAscii(s) || isValidUtf8(s);
        for (size_t c = 0; c < m_dataFields; ++c) {
            const std::string_view v = m_parts[c];
            if (v == m_unset) {
                row.setMissing(c);
                continue;
            }
            const ColumnType t = m_fields[c].type;
            if (t == ColumnType::Text) {
                if (v == m_empty)
                    row.setText(c, std::string_view("", 0));
                else
                    row.setText(c, asUtf8(v, utf8, row.scratch[c]));
                continue;
            }
            if (v == m_empty) {
                row.setMissing(c);
                continue;
            }
            double d;
            std::int64_t n;
            if (t == ColumnType::Integer && parseInt(v, n)) {
                row.setNumber(c, double(n));
            } else if (parseReal(v, d)) {
                row.setNumber(c, d);
            } else {
                m_why = "invalid " + (c < m_types.size() ? m_types[c] : std::string("number")) + " in " + m_names[c];
                return m_why.c_str();
            }
            row.missing[c] = 0;
        }
        return nullptr;
    }

    ReadOptions m_options;
    QString m_path;
    std::unique_ptr<LineSource> m_src;
    std::string m_sep = "\t", m_unset = "-", m_empty = "(empty)";
    std::vector<std::string> m_names, m_types;
    std::vector<std::string_view> m_parts;
    size_t m_dataFields = 0;
    std::string m_pending, m_why;
    std::int64_t m_pendingLine = 0;
    bool m_hasPending = false, m_schemaChanged = false, m_closed = false;
    IpDerive m_ip;
    TimeDerive m_time;
    RateDerive m_rate;
};

// ---- JSON lines -----------------------------------------------------------------------------

enum class JKind { Null, Bool, Number, String, Composite };

struct JValue {
    std::string key;
    JKind kind = JKind::Null;
    std::string text;     // string contents, number text, "T"/"F", or joined array elements
    bool integral = false;
};

/// A small JSON reader for one line holding one object. Nested objects are flattened with '.'
/// (Zeek's own naming); arrays become their elements joined with ','.
class JsonLine
{
public:
    bool parse(std::string_view s, std::vector<JValue> &out, std::string &error)
    {
        m_s = s;
        m_p = 0;
        m_out = &out;
        m_used = 0;
        m_depth = 0;
        ws();
        if (m_p >= m_s.size() || m_s[m_p] != '{') {
            error = "not a JSON object";
            return false;
        }
        if (!object(std::string())) {
            error = "invalid JSON";
            return false;
        }
        ws();
        if (m_p != m_s.size()) {
            error = "invalid JSON (text after the object)";
            return false;
        }
        out.resize(m_used);
        return true;
    }

private:
    void ws()
    {
        while (m_p < m_s.size() && (m_s[m_p] == ' ' || m_s[m_p] == '\t' || m_s[m_p] == '\r' || m_s[m_p] == '\n'))
            ++m_p;
    }
    JValue &slot()
    {
        if (m_used == m_out->size())
            m_out->emplace_back();
        return (*m_out)[m_used++];
    }
    bool string(std::string &out)
    {
        out.clear();
        if (m_p >= m_s.size() || m_s[m_p] != '"')
            return false;
        ++m_p;
        while (m_p < m_s.size()) {
            const char c = m_s[m_p++];
            if (c == '"')
                return true;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_p >= m_s.size())
                return false;
            const char e = m_s[m_p++];
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF && m_p + 1 < m_s.size() && m_s[m_p] == '\\' && m_s[m_p + 1] == 'u') {
                    m_p += 2;
                    unsigned lo = 0;
                    if (!hex4(lo))
                        return false;
                    if (lo >= 0xDC00 && lo <= 0xDFFF)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    else
                        cp = 0xFFFD;
                } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                utf8(cp, out);
                break;
            }
            default: return false;
            }
        }
        return false;
    }
    bool hex4(unsigned &v)
    {
        if (m_p + 4 > m_s.size())
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = m_s[m_p++];
            int h = -1;
            if (c >= '0' && c <= '9')
                h = c - '0';
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                h = (c | 0x20) - 'a' + 10;
            if (h < 0)
                return false;
            v = v * 16 + unsigned(h);
        }
        return true;
    }
    static void utf8(unsigned cp, std::string &out)
    {
        if (cp < 0x80) {
            out.push_back(char(cp));
        } else if (cp < 0x800) {
            out.push_back(char(0xC0 | (cp >> 6)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(char(0xE0 | (cp >> 12)));
            out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(char(0xF0 | (cp >> 18)));
            out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        }
    }
    /// Parses a scalar or array into (kind, text).
    bool value(JKind &kind, std::string &text, bool &integral)
    {
        ws();
        if (m_p >= m_s.size())
            return false;
        const char c = m_s[m_p];
        integral = false;
        if (c == '"') {
            kind = JKind::String;
            return string(text);
        }
        if (m_s.compare(m_p, 4, "true") == 0) {
            m_p += 4;
            kind = JKind::Bool;
            text.assign(1, 'T'); // assign(count, char): see the GCC 12 -Wrestrict note in header()
            return true;
        }
        if (m_s.compare(m_p, 5, "false") == 0) {
            m_p += 5;
            kind = JKind::Bool;
            text.assign(1, 'F');
            return true;
        }
        if (m_s.compare(m_p, 4, "null") == 0) {
            m_p += 4;
            kind = JKind::Null;
            text.clear();
            return true;
        }
        if (c == '[') {
            if (++m_depth > 32)
                return false;
            ++m_p;
            kind = JKind::Composite;
            text.clear();
            ws();
            if (m_p < m_s.size() && m_s[m_p] == ']') {
                ++m_p;
                --m_depth;
                return true;
            }
            std::string elem;
            bool first = true;
            while (true) {
                JKind k;
                bool in;
                if (m_p < m_s.size() && m_s[m_p] == '{') {
                    // Objects inside arrays are kept as their raw JSON text.
                    const size_t start = m_p;
                    std::vector<JValue> sink;
                    std::vector<JValue> *saved = m_out;
                    const size_t savedUsed = m_used;
                    m_out = &sink;
                    m_used = 0;
                    const bool ok = object(std::string());
                    m_out = saved;
                    m_used = savedUsed;
                    if (!ok)
                        return false;
                    elem.assign(m_s.substr(start, m_p - start));
                } else if (!value(k, elem, in)) {
                    return false;
                }
                if (!first)
                    text.push_back(',');
                text += elem;
                first = false;
                ws();
                if (m_p < m_s.size() && m_s[m_p] == ',') {
                    ++m_p;
                    ws();
                    continue;
                }
                if (m_p < m_s.size() && m_s[m_p] == ']') {
                    ++m_p;
                    --m_depth;
                    return true;
                }
                return false;
            }
        }
        const size_t start = m_p;
        while (m_p < m_s.size() && (std::isdigit(static_cast<unsigned char>(m_s[m_p])) || m_s[m_p] == '-'
                                    || m_s[m_p] == '+' || m_s[m_p] == '.' || m_s[m_p] == 'e' || m_s[m_p] == 'E'))
            ++m_p;
        if (m_p == start)
            return false;
        text.assign(m_s.substr(start, m_p - start));
        double d;
        if (!parseReal(text, d))
            return false;
        std::int64_t n;
        integral = parseInt(text, n);
        kind = JKind::Number;
        return true;
    }
    bool object(const std::string &prefix)
    {
        if (++m_depth > 32)
            return false;
        ++m_p; // '{'
        ws();
        if (m_p < m_s.size() && m_s[m_p] == '}') {
            ++m_p;
            --m_depth;
            return true;
        }
        std::string key;
        while (true) {
            ws();
            if (!string(key))
                return false;
            ws();
            if (m_p >= m_s.size() || m_s[m_p] != ':')
                return false;
            ++m_p;
            ws();
            const std::string full = prefix.empty() ? key : prefix + '.' + key;
            if (m_p < m_s.size() && m_s[m_p] == '{') {
                if (!object(full))
                    return false;
            } else {
                JValue &v = slot();
                v.key = full;
                if (!value(v.kind, v.text, v.integral))
                    return false;
            }
            ws();
            if (m_p < m_s.size() && m_s[m_p] == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_s.size() && m_s[m_p] == '}') {
                ++m_p;
                --m_depth;
                return true;
            }
            return false;
        }
    }

    std::string_view m_s;
    size_t m_p = 0;
    std::vector<JValue> *m_out = nullptr;
    size_t m_used = 0;
    int m_depth = 0;
};

struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class ZeekJsonReader final : public RecordReader
{
public:
    static constexpr size_t kMaxColumns = 1000; // well below SQLite's 2000 per table

    Result<void> init(const QString &path, const ReadOptions &options)
    {
        m_options = options;
        m_path = path;
        m_report.format = QStringLiteral("zeek-json");
        // Pass 1: the union of keys (records omit unset fields) and each key's value kinds.
        struct Seen {
            bool string = false, number = false, real = false, isoTime = false;
        };
        std::vector<Seen> seen;
        auto src = LineSource::open(path, lineOptions(options));
        if (!src)
            return tl::unexpected(src.error());
        m_report.sourceBytes = (*src)->fileSize();
        Line line;
        std::string error;
        bool dropped = false;
        std::int64_t scanned = 0;
        while (true) {
            if (options.maxRows > 0 && scanned >= options.maxRows)
                break;
            auto more = (*src)->next(line);
            if (!more)
                return tl::unexpected(more.error());
            if (!*more)
                break;
            if (line.cut || line.hasNul || trimSpaces(line.text).empty())
                continue;
            if (!m_json.parse(line.text, m_values, error))
                continue;
            ++scanned;
            for (const JValue &v : m_values) {
                auto it = m_columns.find(v.key);
                if (it == m_columns.end()) {
                    if (m_columns.size() >= kMaxColumns) {
                        dropped = true;
                        continue;
                    }
                    it = m_columns.emplace(v.key, int(m_keys.size())).first;
                    m_keys.push_back(v.key);
                    seen.emplace_back();
                }
                Seen &s = seen[size_t(it->second)];
                if (v.kind == JKind::Number) {
                    s.number = true;
                    s.real = s.real || !v.integral;
                } else if (v.kind == JKind::String && v.key == "ts") {
                    WallTime w;
                    if (parseIso8601(v.text, w))
                        s.isoTime = true;
                    else
                        s.string = true;
                } else if (v.kind != JKind::Null) {
                    s.string = true;
                }
            }
        }
        if (dropped)
            m_report.notes.append(QStringLiteral("Only the first %1 distinct keys became columns; the rest were ignored.").arg(kMaxColumns));
        // Found by fuzz_zeekjson: without one readable record there are no columns, and a reader
        // without columns is a table nobody can store or query.
        if (m_keys.empty())
            return fail(ErrorCode::Parse,
                        QStringLiteral("%1 has no readable JSON record (every line is invalid JSON, not an object, or "
                                       "longer than %2 bytes); it cannot be read as Zeek JSON.")
                            .arg(path).arg(options.maxLineBytes));
        for (size_t c = 0; c < m_keys.size(); ++c) {
            const Seen &s = seen[c];
            ColumnType t = ColumnType::Text;
            if (m_keys[c] == "ts" && !s.string)
                t = ColumnType::Timestamp;
            else if (s.number && !s.string && !s.isoTime)
                t = s.real ? ColumnType::Real : ColumnType::Integer;
            m_fields.push_back({QString::fromUtf8(m_keys[c].data(), qsizetype(m_keys[c].size())), t});
        }
        m_dataFields = m_fields.size();
        m_ip.addFields(m_fields);
        m_time.addFields(m_fields);
        m_rate.addFields(m_fields);
        auto src2 = LineSource::open(path, lineOptions(options));
        if (!src2)
            return tl::unexpected(src2.error());
        m_src = std::move(*src2);
        return {};
    }

    std::int64_t bytesRead() const override { return m_src->bytesRead(); }

    Result<bool> next(RowBuffer &row) override
    {
        Line line;
        std::string error;
        while (true) {
            auto more = m_src->next(line);
            if (!more)
                return tl::unexpected(more.error());
            if (!*more) {
                noteSourceEnd(*m_src, m_report);
                return false;
            }
            ++m_report.lines;
            if (!acceptLine(line, m_options.maxLineBytes, m_report))
                continue;
            if (!m_json.parse(line.text, m_values, error)) {
                m_report.addBad(line.number, QString::fromStdString(error), line.text);
                continue;
            }
            for (size_t c = 0; c < m_dataFields; ++c)
                row.setMissing(c);
            const char *why = nullptr;
            for (JValue &v : m_values) {
                auto it = m_columns.find(v.key);
                if (it == m_columns.end() || v.kind == JKind::Null)
                    continue;
                const size_t c = size_t(it->second);
                const ColumnType t = m_fields[c].type;
                if (t == ColumnType::Text) {
                    std::string &dst = row.scratch[c];
                    if (isValidUtf8(v.text)) {
                        dst.swap(v.text);
                    } else {
                        dst.clear();
                        appendLatin1AsUtf8(v.text, dst);
                    }
                    row.texts[c] = dst;
                    row.missing[c] = 0;
                    continue;
                }
                double d = kNaN;
                WallTime w;
                if (v.kind == JKind::Number && parseReal(v.text, d)) {
                    row.setNumber(c, d);
                    row.missing[c] = 0;
                } else if (t == ColumnType::Timestamp && v.kind == JKind::String && parseIso8601(v.text, w)) {
                    row.setNumber(c, w.epoch);
                    row.missing[c] = 0;
                } else {
                    why = "value of the wrong type";
                    break;
                }
            }
            if (why) {
                m_report.addBad(line.number, QString::fromUtf8(why), line.text);
                continue;
            }
            m_ip.apply(row);
            m_time.apply(row);
            m_rate.apply(row);
            row.line = line.number;
            ++m_report.rows;
            return true;
        }
    }

private:
    ReadOptions m_options;
    QString m_path;
    std::unique_ptr<LineSource> m_src;
    JsonLine m_json;
    std::vector<JValue> m_values;
    std::vector<std::string> m_keys;
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_columns;
    size_t m_dataFields = 0;
    IpDerive m_ip;
    TimeDerive m_time;
    RateDerive m_rate;
};

} // namespace

Result<std::unique_ptr<RecordReader>> openZeekTsvReader(const QString &path, const ReadOptions &options)
{
    auto r = std::make_unique<ZeekTsvReader>();
    if (auto ok = r->init(path, options); !ok)
        return tl::unexpected(ok.error());
    return std::unique_ptr<RecordReader>(std::move(r));
}

Result<std::unique_ptr<RecordReader>> openZeekJsonReader(const QString &path, const ReadOptions &options)
{
    auto r = std::make_unique<ZeekJsonReader>();
    if (auto ok = r->init(path, options); !ok)
        return tl::unexpected(ok.error());
    return std::unique_ptr<RecordReader>(std::move(r));
}

} // namespace vigil::io
