#include "linesource.h"

#include "core/io/fileaccess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#if VIGIL_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

#include <algorithm>
#include <cstring>
#include <vector>

namespace vigil::io {

namespace {

constexpr std::int64_t kChunk = 1 << 20;      // text produced per refill
constexpr std::int64_t kRawChunk = 256 << 10; // compressed bytes read per refill

const QString kWhat = QStringLiteral("Input file");

} // namespace

struct LineSource::Private {
    QString path;
    LineSourceOptions options;
    QFile file;
    std::int64_t fileSize = 0;
    std::int64_t rawRead = 0;
    std::int64_t produced = 0;

    // Text window [begin, end) of buf; `scanned` is where the EOL search resumes.
    std::vector<char> buf;
    size_t begin = 0, end = 0, scanned = 0;
    bool eof = false;       // no more text will arrive
    bool skipping = false;  // inside the rest of an over-long line
    bool crWait = false;    // a CR ended the window; waiting to see whether LF follows
    std::int64_t lineNo = 0;

    // gzip
    bool gzip = false;
    z_stream zs{};
    bool zInit = false;
    std::vector<unsigned char> raw;
    bool memberDone = false;
    std::int64_t memberOut = 0;
    bool truncated = false;
    bool garbage = false;

    ~Private()
    {
        if (zInit)
            inflateEnd(&zs);
    }

    Result<std::int64_t> readRaw(char *dst, std::int64_t cap)
    {
        const qint64 n = file.read(dst, cap);
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading %1 failed at byte %2: %3").arg(path).arg(rawRead).arg(file.errorString()));
        rawRead += n;
        return std::int64_t(n);
    }

    /// Appends up to \a cap bytes of text at \a dst; 0 means the end.
    Result<std::int64_t> produce(char *dst, std::int64_t cap)
    {
        if (!gzip)
            return readRaw(dst, cap);
        zs.next_out = reinterpret_cast<Bytef *>(dst);
        zs.avail_out = uInt(cap);
        while (zs.avail_out == uInt(cap)) {
            if (zs.avail_in == 0) {
                auto n = readRaw(reinterpret_cast<char *>(raw.data()), std::int64_t(raw.size()));
                if (!n)
                    return tl::unexpected(n.error());
                if (*n == 0) {
                    if (!memberDone && (memberOut > 0 || rawRead > 0))
                        truncated = true;
                    return 0;
                }
                zs.next_in = raw.data();
                zs.avail_in = uInt(*n);
            }
            if (memberDone) {
                // Another member follows, or padding/garbage that gzip itself ignores.
                if (zs.next_in[0] != 0x1f) {
                    garbage = true;
                    return 0;
                }
                inflateReset(&zs);
                memberDone = false;
                memberOut = 0;
            }
            const uInt before = zs.avail_out;
            const int rc = inflate(&zs, Z_NO_FLUSH);
            memberOut += before - zs.avail_out;
            if (rc == Z_STREAM_END) {
                memberDone = true;
            } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR) {
                if (memberOut == 0 && rawRead > 0 && produced > 0) {
                    // A "member" after a complete one that is not gzip after all: trailing garbage.
                    garbage = true;
                    return 0;
                }
                return fail(ErrorCode::Corrupt,
                            QStringLiteral("%1 is not valid gzip data near compressed byte %2 (%3); the file is damaged.")
                                .arg(path).arg(rawRead - zs.avail_in).arg(QString::fromLatin1(zs.msg ? zs.msg : "inflate error")));
            }
        }
        const std::int64_t n = cap - zs.avail_out;
        if (produced + n > options.maxDecompressedBytes)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 inflates to more than %2 bytes (the decompressed-size limit); it may be a "
                                       "decompression bomb. Raise ReadOptions::maxDecompressedBytes if the file is genuine.")
                            .arg(path).arg(options.maxDecompressedBytes));
        if (produced + n > options.ratioCheckAfterBytes && double(produced + n) > options.maxInflateRatio * double(rawRead))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 inflates to more than %2 times its compressed size (%3 bytes of text from %4 compressed "
                                       "bytes); it is likely a decompression bomb, not a log. Decompress it yourself if it is genuine.")
                            .arg(path).arg(options.maxInflateRatio).arg(produced + n).arg(rawRead));
        return n;
    }

    Result<void> fill()
    {
        if (begin > 0) {
            std::memmove(buf.data(), buf.data() + begin, end - begin);
            end -= begin;
            scanned -= begin;
            begin = 0;
        }
        if (end == buf.size())
            return {};
        auto n = produce(buf.data() + end, std::int64_t(buf.size() - end));
        if (!n)
            return tl::unexpected(n.error());
        if (*n == 0)
            eof = true;
        produced += *n;
        end += size_t(*n);
        return {};
    }
};

LineSource::LineSource(std::unique_ptr<Private> p) : d(std::move(p)) {}
LineSource::~LineSource() = default;

