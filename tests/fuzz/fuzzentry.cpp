#include "fuzzentry.h"

#include "core/io/linesource.h"
#include "core/io/reader.h"
#include "core/query/compiler.h"
#include "core/query/fields.h"
#include "core/query/parser.h"
#include "ml/modelbundle.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <sys/mman.h>
#include <unistd.h>

#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace vigil::fuzz {

namespace {

/// Stops the process like a crash, so libFuzzer keeps the input and ctest reports the failure.
[[noreturn]] void violated(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz invariant violated: %s %s\n", what, detail.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

void check(bool condition, const char *what, const QString &detail = {})
{
    if (!condition)
        violated(what, detail);
}

/// An anonymous in-memory file: the readers open paths (and some open them twice), so the input
/// is handed over as /proc/self/fd/N — the production code path, at tmpfs speed, nothing on disk.
class MemFile
{
public:
    explicit MemFile(const char *name) : m_fd(memfd_create(name, MFD_CLOEXEC))
    {
        if (m_fd < 0)
            violated("memfd_create failed");
    }
    ~MemFile() { ::close(m_fd); }
    MemFile(const MemFile &) = delete;
    MemFile &operator=(const MemFile &) = delete;

    QString write(const QByteArray &bytes)
    {
        if (ftruncate(m_fd, 0) != 0)
            violated("ftruncate failed");
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = pwrite(m_fd, bytes.constData() + done, size_t(bytes.size() - done), off_t(done));
            if (n <= 0)
                violated("pwrite failed");
            done += n;
        }
        return QStringLiteral("/proc/self/fd/%1").arg(m_fd);
    }

private:
    int m_fd;
};

MemFile &inputFile()
{
    static MemFile file("vigil-fuzz-input");
    return file;
}

MemFile &gzipFile()
{
    static MemFile file("vigil-fuzz-gzip");
    return file;
}

/// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), written here rather
/// than borrowed from core/io so that it checks the readers' promise independently.
bool strictUtf8(std::string_view s)
{
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + size_t(extra) >= s.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + size_t(k)]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += size_t(extra) + 1;
    }
    return true;
}

/// Inputs are a few KB: a 4 KB line limit cuts nothing a default limit would keep (only inflated
/// gzip can be longer, and that path is what the "-short" variants and fuzz_gzip cover), and it
/// keeps the read window small enough that ASan does not map and poison megabytes per open.
constexpr std::int64_t kFuzzLineBytes = 4096;

struct ReaderVariant {
    const char *name;
    const char *format;
    std::int64_t maxLineBytes = kFuzzLineBytes;
};

/// Streams the whole input through openReader() as the importer does, checking what the reader
/// promises about every record.
Outcome readAll(const QString &path, const ReaderVariant &v, const QString &logFormat)
{
    Outcome out;
    out.variant = QString::fromLatin1(v.name);
    ReadOptions options;
    options.format = QString::fromLatin1(v.format);
    options.maxLineBytes = v.maxLineBytes;
    if (options.format == QLatin1String("nginx"))
        options.logFormat = logFormat;
    auto reader = io::openReader(path, options);
    if (!reader) {
        out.error = reader.error();
        return out;
    }
    io::RecordReader &r = **reader;
    const std::vector<io::FieldSpec> fields = r.fields();
    check(!fields.empty(), "an opened reader has no columns",
          out.variant % QLatin1Char(' ') % r.report().notes.join(QLatin1Char(';')));
    io::TableBuilder builder(fields);
    io::RowBuffer row;
    row.resize(fields.size());
    std::int64_t rows = 0;
    while (true) {
        auto more = r.next(row);
        if (!more) {
            out.error = more.error();
            return out;
        }
        if (!*more)
            break;
        check(r.fields().size() == fields.size(), "columns changed while reading", out.variant);
        check(row.texts.size() == fields.size() && row.numbers.size() == fields.size()
                  && row.missing.size() == fields.size(),
              "row buffer resized", out.variant);
        for (size_t c = 0; c < fields.size(); ++c) {
            if (fields[c].type == ColumnType::Text && !row.missing[c])
                check(strictUtf8(row.texts[c]), "text value is not valid UTF-8",
                      out.variant % QLatin1Char(' ') % fields[c].name);
        }
        builder.append(row, ++rows);
    }
    const Table table = builder.take();
    const ImportReport &rep = r.report();
    check(rep.rows == rows, "report.rows differs from the records returned", out.variant);
    check(rep.rows + rep.badLines <= rep.lines, "more records and bad lines than lines",
          QStringLiteral("%1: rows %2 bad %3 lines %4").arg(out.variant).arg(rep.rows).arg(rep.badLines).arg(rep.lines));
    for (const Column &col : table.columns)
        check(std::int64_t(col.isText() ? col.codes.size() : col.numbers.size()) == rows, "column length", out.variant);
    out.ok = true;
    out.format = rep.format;
    out.lines = rep.lines;
    out.rows = rep.rows;
    out.badLines = rep.badLines;
    out.columns = std::int64_t(fields.size());
    return out;
}

