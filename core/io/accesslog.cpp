// Access logs (Apache/nginx combined, common, or a user nginx log_format) with derived web fields.

#include "ratewindow.h"
#include "readers_p.h"
#include "webderive.h"

#include <unordered_map>

namespace vigil::io {

namespace {

enum class Var {
    RemoteAddr, Ident, RemoteUser, TimeLocal, TimeIso, Msec, Request, Status, Integer, Real, Text,
};

struct Item {
    bool literal = false;
    std::string text; // literal bytes, or the variable name
    Var var = Var::Text;
    bool quoted = false;
    bool lastLiteral = false; // the pattern's final literal
    int column = -1;
};

Var classify(const QString &name)
{
    static const QStringList ints = {QStringLiteral("body_bytes_sent"), QStringLiteral("bytes_sent"),
                                     QStringLiteral("request_length"), QStringLiteral("connection"),
                                     QStringLiteral("connection_requests"), QStringLiteral("remote_port"),
                                     QStringLiteral("server_port"), QStringLiteral("content_length")};
    if (name == QLatin1String("remote_addr"))
        return Var::RemoteAddr;
    if (name == QLatin1String("ident"))
        return Var::Ident;
    if (name == QLatin1String("remote_user"))
        return Var::RemoteUser;
    if (name == QLatin1String("time_local"))
        return Var::TimeLocal;
    if (name == QLatin1String("time_iso8601"))
        return Var::TimeIso;
    if (name == QLatin1String("msec"))
        return Var::Msec;
    if (name == QLatin1String("request"))
        return Var::Request;
    if (name == QLatin1String("status"))
        return Var::Status;
    if (ints.contains(name))
        return Var::Integer;
    if (name == QLatin1String("request_time"))
        return Var::Real;
    return Var::Text;
}

/// Splits an nginx log_format string into literals and $variables ($name or ${name}).
Result<std::vector<Item>> compilePattern(const QString &pattern)
{
    std::vector<Item> items;
    const QByteArray p = pattern.toUtf8();
    std::string lit;
    auto flush = [&] {
        if (!lit.empty()) {
            Item it;
            it.literal = true;
            it.text = lit;
            items.push_back(std::move(it));
            lit.clear();
        }
    };
    for (qsizetype i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c != '$') {
            lit.push_back(c);
            continue;
        }
        qsizetype j = i + 1;
        const bool braced = j < p.size() && p[j] == '{';
        if (braced)
            ++j;
        const qsizetype start = j;
        while (j < p.size() && (std::isalnum(static_cast<unsigned char>(p[j])) || p[j] == '_'))
            ++j;
        if (j == start) {
            lit.push_back(c); // a lone '$' is literal text
            continue;
        }
        const QString name = QString::fromUtf8(p.mid(start, j - start));
        if (braced) {
            if (j >= p.size() || p[j] != '}')
                return fail(ErrorCode::InvalidArgument, QStringLiteral("log_format: missing '}' after ${%1").arg(name));
            ++j;
        }
        flush();
        if (!items.empty() && !items.back().literal)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("log_format: $%1 follows $%2 with nothing between them; the fields cannot be split.")
                            .arg(name, QString::fromStdString(items.back().text)));
        Item it;
        it.text = name.toStdString();
        it.var = classify(name);
        items.push_back(std::move(it));
        i = j - 1;
    }
    flush();
    int vars = 0;
    for (size_t k = 0; k < items.size(); ++k) {
        if (items[k].literal)
            continue;
        ++vars;
        const bool before = k > 0 && items[k - 1].text.back() == '"';
        const bool after = k + 1 < items.size() && items[k + 1].text.front() == '"';
        items[k].quoted = before && after;
    }
    for (size_t k = items.size(); k-- > 0;) {
        if (items[k].literal) {
            items[k].lastLiteral = true;
            break;
        }
    }
    if (vars == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("log_format '%1' has no $variables.").arg(pattern));
    return items;
}

