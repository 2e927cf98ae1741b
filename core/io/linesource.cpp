#include "linesource.h"

#include "core/bigalloc.h"
#include "core/io/fileaccess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#if VIGIL_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace vigil::io {

namespace {

constexpr std::int64_t kChunk = 1 << 20;      // text produced per refill
constexpr std::int64_t kMinChunk = 64 << 10;  // ... for plain files smaller than kChunk
constexpr std::int64_t kRawChunk = 256 << 10; // compressed bytes read per refill
// Inflating is a third of the work of reading a gzip data set; past the first blocks (all the
// format sniffers read) a second thread inflates ahead while the caller parses. At most
// kAheadBlocks blocks of kChunk bytes wait, so memory stays constant.
constexpr int kSyncBlocks = 2;
constexpr int kAheadBlocks = 3;

const QString kWhat = QStringLiteral("Input file");

} // namespace

struct LineSource::Private {
    QString path;
    LineSourceOptions options;
    QFile file;
    std::int64_t fileSize = 0;
    std::int64_t rawRead = 0;
    std::int64_t produced = 0;  // text handed to buf (consumer side)
    std::int64_t inflated = 0;  // text out of zlib (producer side: the worker thread once started)

    // Text window [begin, end) of buf; `scanned` is where the EOL search resumes. Left
    // uninitialised (only [begin, end) is ever read, and it is always written first): zero-filling
    // the 2 MB window cost more than reading a small file, and readers open a file up to 3 times.
    // From BigAllocator (its own, pre-populated or huge-page mapping): a fresh malloc'd window
    // of 2 MB is ~500 first-touch page faults on every cold open of a gzip file.
    struct Window {
        char *data = nullptr;
        size_t size = 0;
        ~Window()
        {
            if (data)
                BigAllocator<char>().deallocate(data, size);
        }
        char *get() const { return data; }
        void reset(size_t n)
        {
            this->~Window();
            data = BigAllocator<char>().allocate(n);
            size = n;
        }
    };
    Window buf;
    size_t bufSize = 0;
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
        stopAhead();
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
                if (memberOut == 0 && rawRead > 0 && inflated > 0) {
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
        inflated += n;
        if (inflated > options.maxDecompressedBytes)
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

    // ---- inflate-ahead thread (gzip only) ----
    // Blocks come from BigAllocator (a 2 MiB huge page each): zero-filling a fresh 1 MiB block
    // page by page was a seventh of all page faults of reading NSL-KDD.
    using BlockText = std::vector<char, BigAllocator<char>>;
    struct Block {
        BlockText text;
        std::int64_t size = 0;
        std::int64_t rawIn = 0;   // compressed bytes inflated once this block was complete
        bool error = false;
        Error err;
    };
    std::thread worker;
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<Block> ready;           // produced, not yet taken
    std::vector<BlockText> spare;
    bool stopWorker = false;
    int syncBlocks = 0;
    Block current;                     // the block being copied into buf
    std::int64_t currentPos = 0;
    bool workerDone = false;           // the worker has queued its last block
    std::int64_t rawInflated = 0;      // compressed bytes behind the text produced so far

    void stopAhead()
    {
        if (!worker.joinable())
            return;
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopWorker = true;
        }
        cv.notify_all();
        worker.join();
    }

    void runAhead()
    {
        while (true) {
            Block b;
            {
                std::unique_lock<std::mutex> lock(mutex);
                cv.wait(lock, [&] { return stopWorker || int(ready.size()) < kAheadBlocks; });
                if (stopWorker)
                    return;
                if (!spare.empty()) {
                    b.text = std::move(spare.back());
                    spare.pop_back();
                }
            }
            b.text.resize(size_t(kChunk));
            auto n = produce(b.text.data(), kChunk);
            if (!n) {
                b.error = true;
                b.err = n.error();
            } else {
                b.size = *n;
            }
            b.rawIn = rawRead - std::int64_t(zs.avail_in);
            const bool last = b.error || b.size == 0;
            {
                std::lock_guard<std::mutex> lock(mutex);
                ready.push_back(std::move(b));
            }
            cv.notify_all();
            if (last)
                return;
        }
    }

    /// The next block of text from the worker (waits for it).
    Result<std::int64_t> takeAhead(char *dst, std::int64_t cap)
    {
        if (currentPos == current.size) {
            std::unique_lock<std::mutex> lock(mutex);
            if (!current.text.empty())
                spare.push_back(std::move(current.text));
            if (workerDone && ready.empty())
                return 0;
            cv.wait(lock, [&] { return !ready.empty(); });
            current = std::move(ready.front());
            ready.pop_front();
            currentPos = 0;
            lock.unlock();
            cv.notify_all();
            if (current.error) {
                workerDone = true;
                return tl::unexpected(current.err);
            }
            if (current.size == 0) {
                workerDone = true;
                return 0;
            }
            rawInflated = current.rawIn;
        }
        const std::int64_t n = std::min(cap, current.size - currentPos);
        std::memcpy(dst, current.text.data() + currentPos, size_t(n));
        currentPos += n;
        return n;
    }

    Result<void> fill()
    {
        if (begin > 0) {
            std::memmove(buf.get(), buf.get() + begin, end - begin);
            end -= begin;
            scanned -= begin;
            begin = 0;
        }
        if (end == bufSize)
            return {};
        Result<std::int64_t> n = std::int64_t(0);
        if (worker.joinable()) {
            n = takeAhead(buf.get() + end, std::int64_t(bufSize - end));
        } else {
            n = produce(buf.get() + end, std::int64_t(bufSize - end));
            if (gzip)
                rawInflated = rawRead - std::int64_t(zs.avail_in);
            if (n && *n > 0 && gzip && ++syncBlocks == kSyncBlocks && fileSize > kRawChunk) {
                try {
                    worker = std::thread([this] { runAhead(); });
                } catch (const std::system_error &) {
                    // No thread to be had: keep inflating on this one.
                }
            }
        }
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
    // A small plain file gets a small window (previews and detection open files several times);
    // gzip text can be any size. The window must stay larger than maxLineBytes, or a long line
    // could fill it without ever being cut.
    const std::int64_t chunk = p->gzip ? kChunk : std::clamp<std::int64_t>(p->fileSize + 1, kMinChunk, kChunk);
    p->bufSize = size_t(p->options.maxLineBytes + chunk);
    p->buf.reset(p->bufSize);
    return std::unique_ptr<LineSource>(new LineSource(std::move(p)));
}

Result<bool> LineSource::next(Line &line)
{
    Private &p = *d;
    const size_t maxLine = size_t(p.options.maxLineBytes);
    while (true) {
        const char *base = p.buf.get();
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
std::int64_t LineSource::bytesRead() const
{
    // File bytes behind the lines handed out so far: text still buffered is not counted, and
    // for gzip the compressed bytes are scaled by the share of inflated text already consumed.
    const Private &p = *d;
    const auto pending = std::int64_t(p.end - p.begin) + (p.current.size - p.currentPos);
    if (!p.gzip)
        return std::max<std::int64_t>(0, p.produced - std::int64_t(p.end - p.begin));
    const std::int64_t made = p.produced + (p.current.size - p.currentPos);
    if (made <= 0)
        return 0;
    return std::int64_t(double(p.rawInflated) * double(std::max<std::int64_t>(0, made - pending)) / double(made));
}
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
