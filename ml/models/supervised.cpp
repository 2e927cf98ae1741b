// Supervised MLP classifier and the GRU/LSTM next-event sequence model. One of the few TUs that
// parse LibTorch.

#include "ml/models/common_p.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace vigil::ml {

using namespace detail;

namespace {

QJsonObject classifierOptionsJson(const ClassifierOptions &o)
{
    return {{QStringLiteral("hidden"), intArray(o.hidden)},
            {QStringLiteral("dropout"), o.dropout},
            {QStringLiteral("binary"), o.binary},
            {QStringLiteral("classWeights"), o.classWeights}};
}

ClassifierOptions classifierOptionsFromJson(const QJsonObject &j)
{
    ClassifierOptions o;
    o.hidden = intVector(j.value(QStringLiteral("hidden")), o.hidden);
    o.dropout = j.value(QStringLiteral("dropout")).toDouble(o.dropout);
    o.binary = j.value(QStringLiteral("binary")).toBool(o.binary);
    o.classWeights = j.value(QStringLiteral("classWeights")).toBool(o.classWeights);
    return o;
}

} // namespace

// ---- classifier -------------------------------------------------------------------------

struct ClassifierModel::Impl {
    ClassifierOptions options;
    QStringList classes;
    int normalClass = -1;
    int width = 0;
    QStringList featureNames;
    torch::nn::Sequential net{nullptr};
    TrainingSummary summary;
    QJsonObject schemaJson;

    void build()
    {
        net = mlp(width, options.hidden, classes.size(), options.dropout);
        net->to(currentDevice());
    }
};