std::vector<Outcome> readVariants(const QByteArray &data, std::initializer_list<ReaderVariant> variants)
{
    // A first line "log_format …" gives the nginx variant its pattern (the fuzzer mutates it too).
    QString logFormat = defaultNginxFormat();
    if (data.startsWith("log_format ")) {
        const qsizetype eol = data.indexOf('\n');
        logFormat = QString::fromUtf8(data.mid(11, eol < 0 ? -1 : eol - 11));
    }
    const QString path = inputFile().write(data);
    std::vector<Outcome> out;
    for (const ReaderVariant &v : variants)
        out.push_back(readAll(path, v, logFormat));
    return out;
}

// ---- query ----------------------------------------------------------------------------------

query::FieldSet queryFields()
{
    query::FieldSet fields;
    fields.add({QStringLiteral("host"), query::FieldType::Text, QStringLiteral("d.\"c0\""), {}, {}});
    fields.add({QStringLiteral("status"), query::FieldType::Integer, QStringLiteral("d.\"c1\""), {}, {}});
    fields.add({QStringLiteral("bytes"), query::FieldType::Real, QStringLiteral("d.\"c2\""), {}, {}});
    fields.add({QStringLiteral("time"), query::FieldType::Timestamp, QStringLiteral("d.\"c3\""), {}, {}});
    fields.add({QStringLiteral("src_ip"), query::FieldType::Ip, QStringLiteral("d.\"c4\""), {}, {}});
    fields.add({QStringLiteral("label"), query::FieldType::Text, QStringLiteral("l.\"label\""),
                {QStringLiteral("normal"), QStringLiteral("attack")}, {}});
    return fields;
}

std::vector<Outcome> runQuery(const QByteArray &data)
{
    static const query::FieldSet fields = queryFields();
    const QString text = QString::fromUtf8(data);
    std::vector<Outcome> out;

    Outcome c;
    c.variant = QStringLiteral("compile");
    query::QueryError qe;
    auto compiled = query::compileFilter(text, fields, &qe);
    if (compiled) {
        // The filter's literals must all travel as bound parameters: one '?' each, and no quoted
        // SQL string (which could only come from user text) in the generated WHERE clause.
        const auto marks = compiled->where.count(QLatin1Char('?'));
        check(marks == qsizetype(compiled->params.size()), "placeholders differ from bound parameters",
              compiled->where);
        check(!compiled->where.contains(QLatin1Char('\'')), "a quoted SQL string in the generated WHERE",
              compiled->where);
        check(qsizetype(compiled->params.size()) <= query::kMaxValues * 2, "more parameters than literals allow");
        c.ok = true;
        c.rows = std::int64_t(compiled->params.size());
    } else {
        c.error = compiled.error();
        check(!c.error.message.isEmpty(), "a refused filter without a message");
    }
    out.push_back(c);

    // Completion runs on every keystroke in the filter bar: any text, any caret position.
    Outcome k;
    k.variant = QStringLiteral("complete");
    for (const int cursor : {0, int(text.size() / 2), int(text.size())}) {
        const query::Completion comp = query::completeAt(text, cursor, fields);
        check(comp.replaceStart >= 0 && comp.replaceLength >= 0 && comp.replaceStart + comp.replaceLength <= text.size(),
              "completion range outside the text");
    }
    k.ok = true;
    out.push_back(k);

    Outcome n;
    n.variant = QStringLiteral("names");
    const QString name = query::FieldSet::sanitizeName(text);
    check(!name.isEmpty(), "sanitizeName gave an empty name");
    (void)fields.suggest(text.left(64));
    (void)query::parseTimestamp(text);
    n.ok = true;
    out.push_back(n);
    return out;
}

// ---- model bundle ---------------------------------------------------------------------------