Result<std::unique_ptr<LineSource>> LineSource::open(const QString &path, const LineSourceOptions &options)
{
    auto p = std::make_unique<Private>();
    p->path = path;
    p->options = options;
    if (p->options.maxLineBytes < 16)
        p->options.maxLineBytes = 16;
    // Refuses folders and devices up front: reading /dev/zero or a FIFO would never end.
    if (auto ok = checkReadableFile(path, kWhat); !ok)
        return tl::unexpected(ok.error());
    p->file.setFileName(path);
    if (!p->file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return tl::unexpected(openFailure(path, kWhat, p->file));
    p->fileSize = p->file.size();
    unsigned char magic[2] = {0, 0};
    if (p->file.peek(reinterpret_cast<char *>(magic), 2) == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        p->gzip = true;
        p->raw.resize(kRawChunk);
        if (inflateInit2(&p->zs, 16 + MAX_WBITS) != Z_OK)
            return fail(ErrorCode::Internal, QStringLiteral("zlib could not be initialised for %1").arg(path));
        p->zInit = true;
    }
    p->buf.resize(size_t(p->options.maxLineBytes + kChunk));
    return std::unique_ptr<LineSource>(new LineSource(std::move(p)));
}

Result<bool> LineSource::next(Line &line)
{
    Private &p = *d;
    const size_t maxLine = size_t(p.options.maxLineBytes);
    while (true) {
        const char *base = p.buf.data();
        // Find the first LF or CR after `scanned`.
        const char *from = base + p.scanned;
        const char *stop = base + p.end;
        const char *nl = static_cast<const char *>(std::memchr(from, '\n', size_t(stop - from)));
        const char *crEnd = nl ? nl : stop;
        const char *cr = static_cast<const char *>(std::memchr(from, '\r', size_t(crEnd - from)));
        const char *eol = cr ? cr : nl;
        if (eol) {
            // A CR as the last byte might be half of a CRLF: get more text before deciding.
            if (*eol == '\r' && eol + 1 == stop && !p.eof && !p.crWait) {
                p.scanned = size_t(eol - base);
                p.crWait = true; // once: a full buffer cannot take more, then the CR stands alone
                if (auto r = p.fill(); !r)
                    return tl::unexpected(r.error());
                continue;
            }
            p.crWait = false;
            const size_t e = size_t(eol - base);
            size_t nextBegin = e + 1;
            if (*eol == '\r' && nextBegin < p.end && base[nextBegin] == '\n')
                ++nextBegin;
            if (p.skipping) {
                p.skipping = false;
                p.begin = p.scanned = nextBegin;
                continue;
            }
            const size_t len = e - p.begin;
            line.number = ++p.lineNo;
            line.cut = len > maxLine;
            line.text = std::string_view(base + p.begin, line.cut ? maxLine : len);
            line.hasNul = std::memchr(line.text.data(), 0, line.text.size()) != nullptr;
            p.begin = p.scanned = nextBegin;
            return true;
        }
        p.scanned = p.end;
        if (p.skipping) {
            p.begin = p.scanned = p.end; // drop the middle of the over-long line
        } else if (p.end - p.begin > maxLine) {
            line.number = ++p.lineNo;
            line.cut = true;
            line.text = std::string_view(base + p.begin, maxLine);
            line.hasNul = std::memchr(line.text.data(), 0, line.text.size()) != nullptr;
            p.skipping = true;
            // The view stays valid: the next fill() happens on the next call.
            p.begin = p.scanned = p.end;
            return true;
        }
        if (p.eof) {
            if (p.begin < p.end && !p.skipping) {
                line.number = ++p.lineNo;
                line.cut = false;
                line.text = std::string_view(base + p.begin, p.end - p.begin);
                line.hasNul = std::memchr(line.text.data(), 0, line.text.size()) != nullptr;
                p.begin = p.scanned = p.end;
                return true;
            }
            return false;
        }
        if (auto r = p.fill(); !r)
            return tl::unexpected(r.error());
    }
}

bool LineSource::isGzip() const { return d->gzip; }
std::int64_t LineSource::bytesRead() const { return d->rawRead; }
std::int64_t LineSource::fileSize() const { return d->fileSize; }
std::int64_t LineSource::textBytes() const { return d->produced; }
bool LineSource::truncated() const { return d->truncated; }
bool LineSource::trailingGarbage() const { return d->garbage; }
QString LineSource::path() const { return d->path; }

Result<QString> sha256File(const QString &path, const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    if (auto ok = checkReadableFile(path, kWhat); !ok)
        return tl::unexpected(ok.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return tl::unexpected(openFailure(path, kWhat, file));
    const std::int64_t total = file.size();
    std::vector<char> chunk(size_t(4) << 20);
    std::int64_t done = 0;
#if VIGIL_HAVE_OPENSSL
    // OpenSSL uses the CPU's SHA extensions (~2 GB/s); QCryptographicHash in Qt 6.4 is ~5x slower,
    // which is a visible share of a large import.
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return fail(ErrorCode::Internal, QStringLiteral("SHA-256 is not available from OpenSSL."));
#else
    QCryptographicHash hash(QCryptographicHash::Sha256);
#endif
    while (true) {
        const qint64 n = file.read(chunk.data(), qint64(chunk.size()));
        if (n < 0)
            return fail(ErrorCode::Io, QStringLiteral("Reading %1 failed at byte %2: %3").arg(path).arg(done).arg(file.errorString()));
        if (n == 0)
            break;
#if VIGIL_HAVE_OPENSSL
        EVP_DigestUpdate(ctx.get(), chunk.data(), size_t(n));
#else
        hash.addData(QByteArrayView(chunk.data(), n));
#endif
        done += n;
        if (progress && !progress(done, total))
            return fail(ErrorCode::Cancelled, QStringLiteral("Hashing %1 was cancelled.").arg(path));
    }
#if VIGIL_HAVE_OPENSSL
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdLen = 0;
    EVP_DigestFinal_ex(ctx.get(), md, &mdLen);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(mdLen)).toHex());
#else
    return QString::fromLatin1(hash.result().toHex());
#endif
}

} // namespace vigil::io