ClassifierModel::ClassifierModel(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
ClassifierModel::~ClassifierModel() = default;
QStringList ClassifierModel::classes() const { return d->classes; }
const TrainingSummary &ClassifierModel::summary() const { return d->summary; }

Result<std::unique_ptr<ClassifierModel>> ClassifierModel::train(const FeatureMatrix &data, const TrainOptions &options,
                                                                ProgressFn progress, EpochFn onEpoch)
{
    const LabelVector *labels = options.labels;
    if (!labels || std::int64_t(labels->ids.size()) != data.rows)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The classifier needs one label per row (a label column in the schema, or analyst labels)."));
    if (data.cols <= 0 || std::int64_t(data.values.size()) != data.rows * data.cols)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The feature matrix is empty or inconsistent."));
    if (auto ok = checkHidden(options.classifier.hidden, "The classifier"); !ok)
        return tl::unexpected(ok.error());
    if (options.classifier.binary && labels->normalId < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A binary normal/attack classifier needs a normal class in the labels."));

    return guarded<std::unique_ptr<ClassifierModel>>("ClassifierModel::train", [&]() -> Result<std::unique_ptr<ClassifierModel>> {
        auto impl = std::make_unique<Impl>();
        impl->options = options.classifier;
        impl->width = data.cols;
        impl->featureNames = data.featureNames();
        std::vector<std::int64_t> target(size_t(data.rows), -1);
        std::vector<std::int64_t> candidates;
        if (options.classifier.binary) {
            impl->classes = {QStringLiteral("normal"), QStringLiteral("attack")};
            impl->normalClass = 0;
            for (std::int64_t r = 0; r < data.rows; ++r)
                target[size_t(r)] = labels->isAttack(r);
        } else {
            impl->classes = labels->names;
            impl->normalClass = labels->normalId;
            for (std::int64_t r = 0; r < data.rows; ++r)
                target[size_t(r)] = labels->ids[size_t(r)] < labels->names.size() ? labels->ids[size_t(r)] : -1;
        }
        if (impl->classes.size() < 2)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("The classifier needs at least two classes."));
        for (std::int64_t r = 0; r < data.rows; ++r)
            if (target[size_t(r)] >= 0)
                candidates.push_back(r);
        auto split = splitRows(std::move(candidates), data.rows, options);
        if (!split)
            return tl::unexpected(split.error());

        torch::manual_seed(options.seed);
        impl->build();
        const auto x = matrixTensor(data);
        const auto y = torch::tensor(at::ArrayRef<std::int64_t>(target), torch::kLong).to(currentDevice());
        const auto trainIdx = indexTensor(split->train);
        torch::Tensor weights;
        if (options.classifier.classWeights) {
            auto counts = torch::bincount(y.index_select(0, trainIdx), {}, impl->classes.size()).to(torch::kFloat32);
            weights = (counts.sum() / (counts.clamp_min(1) * double(impl->classes.size()))).to(currentDevice());
        }
        auto ceOptions = torch::nn::functional::CrossEntropyFuncOptions();
        if (weights.defined())
            ceOptions.weight(weights);
        auto net = impl->net;
        Loop loop;
        loop.trainRows = std::int64_t(split->train.size());
        loop.batchLoss = [&](const torch::Tensor &positions) {
            const auto rows = trainIdx.index_select(0, positions);
            return torch::nn::functional::cross_entropy(net->forward(x.index_select(0, rows)), y.index_select(0, rows), ceOptions);
        };
        const auto valIdx = split->validation.empty() ? torch::Tensor() : indexTensor(split->validation);
        loop.validationLoss = [&]() {
            if (!valIdx.defined())
                return std::numeric_limits<double>::quiet_NaN();
            return torch::nn::functional::cross_entropy(net->forward(x.index_select(0, valIdx)), y.index_select(0, valIdx), ceOptions)
                .item<double>();
        };
        auto summary = runLoop(*net, loop, options, progress, onEpoch);
        if (!summary)
            return tl::unexpected(summary.error());
        impl->summary = *summary;
        impl->summary.validationRows = std::int64_t(split->validation.size());
        impl->summary.dataHash = dataHash(data, split->train);
        return std::unique_ptr<ClassifierModel>(new ClassifierModel(std::move(impl)));
    });
}

Result<ClassifierResult> ClassifierModel::predict(const FeatureMatrix &data, ProgressFn progress) const
{
    if (data.cols != d->width)
        return fail(ErrorCode::Mismatch, QStringLiteral("The data has %1 features but the classifier was trained on %2.")
                                             .arg(data.cols).arg(d->width));
    return guarded<ClassifierResult>("ClassifierModel::predict", [&]() -> Result<ClassifierResult> {
        c10::InferenceMode inference;
        d->net->eval();
        ClassifierResult r;
        r.classes = d->classes;
        const auto c = std::int64_t(d->classes.size());
        r.predicted.resize(size_t(data.rows));
        r.probabilities.resize(size_t(data.rows * c));
        r.attackScore.resize(size_t(data.rows));
        const std::int64_t bs = 16384;
        for (std::int64_t s = 0; s < data.rows; s += bs) {
            const auto n = std::min(bs, data.rows - s);
            auto x = torch::from_blob(const_cast<float *>(data.row(s)), {n, data.cols}, torch::kFloat32).to(currentDevice());
            auto p = torch::softmax(d->net->forward(x), 1).to(torch::kCPU).contiguous();
            auto pred = p.argmax(1).to(torch::kInt32).contiguous();
            std::copy_n(p.data_ptr<float>(), n * c, r.probabilities.begin() + std::ptrdiff_t(s * c));
            std::copy_n(pred.data_ptr<std::int32_t>(), n, r.predicted.begin() + std::ptrdiff_t(s));
            for (std::int64_t i = 0; i < n; ++i)
                r.attackScore[size_t(s + i)] = d->normalClass >= 0 ? 1.0 - double(p[i][d->normalClass].item<float>()) : 0.0;
            if (!report(progress, s + n, data.rows, QStringLiteral("Classifying")))
                return fail(ErrorCode::Cancelled, QStringLiteral("Classification was cancelled."));
        }
        return r;
    });
}

Result<QByteArray> ClassifierModel::toBundle(const QJsonObject &schemaJson) const
{
    return guarded<QByteArray>("ClassifierModel::toBundle", [&]() -> Result<QByteArray> {
        QJsonObject header = commonHeader(ModelKind::Classifier, classifierOptionsJson(d->options),
                                          schemaJson.isEmpty() ? d->schemaJson : schemaJson, d->summary);
        header.insert(QStringLiteral("width"), d->width);
        header.insert(QStringLiteral("featureNames"), QJsonArray::fromStringList(d->featureNames));
        header.insert(QStringLiteral("classes"), QJsonArray::fromStringList(d->classes));
        header.insert(QStringLiteral("normalClass"), d->normalClass);
        return bundle::pack(header, saveModule(d->net.ptr()));
    });
}

Result<std::unique_ptr<ClassifierModel>> ClassifierModel::fromBundle(const QByteArray &bytes, const QStringList &expectedFeatureNames)
{
    auto contents = bundle::unpack(bytes);
    if (!contents)
        return tl::unexpected(contents.error());
    const QJsonObject &h = contents->header;
    if (h.value(QStringLiteral("kind")).toString() != modelKindName(ModelKind::Classifier))
        return fail(ErrorCode::Unsupported, QStringLiteral("The bundle holds a \"%1\" model, not a classifier.")
                                                .arg(h.value(QStringLiteral("kind")).toString()));
    if (auto ok = bundle::checkFeatures(h, expectedFeatureNames); !ok)
        return tl::unexpected(ok.error());
    return guarded<std::unique_ptr<ClassifierModel>>("ClassifierModel::fromBundle", [&]() -> Result<std::unique_ptr<ClassifierModel>> {
        auto impl = std::make_unique<Impl>();
        impl->options = classifierOptionsFromJson(h.value(QStringLiteral("options")).toObject());
        impl->width = h.value(QStringLiteral("width")).toInt();
        for (const auto &v : h.value(QStringLiteral("featureNames")).toArray())
            impl->featureNames.append(v.toString());
        for (const auto &v : h.value(QStringLiteral("classes")).toArray())
            impl->classes.append(v.toString());
        impl->normalClass = h.value(QStringLiteral("normalClass")).toInt(-1);
        impl->summary = TrainingSummary::fromJson(h.value(QStringLiteral("training")).toObject());
        impl->schemaJson = h.value(QStringLiteral("schema")).toObject();
        if (impl->width <= 0 || impl->classes.size() < 2)
            return fail(ErrorCode::Corrupt, QStringLiteral("Classifier bundle header lacks its width or classes."));
        if (auto ok = checkHidden(impl->options.hidden, "The bundled classifier"); !ok)
            return tl::unexpected(ok.error());
        impl->build();
        try {
            loadModule(impl->net.ptr(), contents->payload);
        } catch (const c10::Error &e) {
            return fail(ErrorCode::Corrupt, QStringLiteral("The classifier bundle's weights do not fit its header: %1")
                                                .arg(QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
        }
        impl->net->eval();
        return std::unique_ptr<ClassifierModel>(new ClassifierModel(std::move(impl)));
    });
}

// ---- sequence model ---------------------------------------------------------------------

namespace {

/// Embedding → GRU/LSTM → linear over the vocabulary. Sequences are framed as
/// [BOS, e0 … e(T-1), EOS]; event t is predicted from the forward state after BOS…e(t-1) and,
/// when bidirectional, the backward state after EOS…e(t+1): never from the event itself.
class SequenceNetImpl : public torch::nn::Module
{
public:
    SequenceNetImpl(int vocabulary, const SequenceOptions &o) : vocab(vocabulary), options(o)
    {
        embedding = register_module("embedding", torch::nn::Embedding(vocabulary + 3, o.embedding));
        if (o.cell == SequenceOptions::Cell::Gru)
            gru = register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(o.embedding, o.hidden).num_layers(o.layers)
                                                           .batch_first(true).bidirectional(o.bidirectional)));
        else
            lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(o.embedding, o.hidden).num_layers(o.layers)
                                                              .batch_first(true).bidirectional(o.bidirectional)));
        head = register_module("head", torch::nn::Linear(o.hidden * (o.bidirectional ? 2 : 1), vocabulary));
    }

    std::int64_t pad() const { return vocab; }
    std::int64_t bos() const { return vocab + 1; }
    std::int64_t eos() const { return vocab + 2; }

    /// \a framed [B, L+2] token ids, \a lengths [B] event counts (CPU, Long). Returns logits
    /// [B, L, vocab] for the L events.
    torch::Tensor forward(const torch::Tensor &framed, const torch::Tensor &lengths)
    {
        auto emb = embedding->forward(framed);
        auto packed = torch::nn::utils::rnn::pack_padded_sequence(emb, lengths + 2, true, false);
        auto outPacked = gru ? std::get<0>(gru->forward_with_packed_input(packed))
                             : std::get<0>(lstm->forward_with_packed_input(packed));
        auto out = std::get<0>(torch::nn::utils::rnn::pad_packed_sequence(outPacked, true, 0.0, framed.size(1)));
        const auto L = framed.size(1) - 2;
        const auto h = options.hidden;
        torch::Tensor features;
        if (options.bidirectional) {
            auto fwd = out.narrow(2, 0, h).narrow(1, 0, L);  // states after BOS…e(t-1)
            auto bwd = out.narrow(2, h, h).narrow(1, 2, L);  // states after EOS…e(t+1)
            features = torch::cat({fwd, bwd}, 2);
        } else {
            features = out.narrow(1, 0, L);
        }
        return head->forward(features);
    }

    std::int64_t vocab;
    SequenceOptions options;
    torch::nn::Embedding embedding{nullptr};
    torch::nn::GRU gru{nullptr};
    torch::nn::LSTM lstm{nullptr};
    torch::nn::Linear head{nullptr};
};
TORCH_MODULE(SequenceNet);

