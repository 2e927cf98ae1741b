#pragma once

#include "core/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>

namespace vigil::io {

/// One physical line handed out by LineSource. `text` is valid until the next call to next().
struct Line {
    std::string_view text;     ///< without the line ending (LF, CRLF or a lone CR)
    std::int64_t number = 0;   ///< 1-based physical line number
    bool cut = false;          ///< longer than the limit: `text` is the first maxLineBytes bytes
    bool hasNul = false;       ///< contains NUL bytes (often a crashed writer's preallocated tail)
};

struct LineSourceOptions {
    std::int64_t maxLineBytes = 1 << 20;
    /// Stop with an error once this many bytes were inflated from a gzip file: a tiny .gz can
    /// expand to terabytes (a decompression bomb).
    std::int64_t maxDecompressedBytes = std::int64_t(64) << 30;
    /// Stop with an error once the text exceeds ratioCheckAfterBytes and is more than this many
    /// times the compressed bytes read. Real logs compress 5–50:1 (repetitive health checks up
    /// to ~150:1); deflate's maximum is ~1030:1, which is what a bomb of zeros reaches. The
    /// absolute limit alone would let a bomb burn a minute of CPU before it is noticed.
    double maxInflateRatio = 250.0;
    std::int64_t ratioCheckAfterBytes = std::int64_t(256) << 20;
};

/// Streams the lines of a plain or gzip-compressed file with constant memory.
///
/// gzip is recognised by its magic bytes, never by the file name; concatenated gzip members
/// (what `cat a.gz b.gz` and many log rotators produce) are read as one stream. A file that ends
/// inside a gzip member yields what was inflated and reports `truncated()`; corrupt compressed
/// data is an error. LF, CRLF and lone CR all end a line; a missing final newline is fine.
class LineSource
{
public:
    static Result<std::unique_ptr<LineSource>> open(const QString &path, const LineSourceOptions &options = {});
    ~LineSource();
    LineSource(const LineSource &) = delete;
    LineSource &operator=(const LineSource &) = delete;

    /// Reads the next line; false at the end of the input.
    Result<bool> next(Line &line);

    bool isGzip() const;
    /// Bytes of the file consumed so far (compressed bytes for gzip): progress against fileSize().
    std::int64_t bytesRead() const;
    std::int64_t fileSize() const;
    /// Bytes of text produced so far (after inflating).
    std::int64_t textBytes() const;
    /// The gzip stream ended before its end marker (a file cut while being written).
    bool truncated() const;
    /// Bytes after the last gzip member that are not another member, ignored like gzip does.
    bool trailingGarbage() const;
    QString path() const;

private:
    struct Private;
    explicit LineSource(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

/// SHA-256 of the file's bytes as lowercase hex (the dataset content hash).
Result<QString> sha256File(const QString &path, const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

} // namespace vigil::io