struct UaCacheHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class AccessLogReader final : public RecordReader
{
public:
    Result<void> init(const QString &path, const ReadOptions &options, const QString &format)
    {
        m_options = options;
        auto items = compilePattern(accessLogPattern(format, options.logFormat));
        if (!items)
            return tl::unexpected(items.error());
        m_items = std::move(*items);
        auto src = LineSource::open(path, lineOptions(options));
        if (!src)
            return tl::unexpected(src.error());
        m_src = std::move(*src);
        m_report.format = format;
        m_report.sourceBytes = m_src->fileSize();

        auto add = [&](const char *name, ColumnType type) {
            m_fields.push_back({QString::fromLatin1(name), type});
            return int(m_fields.size() - 1);
        };
        for (Item &it : m_items) {
            if (it.literal || it.var == Var::Ident)
                continue;
            ColumnType type = ColumnType::Text;
            switch (it.var) {
            case Var::TimeLocal:
            case Var::TimeIso:
            case Var::Msec: type = ColumnType::Timestamp; break;
            case Var::Status:
            case Var::Integer: type = ColumnType::Integer; break;
            case Var::Real: type = ColumnType::Real; break;
            default: break;
            }
            // A variable named twice keeps its first column.
            const QString name = QString::fromStdString(it.text);
            for (size_t c = 0; c < m_fields.size(); ++c) {
                if (m_fields[c].name == name)
                    it.column = int(c);
            }
            if (it.column < 0) {
                m_fields.push_back({name, type});
                it.column = int(m_fields.size() - 1);
            }
            switch (it.var) {
            case Var::RemoteAddr: m_addr = it.column; break;
            case Var::TimeLocal:
            case Var::TimeIso:
            case Var::Msec: m_time = it.column; m_timeVar = it.var; break;
            case Var::Request: m_request = it.column; break;
            case Var::Status: m_status = it.column; break;
            default:
                if (it.text == "http_user_agent")
                    m_ua = it.column;
                break;
            }
        }
        if (m_request >= 0) {
            m_method = add("method", ColumnType::Text);
            m_path = add("path", ColumnType::Text);
            m_query = add("query", ColumnType::Text);
            m_protocol = add("protocol", ColumnType::Text);
        }
        if (m_status >= 0)
            m_statusClass = add("status_class", ColumnType::Text);
        if (m_request >= 0) {
            m_depth = add("path_depth", ColumnType::Integer);
            m_pathLen = add("path_length", ColumnType::Integer);
            m_ext = add("path_ext", ColumnType::Text);
            m_queryLen = add("query_length", ColumnType::Integer);
            m_pct = add("url_pct_encoded", ColumnType::Integer);
            m_special = add("url_special_chars", ColumnType::Integer);
        }
        if (m_ua >= 0) {
            m_browser = add("ua_browser", ColumnType::Text);
            m_os = add("ua_os", ColumnType::Text);
            m_bot = add("ua_is_bot", ColumnType::Integer);
        }
        if (m_time >= 0 && m_timeVar != Var::Msec) {
            m_hour = add("hour", ColumnType::Integer);
            m_weekday = add("weekday", ColumnType::Integer);
        }
        if (m_addr >= 0) {
            m_scope = add("ip_scope", ColumnType::Text);
            m_prefix = add("ip_prefix", ColumnType::Text);
        }
        if (m_addr >= 0 && m_time >= 0) {
            m_clientRequests = add("client_requests_1m", ColumnType::Integer);
            if (m_status >= 0)
                m_clientErrors = add("client_errors_1m", ColumnType::Integer);
        }
        // Lines may stop early (a truncated last field, a common-format line in a combined log)
        // once the fields that make a record are there.
        for (size_t k = 0; k < m_items.size(); ++k) {
            const Item &it = m_items[k];
            if (!it.literal && (it.var == Var::TimeLocal || it.var == Var::TimeIso || it.var == Var::Msec
                                || it.var == Var::Request || it.var == Var::Status))
                m_requiredUntil = k;
        }
        return {};
    }

    std::int64_t bytesRead() const override { return m_src->bytesRead(); }

