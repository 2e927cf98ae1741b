#pragma once

// Private to ml/models: LibTorch helpers shared by the model translation units (training
// loop, tensors from matrices, bundle weights, error boundary). Includes LibTorch.

#include <torch/torch.h>

#include "ml/anomalymodel.h"
#include "ml/device_p.h"
#include "ml/modelbundle.h"
#include "ml/runtime.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <numbers>
#include <limits>
#include <sstream>

namespace vigil::ml::detail {

/// Runs \a body and turns LibTorch / std exceptions into ErrorCode::Internal: nothing throws
/// out of ml.
template<typename T, typename F>
Result<T> guarded(const char *where, F &&body)
{
    try {
        return body();
    } catch (const c10::Error &e) {
        return fail(ErrorCode::Internal, QStringLiteral("%1: LibTorch error: %2")
                                             .arg(QLatin1String(where), QString::fromUtf8(e.what_without_backtrace())));
    } catch (const std::exception &e) {
        return fail(ErrorCode::Internal, QStringLiteral("%1: %2").arg(QLatin1String(where), QString::fromUtf8(e.what())));
    }
}

/// Copies the matrix once into a contiguous float tensor on the current device (columns in
/// \a columnOrder when given); batches are then index_select()s of it, never per-row copies.
inline torch::Tensor matrixTensor(const FeatureMatrix &m, const torch::Tensor &columnOrder = {})
{
    auto cpu = torch::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols}, torch::kFloat32);
    torch::Tensor t = columnOrder.defined() ? cpu.index_select(1, columnOrder) : cpu.clone();
    return t.to(currentDevice()).contiguous();
}

/// The rows \a rows of the matrix as one contiguous float tensor on the current device.
inline torch::Tensor rowsTensor(const FeatureMatrix &m, const std::vector<std::int64_t> &rows)
{
    auto cpu = torch::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols}, torch::kFloat32);
    auto idx = torch::from_blob(const_cast<std::int64_t *>(rows.data()), {std::int64_t(rows.size())}, torch::kLong);
    return cpu.index_select(0, idx).to(currentDevice()).contiguous();
}

inline QString dataHash(const FeatureMatrix &m, const std::vector<std::int64_t> &rows = {})
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(m.featureNames().join(QLatin1Char('\n')).toUtf8());
    if (rows.empty()) {
        h.addData(QByteArrayView(reinterpret_cast<const char *>(m.values.data()), qsizetype(m.values.size() * sizeof(float))));
    } else {
        for (auto r : rows)
            h.addData(QByteArrayView(reinterpret_cast<const char *>(m.row(r)), qsizetype(size_t(m.cols) * sizeof(float))));
    }
    return QString::fromLatin1(h.result().toHex());
}

/// Seeded train/validation split of \a candidates (or options.validationRows when given).
struct Split {
    std::vector<std::int64_t> train;
    std::vector<std::int64_t> validation;
};

inline Result<Split> splitRows(std::vector<std::int64_t> candidates, std::int64_t rows, const TrainOptions &options)
{
    Split s;
    if (!options.validationRows.empty()) {
        std::vector<char> isVal(size_t(rows), 0);
        for (auto r : options.validationRows) {
            if (r < 0 || r >= rows)
                return fail(ErrorCode::InvalidArgument, QStringLiteral("Validation row %1 is outside the %2 rows of the data.").arg(r).arg(rows));
            isVal[size_t(r)] = 1;
        }
        for (auto r : candidates)
            (isVal[size_t(r)] ? s.validation : s.train).push_back(r);
        return s;
    }
    if (!(options.validationFraction >= 0.0 && options.validationFraction < 1.0))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Validation fraction %1 must be in [0, 1).").arg(options.validationFraction));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed + 7);
    const auto n = std::int64_t(candidates.size());
    auto perm = torch::randperm(n, gen, torch::dtype(torch::kLong));
    const auto nVal = std::int64_t(std::llround(options.validationFraction * double(n)));
    const auto *p = perm.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < n; ++i)
        (i < nVal ? s.validation : s.train).push_back(candidates[size_t(p[i])]);
    std::sort(s.validation.begin(), s.validation.end());
    std::sort(s.train.begin(), s.train.end());
    return s;
}

