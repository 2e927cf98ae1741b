#include "reader.h"

#include "readers_p.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cstring>

namespace vigil {

// ---- ImportReport ---------------------------------------------------------------------------

void ImportReport::addBad(std::int64_t line, const QString &reason, std::string_view text)
{
    ++badLines;
    std::int64_t &n = badByReason[reason];
    ++n;
    if (n <= kExamplesPerReason) {
        const auto len = std::min<size_t>(text.size(), size_t(kExcerptBytes));
        examples.push_back({line, reason, QByteArray(text.data(), qsizetype(len))});
    }
}

QJsonObject ImportReport::toJson() const
{
    QJsonObject reasons;
    for (auto it = badByReason.cbegin(); it != badByReason.cend(); ++it)
        reasons.insert(it.key(), qint64(it.value()));
    QJsonArray ex;
    for (const Bad &b : examples) {
        // Excerpts are raw bytes from an untrusted file: stored as Latin-1 text so every byte
        // survives the JSON round trip and nothing is interpreted.
        ex.append(QJsonObject{{QStringLiteral("line"), qint64(b.line)},
                              {QStringLiteral("reason"), b.reason},
                              {QStringLiteral("excerpt"), QString::fromLatin1(b.excerpt)}});
    }
    return QJsonObject{{QStringLiteral("format"), format},
                       {QStringLiteral("lines"), qint64(lines)},
                       {QStringLiteral("rows"), qint64(rows)},
                       {QStringLiteral("bad_lines"), qint64(badLines)},
                       {QStringLiteral("bad_by_reason"), reasons},
                       {QStringLiteral("examples"), ex},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
                       {QStringLiteral("source_bytes"), qint64(sourceBytes)}};
}

ImportReport ImportReport::fromJson(const QJsonObject &json)
{
    ImportReport r;
    r.format = json.value(QStringLiteral("format")).toString();
    r.lines = json.value(QStringLiteral("lines")).toInteger();
    r.rows = json.value(QStringLiteral("rows")).toInteger();
    r.badLines = json.value(QStringLiteral("bad_lines")).toInteger();
    const QJsonObject reasons = json.value(QStringLiteral("bad_by_reason")).toObject();
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        r.badByReason.insert(it.key(), it.value().toInteger());
    for (const QJsonValue &v : json.value(QStringLiteral("examples")).toArray()) {
        const QJsonObject o = v.toObject();
        r.examples.push_back({o.value(QStringLiteral("line")).toInteger(), o.value(QStringLiteral("reason")).toString(),
                              o.value(QStringLiteral("excerpt")).toString().toLatin1()});
    }
    for (const QJsonValue &v : json.value(QStringLiteral("notes")).toArray())
        r.notes.append(v.toString());
    r.sourceBytes = json.value(QStringLiteral("source_bytes")).toInteger();
    return r;
}

QStringList formatNames()
{
    return {QStringLiteral("auto"),      QStringLiteral("combined"), QStringLiteral("common"),
            QStringLiteral("nginx"),     QStringLiteral("zeek"),     QStringLiteral("zeek-json"),
            QStringLiteral("csv"),       QStringLiteral("nslkdd"),   QStringLiteral("kdd99"),
            QStringLiteral("unsw-nb15"), QStringLiteral("cic-ids2017")};
}

namespace io {

RecordReader::~RecordReader() = default;

void noteSourceEnd(const LineSource &src, ImportReport &report)
{
    if (src.truncated())
        report.notes.append(QStringLiteral("The gzip stream ends early (the file was cut while being written); "
                                           "everything before the cut was read."));
    if (src.trailingGarbage())
        report.notes.append(QStringLiteral("Bytes after the last gzip member were ignored."));
}

bool acceptLine(const Line &line, std::int64_t maxLineBytes, ImportReport &report)
{
    if (line.cut) {
        report.addBad(line.number, QStringLiteral("line longer than %1 bytes").arg(maxLineBytes), line.text);
        return false;
    }
    if (line.hasNul) {
        report.addBad(line.number, QStringLiteral("NUL bytes in line"), line.text);
        return false;
    }
    std::string_view t = line.text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    return !t.empty();
}

// ---- detection ------------------------------------------------------------------------------

namespace {

bool looksLikeAccessLog(std::string_view s)
{
    if (!s.empty() && s.front() == '"')
        s.remove_prefix(1);
    // host SP ident SP user SP '[' … ']' SP '"'
    size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
        const size_t sp = s.find(' ', pos);
        if (sp == std::string_view::npos || sp == pos)
            return false;
        pos = sp + 1;
    }
    if (pos >= s.size() || s[pos] != '[')
        return false;
    const size_t close = s.find("] \"", pos);
    return close != std::string_view::npos;
}

std::vector<std::string_view> splitSimple(std::string_view s, char delim)
{
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (true) {
        const size_t d = s.find(delim, pos);
        out.push_back(s.substr(pos, d == std::string_view::npos ? std::string_view::npos : d - pos));
        if (d == std::string_view::npos)
            break;
        pos = d + 1;
    }
    return out;
}

bool isNumber(std::string_view v)
{
    double d;
    return parseReal(v, d);
}

} // namespace

Result<QString> detectFormat(const QString &path, const ReadOptions &options)
{
    auto src = LineSource::open(path, lineOptions(options));
    if (!src)
        return tl::unexpected(src.error());
    std::vector<std::string> lines;
    Line line;
    std::int64_t seen = 0;
    while (lines.size() < 20 && seen < 200) {
        auto more = (*src)->next(line);
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        ++seen;
        if (line.hasNul)
            continue;
        std::string_view t = trimSpaces(line.text);
        if (t.empty())
            continue;
        lines.emplace_back(line.text.substr(0, 64 << 10));
    }
    if (lines.empty())
        return fail(ErrorCode::Unsupported, QStringLiteral("%1 is empty; there is nothing to import.").arg(path));
    std::string_view first = lines.front();
    if (first.size() >= 3 && static_cast<unsigned char>(first[0]) == 0xEF && static_cast<unsigned char>(first[1]) == 0xBB
        && static_cast<unsigned char>(first[2]) == 0xBF)
        first.remove_prefix(3);
    if (first.substr(0, 10) == "#separator" || first.substr(0, 7) == "#fields")
        return QStringLiteral("zeek");
    if (first.front() == '{')
        return QStringLiteral("zeek-json");

    int access = 0;
    int combined = 0;
    for (const std::string &l : lines) {
        if (looksLikeAccessLog(l)) {
            ++access;
            // combined adds "referer" "agent" after the status and size.
            std::string_view v = l;
            while (!v.empty() && (v.back() == '"' || v.back() == ' '))
                v.remove_suffix(1);
            if (std::count(v.begin(), v.end(), '"') >= 4)
                ++combined;
        }
    }
    if (access * 2 > int(lines.size()))
        return combined * 2 >= access ? QStringLiteral("combined") : QStringLiteral("common");

    // Delimited text: known data-set shapes first.
    const auto f = splitSimple(first, ',');
    auto isProto = [](std::string_view v) { return v == "tcp" || v == "udp" || v == "icmp"; };
    if (f.size() == 43 && isProto(f[1]) && isNumber(f[0]) && isNumber(f[42]))
        return QStringLiteral("nslkdd");
    if (f.size() == 42 && isProto(f[1]) && isNumber(f[0]) && !f[41].empty() && f[41].back() == '.')
        return QStringLiteral("kdd99");
    if (f.size() == 49 && f[0].find('.') != std::string_view::npos && f[0].find(' ') == std::string_view::npos
        && !isNumber(f[0]))
        return QStringLiteral("unsw-nb15");
    const std::string_view header = first;
    if (header.find("Flow Duration") != std::string_view::npos && header.find("Label") != std::string_view::npos)
        return QStringLiteral("cic-ids2017");
    if (header.find("attack_cat") != std::string_view::npos)
        return QStringLiteral("unsw-nb15");
    // Anything that splits into a steady number of fields is CSV.
    for (const char d : {',', ';', '\t', '|'}) {
        const size_t n = splitSimple(first, d).size();
        if (n < 2)
            continue;
        int same = 0;
        for (const std::string &l : lines)
            same += splitSimple(l, d).size() == n ? 1 : 0;
        if (same * 10 >= int(lines.size()) * 8)
            return QStringLiteral("csv");
    }
    return fail(ErrorCode::Unsupported,
                QStringLiteral("%1: the format could not be recognised from its first lines (not an access log, Zeek "
                               "log or delimited table). Choose the format explicitly.").arg(path));
}

Result<std::unique_ptr<RecordReader>> openReader(const QString &path, const ReadOptions &options)
{
    QString format = options.format.trimmed().toLower();
    if (format.isEmpty())
        format = QStringLiteral("auto");
    if (!formatNames().contains(format))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Unknown format '%1'; use one of: %2.")
                                                    .arg(options.format, formatNames().join(QStringLiteral(", "))));
    if (options.maxLineBytes < 16)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("maxLineBytes must be at least 16."));
    if (format == QLatin1String("auto")) {
        if (!options.logFormat.trimmed().isEmpty()) {
            format = QStringLiteral("nginx");
        } else {
            auto detected = detectFormat(path, options);
            if (!detected)
                return tl::unexpected(detected.error());
            format = *detected;
        }
    }
    if (format == QLatin1String("combined") || format == QLatin1String("common") || format == QLatin1String("nginx"))
        return openAccessLogReader(path, options, format);
    if (format == QLatin1String("zeek"))
        return openZeekTsvReader(path, options);
    if (format == QLatin1String("zeek-json"))
        return openZeekJsonReader(path, options);
    return openCsvReader(path, options, format);
}