Outcome inspectBundle(const char *variant, const QByteArray &bytes)
{
    Outcome o;
    o.variant = QString::fromLatin1(variant);
    auto contents = ml::bundle::unpack(bytes);
    if (!contents) {
        o.error = contents.error();
        check(!o.error.message.isEmpty(), "a refused bundle without a message");
        return o;
    }
    auto header = ml::bundle::peekHeader(bytes);
    check(bool(header) && *header == contents->header, "peekHeader disagrees with unpack");
    // What AnomalyModel::fromBundle checks before LibTorch sees the payload.
    (void)ml::bundle::checkFeatures(contents->header, {QStringLiteral("a"), QStringLiteral("b")});
    auto blocks = ml::bundle::blocksFromJson(contents->header.value(QStringLiteral("blocks")).toArray());
    if (blocks) {
        int next = 0;
        for (const FeatureBlock &b : *blocks) {
            check(b.offset == next && b.width > 0 && b.featureNames.size() == b.width, "accepted an inconsistent block");
            next += b.width;
        }
        o.rows = std::int64_t(blocks->size());
    }
    o.ok = true;
    return o;
}

QByteArray frame(const QByteArray &headerJson, const QByteArray &payload)
{
    QByteArray out(ml::bundle::kMagic, 8);
    char le[8];
    qToLittleEndian<quint32>(ml::bundle::kFormatVersion, le);
    out.append(le, 4);
    qToLittleEndian<quint32>(quint32(headerJson.size()), le);
    out.append(le, 4);
    out.append(headerJson);
    qToLittleEndian<quint64>(quint64(payload.size()), le);
    out.append(le, 8);
    out.append(payload);
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    return out;
}

std::vector<Outcome> runBundle(const QByteArray &data)
{
    std::vector<Outcome> out;
    // As found (a random file chosen as a model): framing and checksum.
    out.push_back(inspectBundle("unpack", data));
    // The same with a valid checksum, so that mutated lengths and headers get past SHA-256.
    if (data.startsWith(QByteArray(ml::bundle::kMagic, 8)) && data.size() >= 16 + 8 + 32) {
        QByteArray resealed = data.left(data.size() - 32);
        resealed.append(QCryptographicHash::hash(resealed, QCryptographicHash::Sha256));
        out.push_back(inspectBundle("resealed", resealed));
    }
    // The input as the JSON header of a well-framed bundle: the header parser and the layout checks.
    const Outcome h = inspectBundle("header", frame(data, QByteArray("payload")));
    const bool isObject = QJsonDocument::fromJson(data).isObject();
    check(h.ok == isObject, "a well-framed bundle with a JSON object header was refused, or the reverse");
    out.push_back(h);
    return out;
}

// ---- gzip -----------------------------------------------------------------------------------

struct LineCopy {
    std::string text;
    std::int64_t number;
    bool cut, hasNul;
    bool operator==(const LineCopy &) const = default;
};

struct Lines {
    std::vector<LineCopy> lines;
    bool ok = false;
    Error error;
    bool truncated = false, garbage = false;
    std::int64_t textBytes = 0;
};

Lines readLines(const QString &path, const io::LineSourceOptions &options)
{
    Lines out;
    auto src = io::LineSource::open(path, options);
    if (!src) {
        out.error = src.error();
        return out;
    }
    io::Line line;
    while (true) {
        auto more = (*src)->next(line);
        if (!more) {
            out.error = more.error();
            return out;
        }
        if (!*more)
            break;
        check(line.text.size() <= size_t(options.maxLineBytes), "a line longer than maxLineBytes");
        check(line.number == std::int64_t(out.lines.size()) + 1, "line numbers skip");
        out.lines.push_back({std::string(line.text), line.number, line.cut, line.hasNul});
    }
    out.ok = true;
    out.truncated = (*src)->truncated();
    out.garbage = (*src)->trailingGarbage();
    out.textBytes = (*src)->textBytes();
    return out;
}

/// gzip of \a text in \a members members (what log rotators concatenate).
QByteArray gzip(const QByteArray &text, int members)
{
    QByteArray out;
    const qsizetype step = members > 1 ? (text.size() + members - 1) / members : text.size();
    qsizetype at = 0;
    for (int m = 0; m < members; ++m) {
        const QByteArray part = text.mid(at, m == members - 1 ? -1 : step);
        at += part.size();
        z_stream zs{};
        if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            violated("deflateInit2 failed");
        QByteArray buf(qsizetype(deflateBound(&zs, uLong(part.size()))) + 64, Qt::Uninitialized);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.constData()));
        zs.avail_in = uInt(part.size());
        zs.next_out = reinterpret_cast<Bytef *>(buf.data());
        zs.avail_out = uInt(buf.size());
        if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
            violated("deflate did not finish");
        out.append(buf.constData(), qsizetype(zs.total_out));
        deflateEnd(&zs);
    }
    return out;
}

