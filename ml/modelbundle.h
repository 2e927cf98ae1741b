#pragma once

// The on-disk / in-database form of a model (torch-free):
//
//   offset  size  content
//   0       8     magic "VIGILMDL"
//   8       4     format version (uint32, little endian)
//   12      4     header length H (uint32 LE)
//   16      H     header: compact UTF-8 JSON (kind, options, schema, feature names, blocks,
//                 threshold, target FPR, training metadata, Vigil and LibTorch versions)
//   16+H    8     payload length P (uint64 LE)
//   24+H    P     payload: the weights as written by torch::save / torch::jit::save
//   24+H+P  32    SHA-256 of every byte before it
//
// Refusals: shorter than its lengths say → Corrupt ("truncated"); wrong magic → Unsupported
// ("not a Vigil model"); another format version → Unsupported; checksum → Corrupt; another
// feature layout → Mismatch.

#include "core/features.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace vigil::ml::bundle {

inline constexpr char kMagic[9] = "VIGILMDL";
inline constexpr quint32 kFormatVersion = 1;
/// Model files larger than this are refused before reading (a model here is a few MB).
inline constexpr qint64 kMaxFileBytes = qint64(2) << 30;

struct Contents {
    QJsonObject header;
    QByteArray payload;
};

QByteArray pack(const QJsonObject &header, const QByteArray &payload);
Result<Contents> unpack(const QByteArray &bytes);

/// Mismatch unless the header's "featureNames" equal \a expected (skipped when empty).
Result<void> checkFeatures(const QJsonObject &header, const QStringList &expected);

/// JSON of the feature blocks, and back.
QJsonArray blocksToJson(const std::vector<FeatureBlock> &blocks);
Result<std::vector<FeatureBlock>> blocksFromJson(const QJsonArray &json);

/// Writes \a bytes to \a path atomically (QSaveFile: temp file + rename).
Result<void> writeFile(const QString &path, const QByteArray &bytes);
/// Reads a whole model file (bounded by kMaxFileBytes).
Result<QByteArray> readFile(const QString &path);

/// Peeks at the header without verifying the payload's checksum (e.g. to read the kind).
Result<QJsonObject> peekHeader(const QByteArray &bytes);

} // namespace vigil::ml::bundle