QJsonObject sequenceOptionsJson(const SequenceOptions &o)
{
    return {{QStringLiteral("cell"), o.cell == SequenceOptions::Cell::Gru ? QStringLiteral("gru") : QStringLiteral("lstm")},
            {QStringLiteral("embedding"), o.embedding},
            {QStringLiteral("hidden"), o.hidden},
            {QStringLiteral("layers"), o.layers},
            {QStringLiteral("bidirectional"), o.bidirectional},
            {QStringLiteral("maxLength"), o.maxLength},
            {QStringLiteral("maxSteps"), double(o.maxSteps)}};
}

SequenceOptions sequenceOptionsFromJson(const QJsonObject &j)
{
    SequenceOptions o;
    o.cell = j.value(QStringLiteral("cell")).toString() == QLatin1String("lstm") ? SequenceOptions::Cell::Lstm : SequenceOptions::Cell::Gru;
    o.embedding = j.value(QStringLiteral("embedding")).toInt(o.embedding);
    o.hidden = j.value(QStringLiteral("hidden")).toInt(o.hidden);
    o.layers = j.value(QStringLiteral("layers")).toInt(o.layers);
    o.bidirectional = j.value(QStringLiteral("bidirectional")).toBool(o.bidirectional);
    o.maxLength = j.value(QStringLiteral("maxLength")).toInt(o.maxLength);
    o.maxSteps = std::int64_t(j.value(QStringLiteral("maxSteps")).toDouble(0.0)); // older bundles: none
    return o;
}