    Result<bool> next(RowBuffer &row) override
    {
        Line line;
        while (true) {
            auto more = m_src->next(line);
            if (!more)
                return tl::unexpected(more.error());
            if (!*more) {
                noteSourceEnd(*m_src, m_report);
                if (m_truncatedFields > 0)
                    m_report.notes.append(QStringLiteral("%1 line(s) end inside a quoted field (e.g. a cut-off user agent); "
                                                         "the field was kept up to the end of the line.").arg(m_truncatedFields));
                return false;
            }
            ++m_report.lines;
            if (!acceptLine(line, m_options.maxLineBytes, m_report))
                continue;
            if (const char *why = parse(line.text, row)) {
                m_report.addBad(line.number, QString::fromUtf8(why), line.text);
                continue;
            }
            row.line = line.number;
            ++m_report.rows;
            return true;
        }
    }

private:
    // Finds the end of a quoted value: the first unescaped '"' that starts the next literal.
    size_t quotedEnd(std::string_view s, size_t pos, const Item &next, bool &truncated) const
    {
        size_t p = pos;
        while (true) {
            const size_t q = s.find('"', p);
            if (q == std::string_view::npos) {
                truncated = true;
                return s.size();
            }
            size_t bs = 0;
            while (q - bs > pos && s[q - bs - 1] == '\\')
                ++bs;
            if (bs % 2 == 0) {
                if (next.lastLiteral || s.compare(q, next.text.size(), next.text) == 0)
                    return q;
            }
            p = q + 1;
        }
    }

    std::string_view text(std::string_view v, bool quoted, int column, RowBuffer &row)
    {
        std::string &scratch = row.scratch[size_t(column)];
        if (quoted && v.find('\\') != std::string_view::npos) {
            // Apache writes \" and \\ inside quoted fields.
            std::string un;
            un.reserve(v.size());
            for (size_t i = 0; i < v.size(); ++i) {
                if (v[i] == '\\' && i + 1 < v.size() && (v[i + 1] == '"' || v[i + 1] == '\\'))
                    ++i;
                un.push_back(v[i]);
            }
            if (m_lineUtf8 || isValidUtf8(un)) {
                scratch = std::move(un);
            } else {
                scratch.clear();
                appendLatin1AsUtf8(un, scratch);
            }
            return scratch;
        }
        return asUtf8(v, m_lineUtf8, scratch);
    }

    /// Returns nullptr on success or the reason the line is bad.
    const char *parse(std::string_view s, RowBuffer &row)
    {
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        // Some logs wrap every line in an extra pair of double quotes (the scanner logs).
        if (s.size() >= 2 && s.front() == '"' && !(m_items.front().literal && m_items.front().text.front() == '"')) {
            s.remove_prefix(1);
            if (s.size() >= 2 && s.substr(s.size() - 2) == "\"\"")
                s.remove_suffix(1);
        }
        m_lineUtf8 = isAscii(s) || isValidUtf8(s);
        for (size_t c = 0; c < row.missing.size(); ++c)
            row.missing[c] = 1;
        std::string_view request, ua, addr, statusText;
        WallTime wall;
        size_t pos = 0;
        bool truncated = false;
        for (size_t k = 0; k < m_items.size(); ++k) {
            const Item &it = m_items[k];
            if (it.literal) {
                if (s.compare(pos, it.text.size(), it.text) == 0) {
                    pos += it.text.size();
                    continue;
                }
                if (pos >= s.size() && k > m_requiredUntil)
                    break;
                return pos >= s.size() ? m_endEarly.c_str() : m_expected[k].c_str();
            }
            size_t end;
            if (k + 1 >= m_items.size()) {
                end = it.quoted ? s.size() : std::min(s.find(' ', pos), s.size());
            } else if (it.quoted) {
                end = quotedEnd(s, pos, m_items[k + 1], truncated);
            } else {
                const std::string &lit = m_items[k + 1].text;
                end = lit.size() == 1 ? s.find(lit[0], pos) : s.find(lit, pos);
                if (end == std::string_view::npos)
                    end = s.size();
            }
            const std::string_view v = s.substr(pos, end - pos);
            pos = end;
            if (it.var == Var::Ident)
                continue;
            const size_t c = size_t(it.column);
            const bool dash = v == "-";
            switch (it.var) {
            case Var::TimeLocal:
            case Var::TimeIso:
                if (!(it.var == Var::TimeLocal ? parseTimeLocal(v, wall) : parseIso8601(v, wall)))
                    return m_invalid[k].c_str();
                row.setNumber(c, wall.epoch);
                row.missing[c] = 0;
                break;
            case Var::Msec: {
                double d;
                if (!parseReal(v, d))
                    return m_invalid[k].c_str();
                row.setNumber(c, d);
                row.missing[c] = 0;
                break;
            }
            case Var::Status:
            case Var::Integer: {
                std::int64_t n = 0;
                if (dash) {
                    // Apache's %b writes "-" for "no body": that is zero bytes, not unknown.
                    if (it.var == Var::Status)
                        row.setMissing(c);
                    else
                        row.setNumber(c, 0.0), row.missing[c] = 0;
                } else if (parseInt(v, n)) {
                    row.setNumber(c, double(n));
                    row.missing[c] = 0;
                } else {
                    return m_invalid[k].c_str();
                }
                if (it.var == Var::Status)
                    statusText = dash ? std::string_view() : v;
                break;
            }
            case Var::Real: {
                double d;
                if (dash || v.empty()) {
                    row.setMissing(c);
                } else if (parseReal(v, d)) {
                    row.setNumber(c, d);
                    row.missing[c] = 0;
                } else {
                    return m_invalid[k].c_str();
                }
                break;
            }
            default: {
                if (dash || (v.empty() && it.var != Var::Request)) {
                    row.setMissing(c);
                    break;
                }
                const std::string_view t = text(v, it.quoted, int(c), row);
                row.setText(c, t);
                if (int(c) == m_request)
                    request = t;
                else if (int(c) == m_ua)
                    ua = t;
                else if (int(c) == m_addr)
                    addr = t;
                break;
            }
            }
        }
        if (truncated)
            ++m_truncatedFields;
        derive(row, request, ua, addr, statusText, wall);
        return nullptr;
    }