inline torch::Tensor indexTensor(const std::vector<std::int64_t> &rows)
{
    return torch::tensor(at::ArrayRef<std::int64_t>(rows), torch::dtype(torch::kLong)).to(currentDevice());
}

/// Weights of a module as torch::save writes them, in memory.
inline QByteArray saveModule(const std::shared_ptr<torch::nn::Module> &module)
{
    torch::serialize::OutputArchive archive;
    module->save(archive);
    std::ostringstream out;
    archive.save_to(out);
    const std::string s = out.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

inline void loadModule(const std::shared_ptr<torch::nn::Module> &module, const QByteArray &bytes)
{
    std::istringstream in(std::string(bytes.constData(), size_t(bytes.size())));
    torch::serialize::InputArchive archive;
    archive.load_from(in, currentDevice());
    module->load(archive);
}

inline std::vector<torch::Tensor> snapshot(torch::nn::Module &module)
{
    std::vector<torch::Tensor> out;
    for (const auto &t : module.parameters())
        out.push_back(t.detach().clone());
    for (const auto &t : module.buffers())
        out.push_back(t.detach().clone());
    return out;
}

inline void restore(torch::nn::Module &module, const std::vector<torch::Tensor> &saved)
{
    torch::NoGradGuard noGrad;
    size_t i = 0;
    for (auto &t : module.parameters())
        t.copy_(saved[i++]);
    for (auto &t : module.buffers())
        t.copy_(saved[i++]);
}

/// The shared epoch loop: seeded shuffles, per-batch loss and Adam step, per-epoch validation,
/// early stopping, best-checkpoint restore, cancel.
struct Loop {
    std::int64_t trainRows = 0;
    /// Mean loss of the batch of training-set positions \a positions (a Long tensor on the device).
    std::function<torch::Tensor(const torch::Tensor &positions)> batchLoss;
    /// Mean validation loss; NaN when there is no validation set.
    std::function<double()> validationLoss;
    /// Called before each epoch (0-based), e.g. to anneal a temperature.
    std::function<void(int epoch)> beforeEpoch;
    /// Optional: rearranges the epoch's shuffled positions (a CPU Long tensor of trainRows) into
    /// the order its batches of \a batchSize rows (effectiveBatchSize()) are taken in, e.g.
    /// sessions of similar length together. Only the last batch may be short, so it must stay last.
    std::function<torch::Tensor(const torch::Tensor &perm, int epoch, std::int64_t batchSize)> arrange;
    /// Budget of optimizer steps (0 = none): fewer epochs run when options.epochs full epochs
    /// would take more steps; at least one epoch always runs.
    std::int64_t maxSteps = 0;
    /// Anneal the learning rate along a half cosine from options.learningRate to 0 over the
    /// steps that will run (the last steps make small, averaging moves instead of jumping
    /// around the minimum the step budget reached).
    bool cosineDecay = false;
};

/// A small data set still gets about this many optimizer steps: with batches of 256 rows, 20
/// epochs of a 360-row Zeek conn.log were 40 steps and left its autoencoder barely trained
/// (validation loss 28.2, against 11.4 with 16-row batches).
constexpr std::int64_t kMinTrainingSteps = 200;
/// The smallest batch that shrinking for kMinTrainingSteps makes.
constexpr std::int64_t kMinShrunkBatch = 16;

/// Rows per batch runLoop() takes from \a trainRows rows: options.batchSize, or fewer (not under
/// kMinShrunkBatch) where options.epochs epochs of it would take under kMinTrainingSteps steps.
inline std::int64_t effectiveBatchSize(const TrainOptions &options, std::int64_t trainRows)
{
    const std::int64_t bs = options.batchSize;
    if (bs <= kMinShrunkBatch || trainRows <= 0 || options.epochs <= 0)
        return bs;
    const std::int64_t steps = std::int64_t(options.epochs) * ((trainRows + bs - 1) / bs);
    if (steps >= kMinTrainingSteps)
        return bs;
    const std::int64_t rows = std::int64_t(options.epochs) * trainRows;
    return std::clamp((rows + kMinTrainingSteps - 1) / kMinTrainingSteps, kMinShrunkBatch, bs);
}

/// Epochs runLoop() runs for \a trainRows rows in batches of \a batchSize.
inline int effectiveEpochs(const TrainOptions &options, std::int64_t trainRows, std::int64_t maxSteps, std::int64_t batchSize)
{
    if (maxSteps <= 0 || batchSize <= 0 || trainRows <= 0)
        return options.epochs;
    const std::int64_t batchesPerEpoch = (trainRows + batchSize - 1) / batchSize;
    return int(std::min<std::int64_t>(options.epochs, std::max<std::int64_t>(1, maxSteps / batchesPerEpoch)));
}

inline Result<TrainingSummary> runLoop(torch::nn::Module &module, const Loop &loop, const TrainOptions &options,
                                       const ProgressFn &progress, const EpochFn &onEpoch)
{
    if (options.epochs <= 0 || options.batchSize <= 0 || !(options.learningRate > 0.0))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Training needs epochs > 0, batch size > 0 and learning rate > 0 (got %1, %2, %3).")
                        .arg(options.epochs).arg(options.batchSize).arg(options.learningRate));
    if (loop.trainRows <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("No training rows left after the validation split and filters."));
    TrainingSummary summary;
    summary.seed = options.seed;
    summary.trainRows = loop.trainRows;
    QElapsedTimer total;
    total.start();

    torch::optim::Adam optimizer(module.parameters(),
                                 torch::optim::AdamOptions(options.learningRate).weight_decay(options.weightDecay));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    const auto device = currentDevice();
    const std::int64_t n = loop.trainRows;
    const std::int64_t bs = effectiveBatchSize(options, n);
    summary.batchSize = bs;
    const std::int64_t batchesPerEpoch = (n + bs - 1) / bs;
    const int epochs = effectiveEpochs(options, n, loop.maxSteps, bs);
    const std::int64_t totalBatches = batchesPerEpoch * epochs;

    double best = std::numeric_limits<double>::infinity();
    std::vector<torch::Tensor> bestWeights;
    int sinceBest = 0;
    bool cancelled = false;
    for (int epoch = 0; epoch < epochs && !cancelled; ++epoch) {
        QElapsedTimer clock;
        clock.start();
        if (loop.beforeEpoch)
            loop.beforeEpoch(epoch);
        module.train();
        auto shuffled = torch::randperm(n, gen, torch::dtype(torch::kLong));
        const auto perm = (loop.arrange ? loop.arrange(shuffled, epoch, bs) : shuffled).to(device);
        auto sum = torch::zeros({}, torch::dtype(torch::kFloat64).device(device));
        for (std::int64_t b = 0; b < batchesPerEpoch; ++b) {
            const std::int64_t start = b * bs;
            const std::int64_t len = std::min(bs, n - start);
            const auto positions = perm.narrow(0, start, len);
            if (loop.cosineDecay) {
                const double f = double(epoch * batchesPerEpoch + b) / double(std::max<std::int64_t>(1, totalBatches));
                static_cast<torch::optim::AdamOptions &>(optimizer.param_groups()[0].options())
                    .lr(options.learningRate * 0.5 * (1.0 + std::cos(std::numbers::pi * f)));
            }
            optimizer.zero_grad();
            auto loss = loop.batchLoss(positions);
            loss.backward();
            optimizer.step();
            // Accumulated on the device: no per-batch synchronisation with a GPU.
            sum.add_(loss.detach().to(torch::kFloat64) * double(len));
            if (!report(progress, epoch * batchesPerEpoch + b + 1, totalBatches, QStringLiteral("Training"))) {
                cancelled = true;
                break;
            }
        }
        if (cancelled)
            break; // a partial epoch is not a checkpoint
        module.eval();
        TrainingEpoch e;
        e.epoch = epoch + 1;
        e.trainLoss = sum.item<double>() / double(n);
        {
            torch::NoGradGuard noGrad;
            e.valLoss = loop.validationLoss ? loop.validationLoss() : std::numeric_limits<double>::quiet_NaN();
        }
        const double secs = std::max(1e-9, double(clock.nsecsElapsed()) / 1e9);
        e.rowsPerSecond = double(n) / secs;
        e.etaSeconds = secs * double(epochs - epoch - 1);
        summary.history.push_back(e);
        if (onEpoch)
            onEpoch(e);
        if (!std::isfinite(e.trainLoss))
            return fail(ErrorCode::Internal,
                        QStringLiteral("Training diverged at epoch %1 (loss is not finite); lower the learning rate.").arg(e.epoch));
        const double monitored = std::isnan(e.valLoss) ? e.trainLoss : e.valLoss;
        if (monitored < best) {
            best = monitored;
            bestWeights = snapshot(module);
            summary.bestEpoch = e.epoch;
            sinceBest = 0;
        } else if (options.patience > 0 && ++sinceBest >= options.patience) {
            summary.stoppedEarly = true;
            break;
        }
    }
    if (summary.history.empty())
        return fail(ErrorCode::Cancelled, QStringLiteral("Training was cancelled before the first epoch finished; no model was kept."));
    restore(module, bestWeights);
    module.eval();
    summary.cancelled = cancelled;
    summary.seconds = double(total.nsecsElapsed()) / 1e9;
    return summary;
}