/// A padded batch of sessions: framed tokens, targets (-100 = padding, ignored) and lengths.
struct SeqBatch {
    torch::Tensor framed, targets, lengths;
};

SeqBatch makeBatch(const SequenceData &data, const std::vector<std::int64_t> &sessions, const SequenceNetImpl &net)
{
    std::int64_t L = 1;
    for (auto s : sessions)
        L = std::max<std::int64_t>(L, std::min<std::int64_t>(std::int64_t(data.tokens[size_t(s)].size()), net.options.maxLength));
    const auto B = std::int64_t(sessions.size());
    auto framed = torch::full({B, L + 2}, net.pad(), torch::kLong);
    auto targets = torch::full({B, L}, -100, torch::kLong);
    auto lengths = torch::empty({B}, torch::kLong);
    auto *f = framed.data_ptr<std::int64_t>();
    auto *t = targets.data_ptr<std::int64_t>();
    auto *len = lengths.data_ptr<std::int64_t>();
    for (std::int64_t b = 0; b < B; ++b) {
        const auto &seq = data.tokens[size_t(sessions[size_t(b)])];
        const auto n = std::min<std::int64_t>(std::int64_t(seq.size()), net.options.maxLength);
        len[b] = n;
        f[b * (L + 2)] = net.bos();
        for (std::int64_t i = 0; i < n; ++i) {
            f[b * (L + 2) + 1 + i] = seq[size_t(i)];
            t[b * L + i] = seq[size_t(i)];
        }
        f[b * (L + 2) + 1 + n] = net.eos();
    }
    return {framed.to(currentDevice()), targets.to(currentDevice()), lengths};
}

