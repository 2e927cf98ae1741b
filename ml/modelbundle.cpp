#include "ml/modelbundle.h"

#include "core/io/fileaccess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>

namespace vigil::ml::bundle {

namespace {

constexpr qsizetype kMagicSize = 8;
constexpr qsizetype kHashSize = 32;

template<typename T>
void appendLe(QByteArray &out, T value)
{
    char buf[sizeof(T)];
    qToLittleEndian(value, buf);
    out.append(buf, sizeof(T));
}

template<typename T>
T readLe(const QByteArray &bytes, qsizetype at)
{
    return qFromLittleEndian<T>(bytes.constData() + at);
}

Error truncated(qsizetype have, qint64 need)
{
    return Error{ErrorCode::Corrupt,
                 QStringLiteral("Model bundle is truncated: %1 bytes, but its lengths need %2. "
                                "Copy or export the model again.").arg(have).arg(need)};
}

struct Parsed {
    QJsonObject header;
    qsizetype payloadAt = 0;
    qint64 payloadSize = 0;
    qsizetype hashAt = 0;
};

Result<Parsed> parse(const QByteArray &bytes)
{
    const qsizetype n = bytes.size();
    const qsizetype magicLen = std::min<qsizetype>(n, kMagicSize);
    if (std::memcmp(bytes.constData(), kMagic, size_t(magicLen)) != 0 || n == 0)
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("Not a Vigil model bundle (the file does not start with \"VIGILMDL\"). "
                                   "Load TorchScript files with the TorchScript option instead."));
    if (n < 16)
        return tl::unexpected(truncated(n, 16));
    const quint32 version = readLe<quint32>(bytes, 8);
    if (version != kFormatVersion)
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("Model bundle format version %1 is not supported by this Vigil (it reads version %2). "
                                   "Use the Vigil that wrote it, or retrain.").arg(version).arg(kFormatVersion));
    const quint32 headerSize = readLe<quint32>(bytes, 12);
    const qint64 afterHeader = 16 + qint64(headerSize);
    if (n < afterHeader + 8)
        return tl::unexpected(truncated(n, afterHeader + 8 + kHashSize));
    const auto payloadSize = readLe<quint64>(bytes, qsizetype(afterHeader));
    if (payloadSize > quint64(kMaxFileBytes))
        return fail(ErrorCode::Corrupt, QStringLiteral("Model bundle is corrupt: its payload length %1 is implausible.").arg(payloadSize));
    const qint64 total = afterHeader + 8 + qint64(payloadSize) + kHashSize;
    if (n < total)
        return tl::unexpected(truncated(n, total));
    if (n > total)
        return fail(ErrorCode::Corrupt,
                    QStringLiteral("Model bundle is corrupt: %1 unexpected bytes after its checksum.").arg(n - total));
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(bytes.constData(), qsizetype(total - kHashSize)),
                                                       QCryptographicHash::Sha256);
    if (digest != bytes.mid(qsizetype(total - kHashSize)))
        return fail(ErrorCode::Corrupt,
                    QStringLiteral("Model bundle checksum mismatch: the file was modified or damaged. "
                                   "Export the model again from the project that holds it."));
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(bytes.mid(16, qsizetype(headerSize)), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Corrupt, QStringLiteral("Model bundle header is not valid JSON: %1 at offset %2.")
                                            .arg(err.errorString()).arg(err.offset));
    Parsed p;
    p.header = doc.object();
    p.payloadAt = qsizetype(afterHeader + 8);
    p.payloadSize = qint64(payloadSize);
    p.hashAt = qsizetype(total - kHashSize);
    return p;
}

} // namespace

QByteArray pack(const QJsonObject &header, const QByteArray &payload)
{
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(16 + json.size() + 8 + payload.size() + kHashSize);
    out.append(kMagic, kMagicSize);
    appendLe<quint32>(out, kFormatVersion);
    appendLe<quint32>(out, quint32(json.size()));
    out.append(json);
    appendLe<quint64>(out, quint64(payload.size()));
    out.append(payload);
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    return out;
}

Result<Contents> unpack(const QByteArray &bytes)
{
    auto p = parse(bytes);
    if (!p)
        return tl::unexpected(p.error());
    return Contents{p->header, bytes.mid(p->payloadAt, qsizetype(p->payloadSize))};
}

Result<QJsonObject> peekHeader(const QByteArray &bytes)
{
    auto p = parse(bytes);
    if (!p)
        return tl::unexpected(p.error());
    return p->header;
}

Result<void> checkFeatures(const QJsonObject &header, const QStringList &expected)
{
    if (expected.isEmpty())
        return {};
    QStringList have;
    for (const auto &v : header.value(QStringLiteral("featureNames")).toArray())
        have.append(v.toString());
    if (have.size() != expected.size())
        return fail(ErrorCode::Mismatch,
                    QStringLiteral("Model was trained on %1 features but the data set's schema has %2. "
                                   "Encode the data with the model's schema, or train a new model.")
                        .arg(have.size()).arg(expected.size()));
    for (qsizetype i = 0; i < have.size(); ++i) {
        if (have[i] != expected[i])
            return fail(ErrorCode::Mismatch,
                        QStringLiteral("Model feature %1 is \"%2\" but the data set's schema has \"%3\" there. "
                                       "Encode the data with the model's schema, or train a new model.")
                            .arg(i).arg(have[i], expected[i]));
    }
    return {};
}

QJsonArray blocksToJson(const std::vector<FeatureBlock> &blocks)
{
    QJsonArray out;
    for (const auto &b : blocks)
        out.append(QJsonObject{{QStringLiteral("name"), b.name},
                               {QStringLiteral("kind"), b.kind == FeatureBlock::Kind::OneHot ? QStringLiteral("onehot") : QStringLiteral("numeric")},
                               {QStringLiteral("offset"), b.offset},
                               {QStringLiteral("width"), b.width},
                               {QStringLiteral("features"), QJsonArray::fromStringList(b.featureNames)}});
    return out;
}

Result<std::vector<FeatureBlock>> blocksFromJson(const QJsonArray &json)
{
    std::vector<FeatureBlock> blocks;
    int next = 0;
    for (const auto &v : json) {
        const QJsonObject o = v.toObject();
        FeatureBlock b;
        b.name = o.value(QStringLiteral("name")).toString();
        b.kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("onehot") ? FeatureBlock::Kind::OneHot
                                                                                        : FeatureBlock::Kind::Numeric;
        b.offset = o.value(QStringLiteral("offset")).toInt(-1);
        b.width = o.value(QStringLiteral("width")).toInt(0);
        for (const auto &f : o.value(QStringLiteral("features")).toArray())
            b.featureNames.append(f.toString());
        if (b.offset != next || b.width <= 0 || b.featureNames.size() != b.width)
            return fail(ErrorCode::Corrupt, QStringLiteral("Model bundle header: feature block \"%1\" has an inconsistent layout.").arg(b.name));
        next += b.width;
        blocks.push_back(std::move(b));
    }
    return blocks;
}

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write model file %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write model file %1: %2").arg(path, file.errorString()));
    if (!file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write model file %1: %2").arg(path, file.errorString()));
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    const QString what = QStringLiteral("Model file");
    if (auto ok = io::checkReadableFile(path, what); !ok)
        return tl::unexpected(ok.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tl::unexpected(io::openFailure(path, what, file));
    if (file.size() > kMaxFileBytes)
        return fail(ErrorCode::Unsupported, QStringLiteral("Model file %1 is %2 bytes, larger than any Vigil model.").arg(path).arg(file.size()));
    return file.readAll();
}

} // namespace vigil::ml::bundle