// ---- TableBuilder ---------------------------------------------------------------------------

namespace {

/// A column's distinct values → dictionary codes. Open addressing over (hash, code) pairs with
/// the bytes in one arena: no node or std::string per value, and a lookup touches one slot and
/// the arena. Data sets repeat a handful of values per column (protocol, service, method), so
/// the previous hit is checked first.
class Dictionary
{
public:
    /// The code of \a v, or -1 when it is new (then add() must be called).
    std::int32_t find(std::string_view v, std::uint64_t h) const
    {
        if (m_lastCode >= 0 && view(m_lastCode) == v)
            return m_lastCode;
        if (m_slots.empty())
            return -1;
        const size_t mask = m_slots.size() - 1;
        for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.code < 0)
                return -1;
            if (s.hash == std::uint32_t(h >> 32) && view(s.code) == v) {
                m_lastCode = s.code;
                return s.code;
            }
        }
    }
    std::int32_t add(std::string_view v, std::uint64_t h)
    {
        const auto code = std::int32_t(m_offsets.size());
        m_offsets.push_back(m_arena.size());
        m_arena.append(v);
        m_ends.push_back(m_arena.size());
        m_hashes.push_back(h);
        if ((m_offsets.size()) * 2 > m_slots.size())
            rehash(std::max<size_t>(64, m_slots.size() * 2));
        else
            insert(code, h);
        m_lastCode = code;
        return code;
    }
    static std::uint64_t hash(std::string_view v)
    {
        // FNV-1a over 8-byte words, then a multiplicative finaliser: short keys dominate.
        std::uint64_t h = 0xcbf29ce484222325ull ^ v.size();
        const char *p = v.data();
        size_t n = v.size();
        while (n >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0x100000001b3ull;
            h ^= h >> 29;
            p += 8;
            n -= 8;
        }
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        return h ^ (h >> 31);
    }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::int32_t code = -1;
    };
    std::string_view view(std::int32_t code) const
    {
        const size_t b = m_offsets[size_t(code)];
        return std::string_view(m_arena.data() + b, m_ends[size_t(code)] - b);
    }
    void insert(std::int32_t code, std::uint64_t h)
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = size_t(h) & mask;
        while (m_slots[i].code >= 0)
            i = (i + 1) & mask;
        m_slots[i] = Slot{std::uint32_t(h >> 32), code};
    }
    void rehash(size_t size)
    {
        m_slots.assign(size, Slot{});
        for (size_t c = 0; c < m_offsets.size(); ++c)
            insert(std::int32_t(c), m_hashes[c]);
    }

    std::string m_arena;
    std::vector<size_t> m_offsets, m_ends;
    std::vector<std::uint64_t> m_hashes;
    std::vector<Slot> m_slots;
    mutable std::int32_t m_lastCode = -1;
};

} // namespace