/// Header fields every bundle carries.
inline QJsonObject commonHeader(ModelKind kind, const QJsonObject &options, const QJsonObject &schemaJson,
                                const TrainingSummary &summary)
{
    return QJsonObject{
        {QStringLiteral("kind"), modelKindName(kind)},
        {QStringLiteral("options"), options},
        {QStringLiteral("schema"), schemaJson},
        {QStringLiteral("training"), summary.toJson()},
        {QStringLiteral("vigilVersion"), QStringLiteral(VIGIL_VERSION)},
        {QStringLiteral("torchVersion"), QStringLiteral(TORCH_VERSION)},
    };
}

inline QJsonArray intArray(const std::vector<int> &v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

inline std::vector<int> intVector(const QJsonValue &v, std::vector<int> fallback)
{
    if (!v.isArray())
        return fallback;
    std::vector<int> out;
    for (const auto &x : v.toArray())
        out.push_back(x.toInt());
    return out;
}

inline Result<void> checkHidden(const std::vector<int> &hidden, const char *what)
{
    if (hidden.empty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 needs at least one hidden layer.").arg(QLatin1String(what)));
    for (int h : hidden)
        if (h <= 0 || h > 65536)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("%1: hidden layer width %2 is out of range.").arg(QLatin1String(what)).arg(h));
    return {};
}

/// Dense ReLU stack in -> hidden... (-> out when out > 0), dropout after each hidden layer.
inline torch::nn::Sequential mlp(std::int64_t in, const std::vector<int> &hidden, std::int64_t out, double dropout)
{
    torch::nn::Sequential seq;
    std::int64_t prev = in;
    for (int h : hidden) {
        seq->push_back(torch::nn::Linear(prev, h));
        seq->push_back(torch::nn::ReLU(torch::nn::ReLUOptions().inplace(true)));
        if (dropout > 0.0)
            seq->push_back(torch::nn::Dropout(dropout));
        prev = h;
    }
    if (out > 0)
        seq->push_back(torch::nn::Linear(prev, out));
    return seq;
}

} // namespace vigil::ml::detail