std::vector<Outcome> runGzip(const QByteArray &data)
{
    std::vector<Outcome> out;
    io::LineSourceOptions options;
    options.maxLineBytes = 64;
    options.maxDecompressedBytes = 1 << 20;
    auto outcome = [](const char *variant, const Lines &l) {
        Outcome o;
        o.variant = QString::fromLatin1(variant);
        o.ok = l.ok;
        o.error = l.error;
        o.lines = std::int64_t(l.lines.size());
        return o;
    };

    if (data.startsWith("\x1f\x8b")) {
        // Real or mutated gzip: whatever it inflates to, never more than the limit.
        const Lines l = readLines(inputFile().write(data), options);
        check(l.textBytes <= options.maxDecompressedBytes, "inflated past maxDecompressedBytes");
        out.push_back(outcome("gzip", l));
        return out;
    }

    // Plain text: the gzip path must hand out exactly the lines the plain path does.
    const Lines plain = readLines(inputFile().write(data), options);
    check(plain.ok, "reading plain text failed", plain.error.message);
    out.push_back(outcome("plain", plain));
    const int members = data.isEmpty() ? 1 : 1 + static_cast<unsigned char>(data.back()) % 3;
    const QByteArray packed = gzip(data, members);
    const Lines z = readLines(gzipFile().write(packed), options);
    check(z.ok, "reading our own gzip failed", z.error.message);
    check(!z.truncated && !z.garbage, "our own gzip reported truncated or trailing garbage");
    check(z.lines == plain.lines, "gzip and plain reads differ");
    out.push_back(outcome("gzip-roundtrip", z));

    // Cut inside the last member (a log copied while being written): a prefix of the lines.
    const qsizetype cut = 1 + (data.isEmpty() ? 0 : static_cast<unsigned char>(data.front()) % 24);
    if (packed.size() > cut + 10) {
        const Lines t = readLines(gzipFile().write(packed.left(packed.size() - cut)), options);
        if (t.ok) {
            check(t.lines.size() <= plain.lines.size(), "a truncated gzip gave more lines than the whole");
            for (size_t i = 0; i + 1 < t.lines.size(); ++i)
                check(t.lines[i] == plain.lines[i], "a truncated gzip changed an earlier line");
        }
        out.push_back(outcome("gzip-truncated", t));
    }
    return out;
}

} // namespace

std::vector<Target> allTargets()
{
    return {Target::AccessLog, Target::ZeekTsv, Target::ZeekJson, Target::Csv,
            Target::Query,     Target::Bundle,  Target::Gzip};
}

QString targetName(Target target)
{
    switch (target) {
    case Target::AccessLog: return QStringLiteral("accesslog");
    case Target::ZeekTsv: return QStringLiteral("zeek");
    case Target::ZeekJson: return QStringLiteral("zeekjson");
    case Target::Csv: return QStringLiteral("csv");
    case Target::Query: return QStringLiteral("query");
    case Target::Bundle: return QStringLiteral("bundle");
    case Target::Gzip: return QStringLiteral("gzip");
    }
    return {};
}

QString defaultNginxFormat()
{
    // A typical custom format: the combined fields plus timing and an upstream address.
    return QStringLiteral("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
                          "\"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr");
}

std::vector<Outcome> run(Target target, const QByteArray &data)
{
    switch (target) {
    case Target::AccessLog:
        return readVariants(data, {{"auto", "auto"}, {"combined", "combined"}, {"common", "common"},
                                   {"nginx", "nginx"}, {"combined-short", "combined", 64}});
    case Target::ZeekTsv:
        return readVariants(data, {{"zeek", "zeek"}, {"auto", "auto"}, {"zeek-short", "zeek", 64}});
    case Target::ZeekJson:
        return readVariants(data, {{"zeek-json", "zeek-json"}, {"auto", "auto"}, {"zeek-json-short", "zeek-json", 64}});
    case Target::Csv:
        return readVariants(data, {{"auto", "auto"}, {"csv", "csv"}, {"nslkdd", "nslkdd"}, {"kdd99", "kdd99"},
                                   {"unsw-nb15", "unsw-nb15"}, {"cic-ids2017", "cic-ids2017"},
                                   {"csv-short", "csv", 64}});
    case Target::Query: return runQuery(data);
    case Target::Bundle: return runBundle(data);
    case Target::Gzip: return runGzip(data);
    }
    return {};
}

} // namespace vigil::fuzz