struct TableBuilder::Private {
    Table table;
    std::vector<Dictionary> dicts;
};

TableBuilder::TableBuilder(const std::vector<FieldSpec> &fields) : d(std::make_unique<Private>())
{
    d->table.columns.resize(fields.size());
    d->dicts.resize(fields.size());
    for (size_t c = 0; c < fields.size(); ++c) {
        d->table.columns[c].name = fields[c].name;
        d->table.columns[c].type = fields[c].type;
    }
}

TableBuilder::~TableBuilder() = default;

void TableBuilder::reserve(std::int64_t rows)
{
    for (Column &col : d->table.columns) {
        if (col.isText())
            col.codes.reserve(size_t(rows));
        else
            col.numbers.reserve(size_t(rows));
    }
    d->table.recordIds.reserve(size_t(rows));
}

void TableBuilder::appendText(size_t column, std::string_view utf8)
{
    Column &col = d->table.columns[column];
    Dictionary &dict = d->dicts[column];
    const std::uint64_t h = Dictionary::hash(utf8);
    std::int32_t code = dict.find(utf8, h);
    if (code < 0) {
        code = dict.add(utf8, h);
        col.dictionary.push_back(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    }
    col.codes.push_back(code);
}

void TableBuilder::appendMissing(size_t column)
{
    Column &col = d->table.columns[column];
    if (col.isText())
        col.codes.push_back(-1);
    else
        col.numbers.push_back(kNaN);
}

void TableBuilder::appendNumber(size_t column, double value) { d->table.columns[column].numbers.push_back(value); }
void TableBuilder::appendRecordId(std::int64_t id) { d->table.recordIds.push_back(id); }

void TableBuilder::append(const RowBuffer &row, std::int64_t recordId)
{
    for (size_t c = 0; c < d->table.columns.size(); ++c) {
        if (d->table.columns[c].isText()) {
            if (row.missing[c])
                d->table.columns[c].codes.push_back(-1);
            else
                appendText(c, row.texts[c]);
        } else {
            d->table.columns[c].numbers.push_back(row.missing[c] ? kNaN : row.numbers[c]);
        }
    }
    d->table.recordIds.push_back(recordId);
}

Table TableBuilder::take()
{
    d->dicts.clear();
    return std::move(d->table);
}

} // namespace io