    void setInt(RowBuffer &row, int c, double v)
    {
        row.numbers[size_t(c)] = v;
        row.missing[size_t(c)] = 0;
    }

    void derive(RowBuffer &row, std::string_view request, std::string_view ua, std::string_view addr,
                std::string_view status, const WallTime &wall)
    {
        if (m_request >= 0) {
            if (!row.missing[size_t(m_request)]) {
                const RequestParts rp = splitRequest(request);
                if (rp.valid) {
                    row.setText(size_t(m_method), rp.method);
                    row.setText(size_t(m_path), rp.path);
                    if (rp.hasQuery)
                        row.setText(size_t(m_query), rp.query);
                    else
                        row.setMissing(size_t(m_query));
                    if (!rp.protocol.empty())
                        row.setText(size_t(m_protocol), rp.protocol);
                    else
                        row.setMissing(size_t(m_protocol));
                    const UrlStats st = urlStats(rp.path, rp.query);
                    setInt(row, m_depth, st.depth);
                    setInt(row, m_pathLen, double(rp.path.size()));
                    row.setOwnedText(size_t(m_ext), pathExtension(rp.path));
                    setInt(row, m_queryLen, double(rp.query.size()));
                    setInt(row, m_pct, st.pctEncoded);
                    setInt(row, m_special, st.specialChars);
                } else {
                    // TLS handshakes sent to port 80, empty requests: a category of their own.
                    row.setText(size_t(m_method), request.empty() ? std::string_view("<empty>") : std::string_view("<invalid>"));
                    for (int c : {m_path, m_query, m_protocol, m_ext})
                        row.setMissing(size_t(c));
                    const UrlStats st = urlStats({}, request);
                    setInt(row, m_depth, 0);
                    setInt(row, m_pathLen, 0);
                    setInt(row, m_queryLen, 0);
                    setInt(row, m_pct, st.pctEncoded);
                    setInt(row, m_special, st.specialChars);
                }
            } else {
                for (int c : {m_method, m_path, m_query, m_protocol, m_ext, m_depth, m_pathLen, m_queryLen, m_pct, m_special})
                    row.setMissing(size_t(c));
            }
        }
        if (m_statusClass >= 0) {
            if (status.size() == 3) {
                m_statusBuf[0] = status[0];
                row.setOwnedText(size_t(m_statusClass), std::string_view(m_statusBuf, 3));
            } else {
                row.setMissing(size_t(m_statusClass));
            }
        }
        if (m_ua >= 0) {
            if (!row.missing[size_t(m_ua)]) {
                const UserAgentInfo &info = userAgent(ua);
                row.setText(size_t(m_browser), info.browser);
                row.setText(size_t(m_os), info.os);
                setInt(row, m_bot, info.bot ? 1 : 0);
            } else {
                row.setMissing(size_t(m_browser));
                row.setMissing(size_t(m_os));
                row.setMissing(size_t(m_bot));
            }
        }
        if (m_hour >= 0) {
            if (wall.hour >= 0) {
                setInt(row, m_hour, wall.hour);
                setInt(row, m_weekday, wall.weekday);
            } else {
                row.setMissing(size_t(m_hour));
                row.setMissing(size_t(m_weekday));
            }
        }
        if (m_addr >= 0) {
            if (!row.missing[size_t(m_addr)]) {
                IpInfo ip = classifyIp(addr);
                row.setText(size_t(m_scope), ip.scope);
                if (ip.prefix.empty())
                    row.setMissing(size_t(m_prefix));
                else
                    row.setOwnedText(size_t(m_prefix), ip.prefix);
            } else {
                row.setMissing(size_t(m_scope));
                row.setMissing(size_t(m_prefix));
            }
        }
        if (m_clientRequests >= 0) {
            // The client's requests (and those answered 4xx/5xx) in the minute up to this one.
            const bool noClient = row.missing[size_t(m_addr)] || row.missing[size_t(m_time)];
            const bool failed = m_status >= 0 && !row.missing[size_t(m_status)] && row.numbers[size_t(m_status)] >= 400;
            const auto counts = m_rates.add(noClient ? std::string_view() : addr, row.numbers[size_t(m_time)], failed);
            setInt(row, m_clientRequests, double(counts.events));
            if (m_clientErrors >= 0)
                setInt(row, m_clientErrors, double(counts.failures));
        }
    }

