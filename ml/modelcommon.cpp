// Torch-free parts of the model API: names, JSON of training summaries and top features.

#include "ml/anomalymodel.h"

#include "core/metrics/metrics.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace vigil::ml {

Result<std::vector<CalibrationPoint>> calibrationTable(const std::vector<double> &cleanScores, double targetFpr)
{
    auto operating = metrics::thresholdForFpr(cleanScores, targetFpr);
    if (!operating)
        return tl::unexpected(operating.error());
    std::vector<double> rates{0.005, 0.01, 0.02, 0.05, 0.1};
    if (std::find(rates.begin(), rates.end(), targetFpr) == rates.end())
        rates.push_back(targetFpr);
    std::sort(rates.begin(), rates.end());
    std::vector<CalibrationPoint> table;
    for (double rate : rates) {
        auto t = rate == targetFpr ? operating : metrics::thresholdForFpr(cleanScores, rate);
        if (t)
            table.push_back({rate, *t});
    }
    return table;
}

QJsonArray calibrationToJson(const std::vector<CalibrationPoint> &points)
{
    QJsonArray a;
    for (const auto &c : points)
        a.append(QJsonObject{{QStringLiteral("targetFpr"), c.targetFpr}, {QStringLiteral("threshold"), c.threshold}});
    return a;
}

std::vector<CalibrationPoint> calibrationFromJson(const QJsonValue &json)
{
    std::vector<CalibrationPoint> points;
    for (const auto &v : json.toArray()) {
        const QJsonObject c = v.toObject();
        points.push_back({c.value(QStringLiteral("targetFpr")).toDouble(), c.value(QStringLiteral("threshold")).toDouble()});
    }
    return points;
}

QString modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Autoencoder: return QStringLiteral("autoencoder");
    case ModelKind::Vae: return QStringLiteral("vae");
    case ModelKind::Classifier: return QStringLiteral("classifier");
    case ModelKind::Sequence: return QStringLiteral("sequence");
    case ModelKind::TorchScript: return QStringLiteral("torchscript");
    case ModelKind::SessionAutoencoder: return QStringLiteral("session-autoencoder");
    }
    return QStringLiteral("unknown");
}

Result<ModelKind> parseModelKind(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (auto k : {ModelKind::Autoencoder, ModelKind::Vae, ModelKind::Classifier, ModelKind::Sequence, ModelKind::TorchScript,
                   ModelKind::SessionAutoencoder})
        if (n == modelKindName(k))
            return k;
    if (n == QLatin1String("ae"))
        return ModelKind::Autoencoder;
    if (n == QLatin1String("sessions") || n == QLatin1String("session-ae"))
        return ModelKind::SessionAutoencoder;
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("Unknown model kind '%1'; use autoencoder, vae, classifier, sequence, session-autoencoder or torchscript.").arg(name));
}

namespace {
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}
double numberOr(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::nan("");
}
} // namespace

QJsonObject TrainingSummary::toJson() const
{
    QJsonArray h;
    for (const auto &e : history)
        h.append(QJsonObject{{QStringLiteral("epoch"), e.epoch},
                             {QStringLiteral("trainLoss"), number(e.trainLoss)},
                             {QStringLiteral("valLoss"), number(e.valLoss)},
                             {QStringLiteral("rowsPerSecond"), number(e.rowsPerSecond)}});
    return QJsonObject{{QStringLiteral("history"), h},
                       {QStringLiteral("epochs"), int(history.size())},
                       {QStringLiteral("bestEpoch"), bestEpoch},
                       {QStringLiteral("cancelled"), cancelled},
                       {QStringLiteral("stoppedEarly"), stoppedEarly},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("trainRows"), double(trainRows)},
                       {QStringLiteral("validationRows"), double(validationRows)},
                       {QStringLiteral("batchSize"), double(batchSize)},
                       {QStringLiteral("seed"), QString::number(seed)},
                       {QStringLiteral("dataHash"), dataHash}};
}

TrainingSummary TrainingSummary::fromJson(const QJsonObject &json)
{
    TrainingSummary s;
    for (const auto &v : json.value(QStringLiteral("history")).toArray()) {
        const auto o = v.toObject();
        TrainingEpoch e;
        e.epoch = o.value(QStringLiteral("epoch")).toInt();
        e.trainLoss = numberOr(o.value(QStringLiteral("trainLoss")));
        e.valLoss = numberOr(o.value(QStringLiteral("valLoss")));
        e.rowsPerSecond = numberOr(o.value(QStringLiteral("rowsPerSecond")));
        s.history.push_back(e);
    }
    s.bestEpoch = json.value(QStringLiteral("bestEpoch")).toInt();
    s.cancelled = json.value(QStringLiteral("cancelled")).toBool();
    s.stoppedEarly = json.value(QStringLiteral("stoppedEarly")).toBool();
    s.seconds = json.value(QStringLiteral("seconds")).toDouble();
    s.trainRows = std::int64_t(json.value(QStringLiteral("trainRows")).toDouble());
    s.validationRows = std::int64_t(json.value(QStringLiteral("validationRows")).toDouble());
    s.batchSize = std::int64_t(json.value(QStringLiteral("batchSize")).toDouble());
    s.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    s.dataHash = json.value(QStringLiteral("dataHash")).toString();
    return s;
}

QString ScoreResult::topFeaturesJson(std::int64_t row) const
{
    QJsonArray a;
    for (int j = 0; j < topK; ++j) {
        const size_t i = size_t(row) * size_t(topK) + size_t(j);
        const int block = topBlocks[i];
        if (block < 0 || block >= blockNames.size())
            continue;
        a.append(QJsonObject{{QStringLiteral("feature"), blockNames[block]},
                             {QStringLiteral("contribution"), double(topValues[i])}});
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace vigil::ml