// ---- readTable ------------------------------------------------------------------------------

Result<Table> readTable(const QString &path, const ReadOptions &options, ProgressFn progress, ImportReport *report)
{
    auto reader = io::openReader(path, options);
    if (!reader)
        return tl::unexpected(reader.error());
    io::RecordReader &r = **reader;
    io::TableBuilder builder(r.fields());
    io::RowBuffer row;
    row.resize(r.fields().size());
    const QString stage = QStringLiteral("Reading %1").arg(QFileInfo(path).fileName());
    std::int64_t n = 0;
    constexpr std::int64_t kEstimateAfter = 4096;
    if (options.maxRows > 0)
        builder.reserve(std::min<std::int64_t>(options.maxRows, kEstimateAfter));
    if (!::vigil::report(progress, 0, r.totalBytes(), stage))
        return fail(ErrorCode::Cancelled, QStringLiteral("Reading %1 was cancelled.").arg(path));
    while (true) {
        if (options.maxRows > 0 && n >= options.maxRows)
            break;
        auto more = r.next(row);
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        builder.append(row, ++n);
        if (n == kEstimateAfter && r.bytesRead() > 0 && r.totalBytes() > r.bytesRead()) {
            // Reserve the columns once from the rows per file byte so far: growing 40 column
            // vectors by doubling copies and page-faults every one of them several times.
            const double perByte = double(n) / double(r.bytesRead());
            auto estimate = std::int64_t(perByte * double(r.totalBytes()) * 1.05) + 1024;
            if (options.maxRows > 0)
                estimate = std::min(estimate, options.maxRows);
            builder.reserve(std::min<std::int64_t>(estimate, std::int64_t(1) << 28));
        }
        if ((n & 0x3fff) == 0 && !::vigil::report(progress, r.bytesRead(), r.totalBytes(), stage))
            return fail(ErrorCode::Cancelled, QStringLiteral("Reading %1 was cancelled.").arg(path));
    }
    ::vigil::report(progress, r.totalBytes(), r.totalBytes(), stage);
    if (report)
        *report = r.report();
    return builder.take();
}

} // namespace vigil