    const UserAgentInfo &userAgent(std::string_view ua)
    {
        // Agents repeat across millions of lines: classify each distinct one once.
        auto it = m_uaCache.find(ua);
        if (it != m_uaCache.end())
            return it->second;
        if (m_uaCache.size() > 20000)
            m_uaCache.clear();
        return m_uaCache.emplace(std::string(ua), classifyUserAgent(ua)).first->second;
    }

public:
    void prepareMessages()
    {
        m_expected.resize(m_items.size());
        m_invalid.resize(m_items.size());
        for (size_t k = 0; k < m_items.size(); ++k) {
            const Item &it = m_items[k];
            if (it.literal) {
                std::string what = "expected '" + it.text + "'";
                if (k + 1 < m_items.size())
                    what += " before $" + m_items[k + 1].text;
                else
                    what += " at the end";
                m_expected[k] = what;
            } else {
                m_invalid[k] = "invalid $" + it.text;
            }
        }
    }

private:
    ReadOptions m_options;
    std::unique_ptr<LineSource> m_src;
    std::vector<Item> m_items;
    std::vector<std::string> m_expected, m_invalid;
    std::string m_endEarly = "line ends before the request and status";
    size_t m_requiredUntil = 0;
    bool m_lineUtf8 = true;
    std::int64_t m_truncatedFields = 0;
    char m_statusBuf[3] = {'0', 'x', 'x'};
    std::unordered_map<std::string, UserAgentInfo, UaCacheHash, std::equal_to<>> m_uaCache;
    EntityRateWindow m_rates;
    Var m_timeVar = Var::TimeLocal;
    int m_addr = -1, m_time = -1, m_request = -1, m_status = -1, m_ua = -1;
    int m_method = -1, m_path = -1, m_query = -1, m_protocol = -1, m_statusClass = -1, m_depth = -1,
        m_pathLen = -1, m_ext = -1, m_queryLen = -1, m_pct = -1, m_special = -1, m_browser = -1, m_os = -1,
        m_bot = -1, m_hour = -1, m_weekday = -1, m_scope = -1, m_prefix = -1, m_clientRequests = -1, m_clientErrors = -1;
};

} // namespace

QString accessLogPattern(const QString &format, const QString &userFormat)
{
    // Apache's %l (identd) sits where nginx writes a literal '-'; $ident reads it and drops it.
    if (format == QLatin1String("common"))
        return QStringLiteral("$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent");
    if (format == QLatin1String("nginx") && !userFormat.trimmed().isEmpty())
        return userFormat.trimmed();
    return QStringLiteral("$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
                          "\"$http_referer\" \"$http_user_agent\"");
}

Result<std::unique_ptr<RecordReader>> openAccessLogReader(const QString &path, const ReadOptions &options,
                                                          const QString &format)
{
    if (format == QLatin1String("nginx") && options.logFormat.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Format 'nginx' needs the server's log_format string (--log-format), e.g. "
                                   "'$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent'."));
    auto reader = std::make_unique<AccessLogReader>();
    if (auto r = reader->init(path, options, format); !r)
        return tl::unexpected(r.error());
    reader->prepareMessages();
    return std::unique_ptr<RecordReader>(std::move(reader));
}

} // namespace vigil::io