Result<void> checkSequences(const SequenceData &data, int vocabulary)
{
    if (data.tokens.empty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("No sessions to model."));
    for (size_t s = 0; s < data.tokens.size(); ++s) {
        if (data.tokens[s].empty())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("Session %1 has no events; drop empty sessions first.").arg(s));
        for (auto t : data.tokens[s])
            if (t < 0 || t >= vocabulary)
                return fail(ErrorCode::InvalidArgument, QStringLiteral("Session %1 holds token %2 outside the vocabulary [0, %3).")
                                                            .arg(s).arg(t).arg(vocabulary));
    }
    return {};
}

/// Session indices \a sessions ordered by length (events up to maxLength), longest first: a batch
/// of neighbours pads to nearly its own length. With mixed lengths (a web log's one-request
/// visits next to a crawler's hundreds) a batch in file order pads every session to the longest,
/// and the recurrent cell steps through all those padded positions.
std::vector<std::int64_t> byLength(const SequenceData &data, std::vector<std::int64_t> sessions, std::int64_t maxLength)
{
    std::stable_sort(sessions.begin(), sessions.end(), [&](std::int64_t a, std::int64_t b) {
        return std::min<std::int64_t>(std::int64_t(data.tokens[size_t(a)].size()), maxLength)
             > std::min<std::int64_t>(std::int64_t(data.tokens[size_t(b)].size()), maxLength);
    });
    return sessions;
}

/// The epoch's shuffled positions \a perm into training sessions \a trainRows rearranged so that
/// each batch of \a batchSize holds sessions of similar length: pools of 50 batches are sorted by
/// length and cut into batches, and the full batches are shuffled (seeded by \a seed and the
/// epoch); the one short batch stays last.
torch::Tensor bucketByLength(const torch::Tensor &perm, const std::vector<std::int64_t> &trainRows, const SequenceData &data,
                             std::int64_t batchSize, std::int64_t maxLength, std::uint64_t seed, int epoch)
{
    const auto n = perm.size(0);
    const auto *p = perm.data_ptr<std::int64_t>();
    const auto length = [&](std::int64_t pos) {
        return std::min<std::int64_t>(std::int64_t(data.tokens[size_t(trainRows[size_t(pos)])].size()), maxLength);
    };
    std::vector<std::int64_t> order(p, p + n);
    const std::int64_t pool = 50 * batchSize;
    for (std::int64_t start = 0; start < n; start += pool) {
        auto first = order.begin() + start, last = order.begin() + std::min(n, start + pool);
        std::stable_sort(first, last, [&](std::int64_t a, std::int64_t b) { return length(a) < length(b); });
    }
    // Full batches are shuffled as blocks; a short tail batch (n % batchSize) keeps its place at the end.
    const std::int64_t full = n / batchSize;
    std::vector<std::int64_t> blocks(static_cast<size_t>(full));
    std::iota(blocks.begin(), blocks.end(), 0);
    std::mt19937_64 rng(seed * 1000003ULL + std::uint64_t(epoch));
    std::shuffle(blocks.begin(), blocks.end(), rng);
    auto out = torch::empty({n}, torch::kLong);
    auto *o = out.data_ptr<std::int64_t>();
    std::int64_t k = 0;
    for (auto b : blocks)
        for (std::int64_t i = b * batchSize; i < (b + 1) * batchSize; ++i)
            o[k++] = order[size_t(i)];
    for (std::int64_t i = full * batchSize; i < n; ++i)
        o[k++] = order[size_t(i)];
    return out;
}

} // namespace

struct SequenceModel::Impl {
    SequenceOptions options;
    int vocabulary = 0;
    SequenceNet net{nullptr};
    TrainingSummary summary;
    QJsonObject schemaJson;

    void build()
    {
        net = SequenceNet(vocabulary, options);
        net->to(currentDevice());
    }
};

SequenceModel::SequenceModel(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
SequenceModel::~SequenceModel() = default;
int SequenceModel::vocabularySize() const { return d->vocabulary; }
const TrainingSummary &SequenceModel::summary() const { return d->summary; }

Result<std::unique_ptr<SequenceModel>> SequenceModel::train(const SequenceData &data, const TrainOptions &options,
                                                            ProgressFn progress, EpochFn onEpoch)
{
    if (data.vocabularySize <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The sequence model needs a vocabulary size > 0."));
    if (auto ok = checkSequences(data, data.vocabularySize); !ok)
        return tl::unexpected(ok.error());
    const auto &so = options.sequence;
    if (so.embedding <= 0 || so.hidden <= 0 || so.layers <= 0 || so.maxLength <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The sequence model needs positive embedding, hidden, layers and max length."));
    return guarded<std::unique_ptr<SequenceModel>>("SequenceModel::train", [&]() -> Result<std::unique_ptr<SequenceModel>> {
        auto impl = std::make_unique<Impl>();
        impl->options = so;
        impl->vocabulary = data.vocabularySize;
        std::vector<std::int64_t> all(data.tokens.size());
        std::iota(all.begin(), all.end(), 0);
        TrainOptions o = options;
        auto split = splitRows(std::move(all), std::int64_t(data.tokens.size()), o);
        if (!split)
            return tl::unexpected(split.error());
        torch::manual_seed(options.seed);
        impl->build();
        auto net = impl->net;
        const auto &trainRows = split->train;
        Loop loop;
        loop.trainRows = std::int64_t(trainRows.size());
        loop.maxSteps = so.maxSteps;
        loop.arrange = [&](const torch::Tensor &perm, int epoch, std::int64_t batchSize) {
            return bucketByLength(perm, trainRows, data, batchSize, so.maxLength, options.seed, epoch);
        };
        const std::vector<std::int64_t> validationOrder = byLength(data, split->validation, so.maxLength);
        loop.batchLoss = [&](const torch::Tensor &positions) {
            auto pos = positions.to(torch::kCPU).contiguous();
            std::vector<std::int64_t> sessions;
            for (std::int64_t i = 0; i < pos.size(0); ++i)
                sessions.push_back(trainRows[size_t(pos.data_ptr<std::int64_t>()[i])]);
            auto b = makeBatch(data, sessions, *net);
            auto logits = net->forward(b.framed, b.lengths);
            // Mean per-event NLL per session, then mean over sessions: long sessions do not
            // dominate, matching the session score.
            auto nll = torch::nn::functional::cross_entropy(logits.flatten(0, 1), b.targets.flatten(),
                                                            torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kNone))
                           .view(b.targets.sizes());
            return (nll.sum(1) / b.lengths.to(nll.device()).to(nll.dtype())).mean();
        };
        loop.validationLoss = [&]() {
            if (split->validation.empty())
                return std::numeric_limits<double>::quiet_NaN();
            double sum = 0.0;
            for (size_t s = 0; s < validationOrder.size(); s += 256) {
                std::vector<std::int64_t> sessions(validationOrder.begin() + std::ptrdiff_t(s),
                                                   validationOrder.begin() + std::ptrdiff_t(std::min(s + 256, validationOrder.size())));
                auto b = makeBatch(data, sessions, *net);
                auto nll = torch::nn::functional::cross_entropy(net->forward(b.framed, b.lengths).flatten(0, 1), b.targets.flatten(),
                                                                torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kNone))
                               .view(b.targets.sizes());
                sum += (nll.sum(1) / b.lengths.to(nll.device()).to(nll.dtype())).sum().item<double>();
            }
            return sum / double(split->validation.size());
        };
        auto summary = runLoop(*net, loop, options, progress, onEpoch);
        if (!summary)
            return tl::unexpected(summary.error());
        impl->summary = *summary;
        impl->summary.validationRows = std::int64_t(split->validation.size());
        return std::unique_ptr<SequenceModel>(new SequenceModel(std::move(impl)));
    });
}

Result<SequenceScores> SequenceModel::score(const SequenceData &data, ProgressFn progress) const
{
    if (auto ok = checkSequences(data, d->vocabulary); !ok)
        return tl::unexpected(ok.error());
    return guarded<SequenceScores>("SequenceModel::score", [&]() -> Result<SequenceScores> {
        c10::InferenceMode inference;
        d->net->eval();
        SequenceScores r;
        r.scores.resize(data.tokens.size());
        r.eventLosses.resize(data.tokens.size());
        std::vector<std::int64_t> all(data.tokens.size());
        std::iota(all.begin(), all.end(), 0);
        const std::vector<std::int64_t> order = byLength(data, std::move(all), d->options.maxLength);
        const size_t bs = 512;
        for (size_t s = 0; s < order.size(); s += bs) {
            const std::vector<std::int64_t> sessions(order.begin() + std::ptrdiff_t(s),
                                                     order.begin() + std::ptrdiff_t(std::min(s + bs, order.size())));
            auto b = makeBatch(data, sessions, *d->net);
            auto nll = torch::nn::functional::cross_entropy(d->net->forward(b.framed, b.lengths).flatten(0, 1), b.targets.flatten(),
                                                            torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kNone))
                           .view(b.targets.sizes())
                           .to(torch::kCPU)
                           .contiguous();
            const auto L = nll.size(1);
            const float *p = nll.data_ptr<float>();
            for (size_t i = 0; i < sessions.size(); ++i) {
                const auto n = b.lengths.data_ptr<std::int64_t>()[i];
                const auto session = size_t(sessions[i]);
                auto &ev = r.eventLosses[session];
                ev.assign(p + std::int64_t(i) * L, p + std::int64_t(i) * L + n);
                double sum = 0.0;
                for (float v : ev)
                    sum += v;
                r.scores[session] = sum / double(std::max<std::int64_t>(1, n));
            }
            if (!report(progress, std::int64_t(s + sessions.size()), std::int64_t(data.tokens.size()), QStringLiteral("Scoring sessions")))
                return fail(ErrorCode::Cancelled, QStringLiteral("Scoring was cancelled."));
        }
        return r;
    });
}

Result<QByteArray> SequenceModel::toBundle(const QJsonObject &schemaJson) const
{
    return guarded<QByteArray>("SequenceModel::toBundle", [&]() -> Result<QByteArray> {
        QJsonObject header = commonHeader(ModelKind::Sequence, sequenceOptionsJson(d->options),
                                          schemaJson.isEmpty() ? d->schemaJson : schemaJson, d->summary);
        header.insert(QStringLiteral("vocabularySize"), d->vocabulary);
        return bundle::pack(header, saveModule(d->net.ptr()));
    });
}

Result<std::unique_ptr<SequenceModel>> SequenceModel::fromBundle(const QByteArray &bytes)
{
    auto contents = bundle::unpack(bytes);
    if (!contents)
        return tl::unexpected(contents.error());
    const QJsonObject &h = contents->header;
    if (h.value(QStringLiteral("kind")).toString() != modelKindName(ModelKind::Sequence))
        return fail(ErrorCode::Unsupported, QStringLiteral("The bundle holds a \"%1\" model, not a sequence model.")
                                                .arg(h.value(QStringLiteral("kind")).toString()));
    return guarded<std::unique_ptr<SequenceModel>>("SequenceModel::fromBundle", [&]() -> Result<std::unique_ptr<SequenceModel>> {
        auto impl = std::make_unique<Impl>();
        impl->options = sequenceOptionsFromJson(h.value(QStringLiteral("options")).toObject());
        impl->vocabulary = h.value(QStringLiteral("vocabularySize")).toInt();
        impl->summary = TrainingSummary::fromJson(h.value(QStringLiteral("training")).toObject());
        impl->schemaJson = h.value(QStringLiteral("schema")).toObject();
        if (impl->vocabulary <= 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("Sequence model bundle header lacks its vocabulary size."));
        impl->build();
        try {
            loadModule(impl->net.ptr(), contents->payload);
        } catch (const c10::Error &e) {
            return fail(ErrorCode::Corrupt, QStringLiteral("The sequence model bundle's weights do not fit its header: %1")
                                                .arg(QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
        }
        impl->net->eval();
        return std::unique_ptr<SequenceModel>(new SequenceModel(std::move(impl)));
    });
}

} // namespace vigil::ml
