// Unsupervised models: dense autoencoder, categorical (Gumbel-softmax) VAE, external
// TorchScript; their block loss, training, scoring and bundles. One of the few TUs that parse
// LibTorch.

#include "ml/models/common_p.h"
#include "ml/testing.h"

#include <torch/script.h>
#include <ATen/Parallel.h>

#include "core/metrics/metrics.h"

#include <QJsonDocument>

#include <algorithm>
#include <atomic>
#include <bit>
#include <optional>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vigil::ml {

using namespace detail;

namespace {

/// Upper bound of AutoencoderOptions::members (a bundle header is attacker-controlled input).
constexpr int kMaxMembers = 64;

/// Rows per batch when the CPU scores several batches at once (AnomalyModel::score): small
/// enough that a batch's activations stay in one core's cache. Re-measured on a 2-core EPYC VM
/// (bench_ml_nslkdd --threads 2 --score-batch B, release): 512 → 2.07M rows/s, 1024 → 2.14M,
/// 2048 → 2.17M; this constant at 4096 → 1.86M.
constexpr std::int64_t kConcurrentBatch = 2048;
/// Batches each thread scores between two progress reports: fewer rounds, fewer barriers.
constexpr std::int64_t kBatchesPerLane = 8;

/// setDeviceLossOnCpu(): score CPU tensors with the GPU's loss operators.
std::atomic<bool> deviceLossOnCpu{false};

/// Calls \a f(j, v[j]) for each j in [0, n) where v[j] is not 0 (NaN included), in order.
/// One-hot rows are mostly zeros: with SSE2, four values are tested at once, and a scalar
/// compare per value cost more than the products it saved (firstLayerCpu on NSL-KDD).
template<typename F>
inline void forEachNonZero(const float *v, std::int64_t n, F &&f)
{
    std::int64_t j = 0;
#if defined(__SSE2__)
    const __m128 zero = _mm_setzero_ps();
    for (; j + 4 <= n; j += 4) {
        // Lanes that are not equal to 0 (unordered compare: a NaN lane counts as set).
        unsigned mask = unsigned(_mm_movemask_ps(_mm_cmpneq_ps(_mm_loadu_ps(v + j), zero)));
        while (mask != 0) {
            const int lane = std::countr_zero(mask);
            f(j + lane, v[j + lane]);
            mask &= mask - 1;
        }
    }
#endif
    for (; j < n; ++j)
        if (v[j] != 0.0f)
            f(j, v[j]);
}

/// The \a k largest of \a v[0, n) (k <= n), largest first, the lower index first among equals:
/// their indices in \a index and values in \a value. One pass, each value compared with the
/// smallest kept first (a partial sort of an index array per row cost more, for k = 3 of 41
/// blocks, than the row's share of the network).
inline void largest(const float *v, std::int64_t n, int k, std::int32_t *index, float *value)
{
    int kept = 0;
    for (std::int64_t b = 0; b < n; ++b) {
        const float x = v[b];
        if (kept == k && !(x > value[k - 1]))
            continue;
        int at = kept < k ? kept++ : k - 1;
        for (; at > 0 && x > value[at - 1]; --at) {
            value[at] = value[at - 1];
            index[at] = index[at - 1];
        }
        value[at] = x;
        index[at] = std::int32_t(b);
    }
}

/// A dense layer prepared for BlockLayout::firstLayerCpu(): its weight transposed [in, out]
/// (contiguous) and its bias [out].
struct FirstLayer {
    torch::Tensor weightT;
    torch::Tensor bias;
};

/// How a matrix's blocks map onto the model output and the loss. The network reads rows in the
/// matrix's column order; its output is laid out "one-hot blocks first, then numerics", so the
/// numeric squared errors are one narrow() and one-hot targets are narrow()s of the input.
struct BlockLayout {
    struct OneHot {
        std::int64_t source = 0; ///< offset in the matrix
        std::int64_t width = 0;
        std::int64_t output = 0; ///< offset in the model output
    };
    std::vector<OneHot> oneHot;
    std::int64_t oneHotWidth = 0;
    std::int64_t numericWidth = 0;
    torch::Tensor numericColumns;    ///< Long [numericWidth]: matrix columns of the numerics
    bool numericContiguous = true;   ///< numerics are one run of matrix columns from numericStart
    std::int64_t numericStart = 0;
    torch::Tensor numericIndicator;  ///< [numericWidth, numeric blocks], undefined when all are width 1
    QStringList contributionNames;   ///< one-hot block names, then numeric block names
    std::int64_t width = 0;
    std::vector<std::int64_t> numericSource; ///< numericColumns as a vector, for blockLossCpu()
    std::vector<std::int32_t> numericPart;   ///< contribution column of each numeric output
    bool numericRun = true; ///< numerics contiguous, each its own block: numericPart[j] == oneHot.size() + j

    static BlockLayout make(const std::vector<FeatureBlock> &blocks, int width)
    {
        BlockLayout l;
        l.width = width;
        auto &numCols = l.numericSource;
        std::vector<int> numBlockWidths;
        QStringList numNames;
        for (const auto &b : blocks) {
            if (b.kind == FeatureBlock::Kind::OneHot) {
                l.oneHot.push_back({b.offset, b.width, l.oneHotWidth});
                l.oneHotWidth += b.width;
                l.contributionNames.append(b.name);
            } else {
                for (int j = 0; j < b.width; ++j) {
                    numCols.push_back(b.offset + j);
                    l.numericPart.push_back(std::int32_t(numBlockWidths.size()));
                }
                numBlockWidths.push_back(b.width);
                numNames.append(b.name);
            }
        }
        l.contributionNames += numNames;
        for (auto &part : l.numericPart)
            part += std::int32_t(l.oneHot.size());
        l.numericWidth = std::int64_t(numCols.size());
        if (!numCols.empty()) {
            l.numericStart = numCols.front();
            for (size_t i = 0; i < numCols.size(); ++i)
                l.numericContiguous = l.numericContiguous && numCols[i] == l.numericStart + std::int64_t(i);
        }
        l.numericColumns = torch::tensor(at::ArrayRef<std::int64_t>(numCols), torch::kLong).to(currentDevice());
        const bool allSingle = std::all_of(numBlockWidths.begin(), numBlockWidths.end(), [](int w) { return w == 1; });
        l.numericRun = allSingle && l.numericContiguous;
        if (!allSingle) {
            auto ind = torch::zeros({l.numericWidth, std::int64_t(numBlockWidths.size())});
            std::int64_t r = 0;
            for (size_t b = 0; b < numBlockWidths.size(); ++b)
                for (int j = 0; j < numBlockWidths[b]; ++j)
                    ind[r++][std::int64_t(b)] = 1.0f;
            l.numericIndicator = ind.to(currentDevice());
        }
        return l;
    }

    torch::Tensor numericTarget(const torch::Tensor &x) const
    {
        return numericContiguous ? x.narrow(1, numericStart, numericWidth) : x.index_select(1, numericColumns);
    }

    /// Cross-entropy of one one-hot block with an implicit "none of these" logit fixed at 0, so
    /// that an all-zero target (a category unseen in training) has a finite, meaningful loss.
    /// Works along the last dimension, so that the logits of an ensemble ([members, N, width])
    /// broadcast against one target [N, width].
    static torch::Tensor blockCrossEntropy(const torch::Tensor &logits, const torch::Tensor &target)
    {
        const auto m = std::get<0>(logits.max(-1, true)).clamp_min(0.0).detach();
        const auto lse = (m + ((logits - m).exp().sum(-1, true) + (-m).exp()).log()).squeeze(-1);
        return lse - (logits * target).sum(-1);
    }

    /// Per-row loss [N] ([members, N] for an ensemble's output) of model output \a out (model
    /// layout) against input rows \a x [N, width].
    torch::Tensor rowLoss(const torch::Tensor &out, const torch::Tensor &x, double numericWeight) const
    {
        torch::Tensor loss;
        if (numericWidth > 0) {
            const auto d = out.narrow(-1, oneHotWidth, numericWidth) - numericTarget(x);
            loss = d.square().sum(-1);
            if (numericWeight != 1.0)
                loss = loss * numericWeight;
        }
        for (const auto &b : oneHot) {
            auto ce = blockCrossEntropy(out.narrow(-1, b.output, b.width), x.narrow(1, b.source, b.width));
            loss = loss.defined() ? loss + ce : ce;
        }
        return loss;
    }

    /// Per-block losses [N, contributionNames.size()] ([members, N, …] for an ensemble's output).
    torch::Tensor blockLoss(const torch::Tensor &out, const torch::Tensor &x, double numericWeight) const
    {
        std::vector<torch::Tensor> parts;
        for (const auto &b : oneHot)
            parts.push_back(blockCrossEntropy(out.narrow(-1, b.output, b.width), x.narrow(1, b.source, b.width)).unsqueeze(-1));
        if (numericWidth > 0) {
            auto sq = (out.narrow(-1, oneHotWidth, numericWidth) - numericTarget(x)).square();
            if (numericWeight != 1.0)
                sq = sq * numericWeight;
            parts.push_back(numericIndicator.defined() ? sq.matmul(numericIndicator) : sq);
        }
        return torch::cat(parts, -1);
    }

    /// blockLoss() of CPU tensors (\a out [N, width] in model layout, \a x [N, matrix width]),
    /// equal to it up to rounding, in two passes over the rows instead of some fifteen
    /// tensor operators: per block the logits' maximum and the target's logit, with the
    /// shifted logits gathered into one buffer; one vectorised exp over that buffer; then the
    /// log-sum-exp per block and the numeric squared errors. Scoring on the CPU spent more
    /// time in the operators (each a pass over an [N, width] tensor) than in the network.
    torch::Tensor blockLossCpu(const torch::Tensor &outTensor, const torch::Tensor &xTensor, double numericWeight) const
    {
        const auto outC = outTensor.to(torch::kFloat32).contiguous();
        const auto xC = xTensor.contiguous();
        const std::int64_t n = outC.size(0), blocks = std::int64_t(oneHot.size());
        const std::int64_t outStride = outC.size(1), xStride = xC.size(1);
        const float *out = outC.data_ptr<float>(), *x = xC.data_ptr<float>();
        auto partsTensor = torch::zeros({n, std::int64_t(contributionNames.size())});
        float *parts = partsTensor.data_ptr<float>();
        const std::int64_t partStride = partsTensor.size(1);
        auto shifted = torch::empty({n, oneHotWidth});
        float *sh = shifted.data_ptr<float>();
        std::vector<float> maxDot(size_t(n * 2 * blocks)); // per block: max(0, logits), logit · target
        float *md = maxDot.data();
        for (std::int64_t i = 0; i < n; ++i) {
            const float *o = out + i * outStride, *t = x + i * xStride;
            for (std::int64_t k = 0; k < blocks; ++k) {
                const auto &b = oneHot[size_t(k)];
                const float *l = o + b.output, *target = t + b.source;
                float m = 0.0f, dot = 0.0f;
                // (simd: the reductions may be reassociated, as the tensor operators do.)
#pragma omp simd reduction(max : m) reduction(+ : dot)
                for (std::int64_t j = 0; j < b.width; ++j) {
                    m = l[j] > m ? l[j] : m; // (std::max's form is not vectorised: GCC 12, -O2)
                    dot += l[j] * target[j];
                }
                float *dst = sh + i * oneHotWidth + b.output;
#pragma omp simd
                for (std::int64_t j = 0; j < b.width; ++j)
                    dst[j] = l[j] - m;
                md[i * 2 * blocks + 2 * k] = m;
                md[i * 2 * blocks + 2 * k + 1] = dot;
            }
        }
        if (blocks > 0)
            shifted.exp_();
        const float w = float(numericWeight);
        for (std::int64_t i = 0; i < n; ++i) {
            float *p = parts + i * partStride;
            for (std::int64_t k = 0; k < blocks; ++k) {
                const auto &b = oneHot[size_t(k)];
                const float m = md[i * 2 * blocks + 2 * k], dot = md[i * 2 * blocks + 2 * k + 1];
                const float *e = sh + i * oneHotWidth + b.output;
                float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
                for (std::int64_t j = 0; j < b.width; ++j)
                    sum += e[j];
                p[k] = m + std::log(sum + std::exp(-m)) - dot;
            }
            const float *o = out + i * outStride + oneHotWidth, *t = x + i * xStride;
            if (numericRun) { // the usual layout: contribution blocks + j is numeric j's, in one pass
                const float *src = t + numericStart;
                float *dst = p + blocks;
#pragma omp simd
                for (std::int64_t j = 0; j < numericWidth; ++j) {
                    const float d = o[j] - src[j];
                    dst[j] += w * (d * d);
                }
                continue;
            }
            for (std::int64_t j = 0; j < numericWidth; ++j) {
                const float d = o[j] - t[numericSource[size_t(j)]];
                p[numericPart[size_t(j)]] += w * (d * d);
            }
        }
        return partsTensor;
    }

    /// The first layer of a network on CPU rows \a x [N, width] (contiguous): bias [H] +
    /// x · W, with \a weightT = Wᵀ [width, H] contiguous. A one-hot block holds one 1 among its
    /// zeros, so the one-hot columns add their non-zero features' weight rows instead of
    /// taking part in the dense product, which covers the numeric columns only; any non-zero
    /// value counts, so the result is the dense layer's up to rounding. On NSL-KDD 38 of the
    /// 122 columns stay in the product; on web logs, whose one-hot blocks are wider, fewer.
    torch::Tensor firstLayerCpu(const torch::Tensor &x, const torch::Tensor &weightT, const torch::Tensor &bias) const
    {
        const std::int64_t n = x.size(0), h = weightT.size(1), stride = x.size(1);
        torch::Tensor out;
        if (numericWidth == 0)
            out = bias.expand({n, h}).contiguous();
        else if (numericContiguous)
            out = torch::addmm(bias, x.narrow(1, numericStart, numericWidth), weightT.narrow(0, numericStart, numericWidth));
        else
            out = torch::addmm(bias, x.index_select(1, numericColumns), weightT.index_select(0, numericColumns));
        float *o = out.data_ptr<float>();
        const float *xp = x.data_ptr<float>(), *w = weightT.data_ptr<float>();
        for (std::int64_t i = 0; i < n; ++i) {
            float *row = o + i * h;
            for (const auto &b : oneHot) {
                forEachNonZero(xp + i * stride + b.source, b.width, [&](std::int64_t j, float v) {
                    const float *wr = w + (b.source + j) * h;
#pragma omp simd
                    for (std::int64_t k = 0; k < h; ++k)
                        row[k] += v * wr[k];
                });
            }
        }
        return out;
    }

    /// blockLoss() on the device \a out lives on: blockLossCpu() on the CPU, operators on a GPU
    /// (where they run in parallel and the loops would not).
    torch::Tensor blockLossAny(const torch::Tensor &out, const torch::Tensor &x, double numericWeight) const
    {
        if (!out.device().is_cpu() || deviceLossOnCpu.load(std::memory_order_relaxed))
            return blockLoss(out, x, numericWeight);
        if (out.dim() == 2)
            return blockLossCpu(out, x, numericWeight);
        std::vector<torch::Tensor> members; // an ensemble's [members, N, width]
        for (std::int64_t m = 0; m < out.size(0); ++m)
            members.push_back(blockLossCpu(out.select(0, m), x, numericWeight));
        return torch::stack(members);
    }

    /// Reorders a reconstruction in matrix column order into the model layout.
    torch::Tensor toModelOrder(const torch::Tensor &recon) const
    {
        std::vector<torch::Tensor> parts;
        for (const auto &b : oneHot)
            parts.push_back(recon.narrow(1, b.source, b.width));
        if (numericWidth > 0)
            parts.push_back(numericTarget(recon));
        return torch::cat(parts, 1);
    }
};

Result<void> checkBlocks(const FeatureMatrix &m)
{
    if (m.cols <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The feature matrix has no columns; define at least one feature in the schema."));
    if (std::int64_t(m.values.size()) != m.rows * std::int64_t(m.cols))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The feature matrix holds %1 values, not rows × cols = %2 × %3.")
                                                    .arg(m.values.size()).arg(m.rows).arg(m.cols));
    int next = 0;
    for (const auto &b : m.blocks) {
        if (b.offset != next || b.width <= 0)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("Feature block \"%1\" starts at %2 (expected %3) with width %4; blocks must tile the columns.")
                            .arg(b.name).arg(b.offset).arg(next).arg(b.width));
        next += b.width;
    }
    if (next != m.cols)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Feature blocks cover %1 of the %2 columns; every column needs a block.").arg(next).arg(m.cols));
    return {};
}

// ---- networks ---------------------------------------------------------------------------

class DenseAutoencoderImpl : public torch::nn::Module
{
public:
    DenseAutoencoderImpl(std::int64_t width, const AutoencoderOptions &o)
    {
        std::vector<int> encHidden(o.hidden.begin(), o.hidden.end() - 1);
        encoder = register_module("encoder", mlp(width, encHidden, o.hidden.back(), o.dropout));
        // ReLU on the code too, as the reference 122-64-32-16-32-64-122 network: on NSL-KDD it
        // ranks better than a linear code (AUROC 0.962 vs 0.958). A very narrow code (< 8 units)
        // can die for some seeds, hence the default of 16.
        encoder->push_back(torch::nn::ReLU(torch::nn::ReLUOptions().inplace(true)));
        std::vector<int> decHidden(o.hidden.rbegin() + 1, o.hidden.rend());
        decoder = register_module("decoder", mlp(o.hidden.back(), decHidden, width, 0.0));
    }
    torch::Tensor encode(const torch::Tensor &x) { return encoder->forward(x); }
    torch::Tensor forward(const torch::Tensor &x) { return decoder->forward(encoder->forward(x)); }

    torch::nn::Sequential encoder{nullptr};
    torch::nn::Sequential decoder{nullptr};
};
TORCH_MODULE(DenseAutoencoder);

/// AutoencoderOptions::members dense autoencoders of DenseAutoencoder's shape, evaluated as one
/// batched network: each layer's weights are [members, in, out] and one batched product serves
/// every member, so k members cost about one network's operator overhead (which dominates for
/// these small layers) rather than k. Members differ only by their initialisation.
class AutoencoderEnsembleImpl : public torch::nn::Module
{
public:
    AutoencoderEnsembleImpl(std::int64_t width, const AutoencoderOptions &o)
        : members(o.members), dropout(o.dropout)
    {
        std::vector<std::int64_t> enc{width};
        enc.insert(enc.end(), o.hidden.begin(), o.hidden.end());
        std::vector<std::int64_t> dec(enc.rbegin(), enc.rend());
        for (size_t i = 0; i + 1 < enc.size(); ++i)
            encoder.push_back(layer("encoder" + std::to_string(i), enc[i], enc[i + 1]));
        for (size_t i = 0; i + 1 < dec.size(); ++i)
            decoder.push_back(layer("decoder" + std::to_string(i), dec[i], dec[i + 1]));
    }

    /// Codes [members, N, code] of rows \a x [N, width]. As DenseAutoencoder: ReLU after every
    /// encoder layer including the code, dropout after the hidden ones.
    torch::Tensor encode(const torch::Tensor &x)
    {
        torch::Tensor h = x;
        for (size_t i = 0; i < encoder.size(); ++i) {
            h = apply(encoder[i], h).relu_();
            if (dropout > 0.0 && i + 1 < encoder.size())
                h = torch::dropout(h, dropout, is_training());
        }
        return h;
    }
    /// Reconstructions [members, N, width] (linear output).
    torch::Tensor decode(const torch::Tensor &code)
    {
        torch::Tensor h = code;
        for (size_t i = 0; i < decoder.size(); ++i) {
            h = apply(decoder[i], h);
            if (i + 1 < decoder.size())
                h = h.relu_();
        }
        return h;
    }
    torch::Tensor forward(const torch::Tensor &x) { return decode(encode(x)); }

    std::int64_t members;
    double dropout;

private:
    struct Layer {
        torch::Tensor weight; ///< [members, in, out]
        torch::Tensor bias;   ///< [members, 1, out]
    };
    Layer layer(const std::string &name, std::int64_t in, std::int64_t out)
    {
        // torch::nn::Linear's default initialisation, per member: U(-1/sqrt(in), 1/sqrt(in)).
        const double bound = 1.0 / std::sqrt(double(in));
        Layer l;
        l.weight = register_parameter(name + "_weight", torch::empty({members, in, out}).uniform_(-bound, bound));
        l.bias = register_parameter(name + "_bias", torch::empty({members, 1, out}).uniform_(-bound, bound));
        return l;
    }
    /// [N, in] (shared input) or [members, N, in] → [members, N, out].
    static torch::Tensor apply(const Layer &l, const torch::Tensor &h)
    {
        if (h.dim() == 2)
            return torch::matmul(h, l.weight).add_(l.bias);
        return torch::baddbmm(l.bias, h, l.weight);
    }
    std::vector<Layer> encoder, decoder;
};
TORCH_MODULE(AutoencoderEnsemble);

class CategoricalVaeImpl : public torch::nn::Module
{
public:
    CategoricalVaeImpl(std::int64_t width, const VaeOptions &o)
        : groups(o.groups), categories(o.categories)
    {
        encoder = register_module("encoder", mlp(width, o.hidden, std::int64_t(o.groups) * o.categories, 0.0));
        std::vector<int> decHidden(o.hidden.rbegin(), o.hidden.rend());
        decoder = register_module("decoder", mlp(std::int64_t(o.groups) * o.categories, decHidden, width, 0.0));
    }
    /// Logits [N, groups, categories].
    torch::Tensor encode(const torch::Tensor &x) { return encoder->forward(x).view({-1, groups, categories}); }
    /// (output, logits). Training samples the relaxed categorical with Gumbel noise;
    /// evaluation decodes the deterministic softmax so that scores are reproducible.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &x, double temperature)
    {
        auto logits = encode(x);
        torch::Tensor z;
        if (is_training()) {
            const auto u = torch::rand_like(logits).clamp(1e-10, 1.0 - 1e-7);
            z = torch::softmax((logits - (-u.log()).log()) / temperature, -1);
        } else {
            z = torch::softmax(logits, -1);
        }
        return {decoder->forward(z.flatten(1)), logits};
    }
    /// KL(q(z|x) || uniform) per row.
    torch::Tensor kl(const torch::Tensor &logits) const
    {
        const auto logq = torch::log_softmax(logits, -1);
        return (logq.exp() * (logq + std::log(double(categories)))).sum({1, 2});
    }

    std::int64_t groups, categories;
    torch::nn::Sequential encoder{nullptr};
    torch::nn::Sequential decoder{nullptr};
};
TORCH_MODULE(CategoricalVae);

QJsonObject aeOptionsJson(const AutoencoderOptions &o)
{
    return {{QStringLiteral("hidden"), intArray(o.hidden)},
            {QStringLiteral("dropout"), o.dropout},
            {QStringLiteral("numericWeight"), o.numericWeight},
            {QStringLiteral("maxSteps"), double(o.maxSteps)},
            {QStringLiteral("members"), o.members},
            {QStringLiteral("cosineDecay"), o.cosineDecay},
            {QStringLiteral("normalizeBlocks"), o.normalizeBlocks},
            {QStringLiteral("blockScaleFloor"), o.blockScaleFloor}};
}

AutoencoderOptions aeOptionsFromJson(const QJsonObject &j)
{
    AutoencoderOptions o;
    o.hidden = intVector(j.value(QStringLiteral("hidden")), o.hidden);
    o.dropout = j.value(QStringLiteral("dropout")).toDouble(o.dropout);
    o.numericWeight = j.value(QStringLiteral("numericWeight")).toDouble(o.numericWeight);
    o.maxSteps = std::int64_t(j.value(QStringLiteral("maxSteps")).toDouble(0.0));
    o.cosineDecay = j.value(QStringLiteral("cosineDecay")).toBool(false);
    // Bundles written before ensembles existed hold one DenseAutoencoder.
    o.members = j.value(QStringLiteral("members")).toInt(1);
    // Bundles written before block normalisation existed scored raw losses.
    o.normalizeBlocks = j.value(QStringLiteral("normalizeBlocks")).toBool(false);
    o.blockScaleFloor = j.value(QStringLiteral("blockScaleFloor")).toDouble(o.blockScaleFloor);
    return o;
}

QJsonObject vaeOptionsJson(const VaeOptions &o)
{
    return {{QStringLiteral("hidden"), intArray(o.hidden)},
            {QStringLiteral("groups"), o.groups},
            {QStringLiteral("categories"), o.categories},
            {QStringLiteral("temperature"), o.temperature},
            {QStringLiteral("minTemperature"), o.minTemperature},
            {QStringLiteral("klWeight"), o.klWeight}};
}

VaeOptions vaeOptionsFromJson(const QJsonObject &j)
{
    VaeOptions o;
    o.hidden = intVector(j.value(QStringLiteral("hidden")), o.hidden);
    o.groups = j.value(QStringLiteral("groups")).toInt(o.groups);
    o.categories = j.value(QStringLiteral("categories")).toInt(o.categories);
    o.temperature = j.value(QStringLiteral("temperature")).toDouble(o.temperature);
    o.minTemperature = j.value(QStringLiteral("minTemperature")).toDouble(o.minTemperature);
    o.klWeight = j.value(QStringLiteral("klWeight")).toDouble(o.klWeight);
    return o;
}

} // namespace

void setDeviceLossOnCpu(bool on) { deviceLossOnCpu.store(on, std::memory_order_relaxed); }

// ---- the model --------------------------------------------------------------------------

struct AnomalyModel::Impl {
    ModelKind kind = ModelKind::Autoencoder;
    AutoencoderOptions ae;
    VaeOptions vae;
    std::vector<FeatureBlock> blocks;
    int width = 0;
    BlockLayout layout;
    DenseAutoencoder aeNet{nullptr};          ///< ae.members == 1
    AutoencoderEnsemble aeEnsemble{nullptr};  ///< ae.members > 1
    CategoricalVae vaeNet{nullptr};
    std::optional<torch::jit::Module> script;
    bool scriptGivesScores = false;
    QByteArray scriptBytes;
    double temperature = 1.0;
    double threshold = std::numeric_limits<double>::infinity();
    double targetFpr = 0.01;
    /// Autoencoder with normalizeBlocks: per-block divisors [blocks] (undefined = raw losses).
    torch::Tensor blockScale;
    std::vector<CalibrationPoint> calibration;
    TrainingSummary summary;
    std::vector<std::int64_t> validationRows;
    QJsonObject schemaJson;

    double numericWeight() const { return kind == ModelKind::Autoencoder ? ae.numericWeight : 1.0; }

    std::shared_ptr<torch::nn::Module> module() const
    {
        if (kind == ModelKind::Vae)
            return vaeNet.is_empty() ? nullptr : vaeNet.ptr();
        if (kind == ModelKind::Autoencoder && ae.members > 1)
            return aeEnsemble.is_empty() ? nullptr : aeEnsemble.ptr();
        if (kind == ModelKind::Autoencoder)
            return aeNet.is_empty() ? nullptr : aeNet.ptr();
        return nullptr;
    }

    void build()
    {
        layout = BlockLayout::make(blocks, width);
        if (kind == ModelKind::Autoencoder && ae.members > 1) {
            aeEnsemble = AutoencoderEnsemble(std::int64_t(width), ae);
            aeEnsemble->to(currentDevice());
        } else if (kind == ModelKind::Autoencoder) {
            aeNet = DenseAutoencoder(std::int64_t(width), ae);
            aeNet->to(currentDevice());
        } else if (kind == ModelKind::Vae) {
            vaeNet = CategoricalVae(std::int64_t(width), vae);
            vaeNet->to(currentDevice());
        }
    }

    /// Per-row training objective (mean over the batch is the loss).
    torch::Tensor rowObjective(const torch::Tensor &x)
    {
        if (kind == ModelKind::Vae) {
            auto [out, logits] = vaeNet->forward(x, temperature);
            return layout.rowLoss(out, x, 1.0) + vae.klWeight * vaeNet->kl(logits);
        }
        if (ae.members > 1) // the members' mean: each member's gradient is its own loss's / members
            return layout.rowLoss(aeEnsemble->forward(x), x, ae.numericWeight).mean(0);
        return layout.rowLoss(aeNet->forward(x), x, ae.numericWeight);
    }

    /// Autoencoder: raw per-block losses [N, blocks] (the members' mean for an ensemble) and,
    /// when asked, the code (the first member's for an ensemble: codes of different members
    /// live in unrelated spaces, so they are not averaged).
    std::pair<torch::Tensor, torch::Tensor> aeBlockLoss(const torch::Tensor &x, bool wantLatent, const FirstLayer *first = nullptr)
    {
        if (ae.members > 1) {
            auto code = aeEnsemble->encode(x);
            auto parts = layout.blockLossAny(aeEnsemble->decode(code), x, ae.numericWeight).mean(0);
            return {parts, wantLatent ? code.select(0, 0) : torch::Tensor()};
        }
        torch::Tensor code;
        if (first) {
            code = layout.firstLayerCpu(x.contiguous(), first->weightT, first->bias);
            for (auto it = aeNet->encoder->begin() + 1; it != aeNet->encoder->end(); ++it)
                code = it->forward(code);
        } else {
            code = aeNet->encode(x);
        }
        auto parts = layout.blockLossAny(aeNet->decoder->forward(code), x, ae.numericWeight);
        return {parts, wantLatent ? code : torch::Tensor()};
    }

    /// The single autoencoder's first layer for BlockLayout::firstLayerCpu(), or nothing where
    /// the dense product serves: other models, an ensemble, a GPU, data without one-hot blocks,
    /// or the device's operators asked for on the CPU (setDeviceLossOnCpu, for tests).
    std::optional<FirstLayer> sparseFirstLayer() const
    {
        if (kind != ModelKind::Autoencoder || ae.members > 1 || layout.oneHot.empty() || currentDevice() != torch::kCPU
            || deviceLossOnCpu.load(std::memory_order_relaxed))
            return std::nullopt;
        const auto linear = aeNet->encoder->ptr<torch::nn::LinearImpl>(0);
        return FirstLayer{linear->weight.t().contiguous(), linear->bias};
    }

    /// Scores one batch: per-block contributions [N, B'] (B' = blocks, + "latent" for the VAE),
    /// and the latent code when asked; \a first: sparseFirstLayer() for CPU rows.
    std::pair<torch::Tensor, torch::Tensor> scoreBatch(const torch::Tensor &x, bool wantLatent, const FirstLayer *first = nullptr)
    {
        if (kind == ModelKind::Vae) {
            auto logits = vaeNet->encode(x);
            auto out = vaeNet->decoder->forward(torch::softmax(logits, -1).flatten(1));
            auto parts = layout.blockLossAny(out, x, 1.0);
            auto kl = (vae.klWeight * vaeNet->kl(logits)).unsqueeze(1);
            return {torch::cat({parts, kl}, 1), wantLatent ? torch::softmax(logits, -1).flatten(1) : torch::Tensor()};
        }
        if (kind == ModelKind::TorchScript) {
            auto out = script->forward({x}).toTensor();
            if (scriptGivesScores)
                return {out.reshape({x.size(0), 1}).to(torch::kFloat32), torch::Tensor()};
            return {layout.blockLossAny(layout.toModelOrder(out.to(torch::kFloat32)), x, 1.0), torch::Tensor()};
        }
        auto [parts, code] = aeBlockLoss(x, wantLatent, first);
        if (blockScale.defined())
            parts = parts / blockScale;
        return {parts, code};
    }

    /// Sets blockScale from the raw block losses of clean rows \a x (see normalizeBlocks).
    void fitBlockScale(const torch::Tensor &x)
    {
        torch::NoGradGuard noGrad;
        module()->eval();
        blockScale = torch::Tensor();
        auto sum = torch::zeros({std::int64_t(layout.contributionNames.size())}, torch::dtype(torch::kFloat64).device(x.device()));
        const std::int64_t n = x.size(0), bs = 16384;
        for (std::int64_t s = 0; s < n; s += bs) {
            const auto xb = x.narrow(0, s, std::min(bs, n - s));
            sum += aeBlockLoss(xb, false).first.to(torch::kFloat64).sum(0);
        }
        const auto mean = sum / double(n);
        const double floor = std::max(1e-12, ae.blockScaleFloor * mean.median().item<double>());
        blockScale = mean.clamp_min(floor).to(torch::kFloat32);
    }

    QStringList contributionNames() const
    {
        if (kind == ModelKind::TorchScript && scriptGivesScores)
            return {QStringLiteral("score")};
        QStringList names = layout.contributionNames;
        if (kind == ModelKind::Vae)
            names.append(QStringLiteral("latent (KL)"));
        return names;
    }

    int latentDim() const
    {
        if (kind == ModelKind::Autoencoder)
            return ae.hidden.back();
        if (kind == ModelKind::Vae)
            return vae.groups * vae.categories;
        return 0;
    }

    QJsonObject options() const
    {
        if (kind == ModelKind::Vae)
            return vaeOptionsJson(vae);
        if (kind == ModelKind::TorchScript)
            return {{QStringLiteral("output"), scriptGivesScores ? QStringLiteral("score") : QStringLiteral("reconstruction")}};
        return aeOptionsJson(ae);
    }
};

AnomalyModel::AnomalyModel(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
AnomalyModel::~AnomalyModel() = default;

ModelKind AnomalyModel::kind() const { return d->kind; }
double AnomalyModel::threshold() const { return d->threshold; }
void AnomalyModel::setThreshold(double threshold) { d->threshold = threshold; }
double AnomalyModel::targetFpr() const { return d->targetFpr; }
const std::vector<CalibrationPoint> &AnomalyModel::calibration() const { return d->calibration; }
const TrainingSummary &AnomalyModel::summary() const { return d->summary; }
const std::vector<std::int64_t> &AnomalyModel::validationRows() const { return d->validationRows; }
const std::vector<FeatureBlock> &AnomalyModel::blocks() const { return d->blocks; }
int AnomalyModel::width() const { return d->width; }
int AnomalyModel::latentDim() const { return d->latentDim(); }
QJsonObject AnomalyModel::options() const { return d->options(); }
QJsonObject AnomalyModel::schemaJson() const { return d->schemaJson; }

QStringList AnomalyModel::featureNames() const
{
    QStringList names;
    for (const auto &b : d->blocks)
        names += b.featureNames;
    return names;
}

Result<std::unique_ptr<AnomalyModel>> AnomalyModel::train(const FeatureMatrix &data, const TrainOptions &options,
                                                          ProgressFn progress, EpochFn onEpoch)
{
    if (options.kind != ModelKind::Autoencoder && options.kind != ModelKind::Vae)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("AnomalyModel::train trains autoencoder or vae models, not %1.").arg(modelKindName(options.kind)));
    if (auto ok = checkBlocks(data); !ok)
        return tl::unexpected(ok.error());
    if (options.kind == ModelKind::Autoencoder) {
        if (auto ok = checkHidden(options.autoencoder.hidden, "The autoencoder"); !ok)
            return tl::unexpected(ok.error());
        if (options.autoencoder.members < 1 || options.autoencoder.members > kMaxMembers)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("The autoencoder ensemble needs 1 to %1 members (got %2).")
                                                        .arg(kMaxMembers).arg(options.autoencoder.members));
    } else {
        if (auto ok = checkHidden(options.vae.hidden, "The VAE"); !ok)
            return tl::unexpected(ok.error());
        if (options.vae.groups <= 0 || options.vae.categories < 2 || !(options.vae.minTemperature > 0.0))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("The VAE needs groups > 0, categories >= 2 and a positive temperature."));
    }
    if (options.normalOnly && (!options.labels || options.labels->normalId < 0))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"Normal only\" training needs labels with a normal class; the data set has none. Train on all rows instead."));
    if (options.labels && std::int64_t(options.labels->ids.size()) != data.rows)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Labels have %1 rows but the matrix has %2.")
                                                    .arg(options.labels->ids.size()).arg(data.rows));

    return guarded<std::unique_ptr<AnomalyModel>>("AnomalyModel::train", [&]() -> Result<std::unique_ptr<AnomalyModel>> {
        std::vector<std::int64_t> candidates;
        candidates.reserve(size_t(data.rows));
        for (std::int64_t r = 0; r < data.rows; ++r)
            if (!options.normalOnly || options.labels->isAttack(r) == 0)
                candidates.push_back(r);
        auto split = splitRows(std::move(candidates), data.rows, options);
        if (!split)
            return tl::unexpected(split.error());

        auto impl = std::make_unique<Impl>();
        impl->kind = options.kind;
        impl->ae = options.autoencoder;
        impl->vae = options.vae;
        impl->blocks = data.blocks;
        impl->width = data.cols;
        impl->targetFpr = options.targetFpr;
        impl->temperature = options.vae.temperature;
        torch::manual_seed(options.seed);
        impl->build();

        // One contiguous copy of the rows we use (training rows first, then validation rows);
        // batches are index_select()s of it.
        std::vector<std::int64_t> used = split->train;
        used.insert(used.end(), split->validation.begin(), split->validation.end());
        const auto nTrain = std::int64_t(split->train.size());
        const auto x = rowsTensor(data, used);
        const auto valX = split->validation.empty() ? torch::Tensor() : x.narrow(0, nTrain, std::int64_t(split->validation.size()));
        Impl *m = impl.get();

        Loop loop;
        loop.trainRows = nTrain;
        if (options.kind == ModelKind::Autoencoder) {
            loop.maxSteps = options.autoencoder.maxSteps;
            loop.cosineDecay = options.autoencoder.cosineDecay;
        }
        loop.batchLoss = [&](const torch::Tensor &positions) { return m->rowObjective(x.index_select(0, positions)).mean(); };
        loop.validationLoss = [&]() {
            if (!valX.defined())
                return std::numeric_limits<double>::quiet_NaN();
            double sum = 0.0;
            const std::int64_t n = valX.size(0), bs = 16384;
            for (std::int64_t s = 0; s < n; s += bs)
                sum += m->rowObjective(valX.narrow(0, s, std::min(bs, n - s))).sum().item<double>();
            return sum / double(n);
        };
        if (options.kind == ModelKind::Vae) {
            const double t0 = options.vae.temperature, t1 = options.vae.minTemperature;
            const int epochs = options.epochs;
            loop.beforeEpoch = [m, t0, t1, epochs](int epoch) {
                // Exponential annealing from t0 to t1 over the epochs (Jang et al. 2017).
                const double f = epochs > 1 ? double(epoch) / double(epochs - 1) : 1.0;
                m->temperature = t0 * std::pow(t1 / t0, f);
            };
        }
        auto summary = runLoop(*impl->module(), loop, options, progress, onEpoch);
        if (!summary)
            return tl::unexpected(summary.error());
        impl->summary = *summary;
        impl->summary.validationRows = std::int64_t(split->validation.size());
        impl->summary.dataHash = dataHash(data, split->train);
        impl->validationRows = split->validation;
        if (options.kind == ModelKind::Autoencoder && options.autoencoder.normalizeBlocks && valX.defined())
            impl->fitBlockScale(valX);

        std::unique_ptr<AnomalyModel> model(new AnomalyModel(std::move(impl)));
        if (!model->d->validationRows.empty()) {
            auto thr = model->calibrate(data, model->d->validationRows, options.targetFpr);
            if (!thr)
                return tl::unexpected(thr.error());
        }
        return model;
    });
}

Result<double> AnomalyModel::calibrate(const FeatureMatrix &data, const std::vector<std::int64_t> &cleanRows, double targetFpr)
{
    if (cleanRows.empty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Calibration needs at least one clean row."));
    FeatureMatrix clean;
    clean.rows = std::int64_t(cleanRows.size());
    clean.cols = data.cols;
    clean.blocks = data.blocks;
    clean.values.resize(size_t(clean.rows) * size_t(data.cols));
    for (size_t i = 0; i < cleanRows.size(); ++i) {
        const auto r = cleanRows[i];
        if (r < 0 || r >= data.rows)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("Calibration row %1 is outside the data (%2 rows).").arg(r).arg(data.rows));
        std::copy_n(data.row(r), data.cols, clean.values.begin() + std::ptrdiff_t(i * size_t(data.cols)));
    }
    ScoreOptions so;
    so.topK = 0;
    so.contributions = false;
    so.latent = false;
    auto scored = score(clean, so);
    if (!scored)
        return tl::unexpected(scored.error());
    auto table = calibrationTable(scored->scores, targetFpr);
    if (!table)
        return tl::unexpected(table.error());
    d->calibration = std::move(*table);
    d->threshold = std::find_if(d->calibration.begin(), d->calibration.end(),
                                [targetFpr](const CalibrationPoint &c) { return c.targetFpr == targetFpr; })->threshold;
    d->targetFpr = targetFpr;
    return d->threshold;
}

Result<ScoreResult> AnomalyModel::score(const FeatureMatrix &data, const ScoreOptions &options, ProgressFn progress) const
{
    if (data.cols != d->width)
        return fail(ErrorCode::Mismatch,
                    QStringLiteral("The data has %1 features but the model was trained on %2. Encode it with the model's schema.")
                        .arg(data.cols).arg(d->width));
    if (std::int64_t(data.values.size()) != data.rows * std::int64_t(data.cols))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The feature matrix holds %1 values, not rows × cols.").arg(data.values.size()));
    if (!data.blocks.empty()) {
        if (auto ok = bundle::checkFeatures(QJsonObject{{QStringLiteral("featureNames"), QJsonArray::fromStringList(featureNames())}},
                                            data.featureNames());
            !ok)
            return tl::unexpected(ok.error());
    }
    return guarded<ScoreResult>("AnomalyModel::score", [&]() -> Result<ScoreResult> {
        // InferenceMode is thread-local: it must be created on the thread that scores.
        c10::InferenceMode inference;
        if (auto module = d->module())
            module->eval();
        ScoreResult r;
        r.blockNames = d->contributionNames();
        const auto blocksOut = std::int64_t(r.blockNames.size());
        const int k = int(std::min<std::int64_t>(std::max(0, options.topK), blocksOut));
        const bool wantLatent = options.latent && d->latentDim() > 0;
        r.topK = k;
        r.latentDim = wantLatent ? d->latentDim() : 0;
        r.recordIds = data.recordIds;
        r.scores.resize(size_t(data.rows));
        if (options.contributions)
            r.contributions.resize(size_t(data.rows) * size_t(blocksOut));
        r.topBlocks.resize(size_t(data.rows) * size_t(k));
        r.topValues.resize(size_t(data.rows) * size_t(k));
        if (wantLatent)
            r.latent.resize(size_t(data.rows) * size_t(r.latentDim));

        const auto device = currentDevice();
        const auto first = d->sparseFirstLayer();
        // One batch [s, s + n): model on the device, then sums, top-k and copies in plain loops
        // over the contributions on the CPU (one transfer; a handful of torch ops fewer).
        auto scoreRange = [&](std::int64_t s, std::int64_t n) {
            // A view of the caller's rows: no copy on CPU.
            auto x = torch::from_blob(const_cast<float *>(data.row(s)), {n, data.cols}, torch::kFloat32);
            if (device != torch::kCPU)
                x = x.to(device);
            auto [parts, latent] = d->scoreBatch(x, wantLatent, first ? &*first : nullptr);
            const auto c = parts.to(torch::kCPU, torch::kFloat32).contiguous();
            const float *cp = c.data_ptr<float>();
            if (options.contributions)
                std::copy_n(cp, n * blocksOut, r.contributions.begin() + std::ptrdiff_t(s * blocksOut));
            for (std::int64_t i = 0; i < n; ++i) {
                const float *row = cp + i * blocksOut;
                double sum = 0.0;
#pragma omp simd reduction(+ : sum)
                for (std::int64_t b = 0; b < blocksOut; ++b)
                    sum += row[b];
                r.scores[size_t(s + i)] = sum;
                if (k > 0)
                    largest(row, blocksOut, k, r.topBlocks.data() + (s + i) * k, r.topValues.data() + (s + i) * k);
            }
            if (wantLatent) {
                auto l = latent.to(torch::kCPU).contiguous();
                std::copy_n(l.data_ptr<float>(), n * r.latentDim, r.latent.begin() + std::ptrdiff_t(s * r.latentDim));
            }
        };
        // On the CPU the native networks score `lanes` batches at a time, one per intra-op
        // thread: their small products run on one BLAS thread each, so splitting one batch's
        // operators across threads leaves the other cores idle. Each worker runs its batch's
        // operators serially (ATen does not nest parallel regions) and writes a disjoint slice
        // of the result; progress and Cancel are handled between rounds, on the calling thread.
        // NSL-KDD, 2 threads (bench_ml_nslkdd): 1.22M rows/s one batch at a time, 2.8M so.
        const bool concurrent = device == torch::kCPU && d->kind != ModelKind::TorchScript;
        const std::int64_t lanes = concurrent ? std::max(1, at::get_num_threads()) : 1;
        const std::int64_t bs = std::max<std::int64_t>(1, lanes > 1 ? std::min<std::int64_t>(options.batchSize, kConcurrentBatch) : options.batchSize);
        const std::int64_t round = bs * lanes * (lanes > 1 ? kBatchesPerLane : 1);
        for (std::int64_t s = 0; s < data.rows; s += round) {
            const std::int64_t end = std::min(data.rows, s + round);
            if (lanes > 1) {
                // Each worker takes the round's next batch until none is left: a worker slowed
                // down (by another process, say) does fewer batches instead of holding the
                // others at the end of the round.
                const std::int64_t batches = (end - s + bs - 1) / bs;
                std::atomic<std::int64_t> next{0};
                at::parallel_for(0, lanes, 1, [&](std::int64_t, std::int64_t) {
                    c10::InferenceMode workerInference; // thread-local, as the caller's
                    for (std::int64_t b = next++; b < batches; b = next++) {
                        const std::int64_t from = s + b * bs;
                        scoreRange(from, std::min(bs, end - from));
                    }
                });
            } else {
                scoreRange(s, end - s);
            }
            if (!report(progress, end, data.rows, QStringLiteral("Scoring")))
                return fail(ErrorCode::Cancelled, QStringLiteral("Scoring was cancelled."));
        }
        return r;
    });
}

Result<QByteArray> AnomalyModel::toBundle(const QJsonObject &schemaJson) const
{
    return guarded<QByteArray>("AnomalyModel::toBundle", [&]() -> Result<QByteArray> {
        QJsonObject header = commonHeader(d->kind, d->options(), schemaJson.isEmpty() ? d->schemaJson : schemaJson, d->summary);
        header.insert(QStringLiteral("width"), d->width);
        header.insert(QStringLiteral("featureNames"), QJsonArray::fromStringList(featureNames()));
        header.insert(QStringLiteral("blocks"), bundle::blocksToJson(d->blocks));
        header.insert(QStringLiteral("threshold"), std::isfinite(d->threshold) ? QJsonValue(d->threshold) : QJsonValue());
        header.insert(QStringLiteral("targetFpr"), d->targetFpr);
        header.insert(QStringLiteral("calibration"), calibrationToJson(d->calibration));
        if (d->blockScale.defined()) {
            const auto scale = d->blockScale.to(torch::kCPU, torch::kFloat64).contiguous();
            QJsonArray a;
            for (std::int64_t i = 0; i < scale.numel(); ++i)
                a.append(scale.data_ptr<double>()[i]);
            header.insert(QStringLiteral("blockScale"), a);
        }
        header.insert(QStringLiteral("temperature"), d->temperature);
        QByteArray payload;
        if (d->kind == ModelKind::TorchScript)
            payload = d->scriptBytes;
        else
            payload = saveModule(d->module());
        return bundle::pack(header, payload);
    });
}

Result<std::unique_ptr<AnomalyModel>> AnomalyModel::fromBundle(const QByteArray &bytes, const QStringList &expectedFeatureNames)
{
    auto contents = bundle::unpack(bytes);
    if (!contents)
        return tl::unexpected(contents.error());
    const QJsonObject &h = contents->header;
    auto kind = parseModelKind(h.value(QStringLiteral("kind")).toString());
    if (!kind || (*kind != ModelKind::Autoencoder && *kind != ModelKind::Vae && *kind != ModelKind::TorchScript))
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("The bundle holds a \"%1\" model, not an anomaly model (autoencoder, vae or torchscript).")
                        .arg(h.value(QStringLiteral("kind")).toString()));
    if (auto ok = bundle::checkFeatures(h, expectedFeatureNames); !ok)
        return tl::unexpected(ok.error());
    auto blocks = bundle::blocksFromJson(h.value(QStringLiteral("blocks")).toArray());
    if (!blocks)
        return tl::unexpected(blocks.error());
    const int width = h.value(QStringLiteral("width")).toInt();
    if (blocks->empty() || blocks->back().offset + blocks->back().width != width)
        return fail(ErrorCode::Corrupt, QStringLiteral("Model bundle header: the feature blocks do not cover its width %1.").arg(width));
    return guarded<std::unique_ptr<AnomalyModel>>("AnomalyModel::fromBundle", [&]() -> Result<std::unique_ptr<AnomalyModel>> {
        auto impl = std::make_unique<Impl>();
        impl->kind = *kind;
        impl->blocks = *blocks;
        impl->width = width;
        const QJsonObject opts = h.value(QStringLiteral("options")).toObject();
        impl->ae = aeOptionsFromJson(opts);
        impl->vae = vaeOptionsFromJson(opts);
        impl->threshold = h.value(QStringLiteral("threshold")).toDouble(std::numeric_limits<double>::infinity());
        impl->targetFpr = h.value(QStringLiteral("targetFpr")).toDouble(0.01);
        impl->calibration = calibrationFromJson(h.value(QStringLiteral("calibration")));
        impl->temperature = h.value(QStringLiteral("temperature")).toDouble(1.0);
        impl->summary = TrainingSummary::fromJson(h.value(QStringLiteral("training")).toObject());
        impl->schemaJson = h.value(QStringLiteral("schema")).toObject();
        if (*kind == ModelKind::TorchScript) {
            impl->layout = BlockLayout::make(impl->blocks, width);
            std::istringstream in(std::string(contents->payload.constData(), size_t(contents->payload.size())));
            impl->script = torch::jit::load(in, currentDevice());
            impl->script->eval();
            impl->scriptBytes = contents->payload;
            impl->scriptGivesScores = opts.value(QStringLiteral("output")).toString() == QLatin1String("score");
        } else {
            if (auto ok = checkHidden(*kind == ModelKind::Vae ? impl->vae.hidden : impl->ae.hidden, "The bundled model"); !ok)
                return tl::unexpected(ok.error());
            if (impl->ae.members < 1 || impl->ae.members > kMaxMembers)
                return fail(ErrorCode::Corrupt, QStringLiteral("Model bundle header: %1 autoencoder members (1 to %2 are valid).")
                                                    .arg(impl->ae.members).arg(kMaxMembers));
            impl->build();
            try {
                loadModule(impl->module(), contents->payload);
            } catch (const c10::Error &e) {
                return fail(ErrorCode::Corrupt, QStringLiteral("The model bundle's weights do not fit its header: %1")
                                                    .arg(QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
            }
            impl->module()->eval();
            const QJsonArray scale = h.value(QStringLiteral("blockScale")).toArray();
            if (!scale.isEmpty()) {
                if (scale.size() != impl->layout.contributionNames.size())
                    return fail(ErrorCode::Corrupt, QStringLiteral("Model bundle header: %1 block scales for %2 blocks.")
                                                        .arg(scale.size()).arg(impl->layout.contributionNames.size()));
                std::vector<float> v;
                for (const auto &x : scale)
                    v.push_back(float(x.toDouble()));
                impl->blockScale = torch::tensor(v).to(currentDevice());
            }
        }
        return std::unique_ptr<AnomalyModel>(new AnomalyModel(std::move(impl)));
    });
}

Result<std::unique_ptr<AnomalyModel>> AnomalyModel::fromTorchScript(const QString &path, const FeatureMatrix &layoutMatrix)
{
    if (auto ok = checkBlocks(layoutMatrix); !ok)
        return tl::unexpected(ok.error());
    auto bytes = bundle::readFile(path);
    if (!bytes)
        return tl::unexpected(bytes.error());
    return guarded<std::unique_ptr<AnomalyModel>>("AnomalyModel::fromTorchScript", [&]() -> Result<std::unique_ptr<AnomalyModel>> {
        auto impl = std::make_unique<Impl>();
        impl->kind = ModelKind::TorchScript;
        impl->blocks = layoutMatrix.blocks;
        impl->width = layoutMatrix.cols;
        impl->layout = BlockLayout::make(impl->blocks, impl->width);
        try {
            std::istringstream in(std::string(bytes->constData(), size_t(bytes->size())));
            impl->script = torch::jit::load(in, currentDevice());
        } catch (const c10::Error &e) {
            return fail(ErrorCode::Unsupported, QStringLiteral("%1 is not a TorchScript model file (torch::jit::load: %2).")
                                                    .arg(path, QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
        }
        impl->script->eval();
        impl->scriptBytes = *bytes;
        // Probe with a zero batch: the cheapest way to learn whether the module accepts our width.
        c10::InferenceMode inference;
        torch::Tensor out;
        const auto w = std::int64_t(impl->width);
        try {
            out = impl->script->forward({torch::zeros({2, w}, torch::TensorOptions().device(currentDevice()))}).toTensor();
        } catch (const std::exception &e) {
            // The interpreter throws JITException (a std::runtime_error) with a TorchScript
            // traceback; its last line holds the shape complaint.
            const QString what = QString::fromUtf8(e.what()).trimmed();
            return fail(ErrorCode::Mismatch,
                        QStringLiteral("The TorchScript model %1 does not accept [N, %2] input (the schema's width): %3. "
                                       "Export it for %2 features or encode the data with the schema it was built for.")
                            .arg(path).arg(w).arg(what.section(QLatin1Char('\n'), -1).trimmed()));
        }
        if (out.dim() == 1 && out.size(0) == 2)
            impl->scriptGivesScores = true;
        else if (out.dim() == 2 && out.size(0) == 2 && out.size(1) == 1)
            impl->scriptGivesScores = true;
        else if (out.dim() == 2 && out.size(0) == 2 && out.size(1) == w)
            impl->scriptGivesScores = false;
        else
            return fail(ErrorCode::Mismatch,
                        QStringLiteral("The TorchScript model %1 maps [N, %2] to %3; Vigil needs a score per row ([N] or [N, 1]) "
                                       "or a reconstruction ([N, %2]).")
                            .arg(path).arg(w).arg(QString::fromStdString(c10::str(out.sizes()))));
        return std::unique_ptr<AnomalyModel>(new AnomalyModel(std::move(impl)));
    });
}

// ---- clustering and projection ----------------------------------------------------------

namespace {

/// k-means++ seeding and Lloyd iterations on a [n, d] tensor.
std::pair<torch::Tensor, torch::Tensor> lloyd(const torch::Tensor &x, int k, std::uint64_t seed, int iterations = 100)
{
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto n = x.size(0);
    std::vector<std::int64_t> chosen;
    chosen.push_back(torch::randint(n, {1}, gen, torch::kLong).item<std::int64_t>());
    auto d2 = (x - x[chosen[0]]).square().sum(1);
    for (int c = 1; c < k; ++c) {
        const auto total = d2.sum().item<double>();
        std::int64_t next;
        if (total <= 0.0)
            next = torch::randint(n, {1}, gen, torch::kLong).item<std::int64_t>();
        else
            next = torch::multinomial(d2.to(torch::kCPU, torch::kFloat64), 1, false, gen).item<std::int64_t>();
        chosen.push_back(next);
        d2 = torch::minimum(d2, (x - x[next]).square().sum(1));
    }
    auto centroids = x.index_select(0, indexTensor(chosen)).clone();
    torch::Tensor assign;
    for (int it = 0; it < iterations; ++it) {
        auto a = torch::cdist(x, centroids).argmin(1);
        if (assign.defined() && a.equal(assign))
            break;
        assign = a;
        auto sums = torch::zeros_like(centroids).index_add_(0, assign, x);
        auto counts = torch::zeros({k}, x.options()).index_add_(0, assign, torch::ones({n}, x.options()));
        auto empty = counts == 0;
        centroids = torch::where(empty.unsqueeze(1), centroids, sums / counts.clamp_min(1).unsqueeze(1));
    }
    return {centroids, assign};
}

double silhouette(const torch::Tensor &x, const torch::Tensor &assign, int k)
{
    const auto dist = torch::cdist(x, x);
    const auto n = x.size(0);
    auto onehot = torch::one_hot(assign, k).to(x.dtype());     // [n, k]
    auto counts = onehot.sum(0);                                 // [k]
    auto sums = dist.mm(onehot);                                 // [n, k] total distance to each cluster
    auto own = counts.index_select(0, assign);                   // size of own cluster
    auto a = sums.gather(1, assign.unsqueeze(1)).squeeze(1) / (own - 1).clamp_min(1);
    auto meanOther = sums / counts.clamp_min(1);
    meanOther = meanOther.masked_fill(onehot.to(torch::kBool), std::numeric_limits<float>::infinity());
    meanOther = meanOther.masked_fill((counts == 0).unsqueeze(0).expand({n, k}), std::numeric_limits<float>::infinity());
    auto b = std::get<0>(meanOther.min(1));
    auto s = (b - a) / torch::maximum(a, b).clamp_min(1e-12);
    s = torch::where(own <= 1, torch::zeros_like(s), s); // sklearn: 0 for singletons
    return s.mean().item<double>();
}

} // namespace

Result<ClusterResult> kmeans(const std::vector<float> &points, std::int64_t rows, int dim, int k, std::uint64_t seed, int maxK,
                             std::int64_t sampleRows)
{
    if (rows <= 0 || dim <= 0 || std::int64_t(points.size()) != rows * dim)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("k-means needs rows × dim points (got %1 values for %2 × %3).")
                                                    .arg(points.size()).arg(rows).arg(dim));
    if (k > rows || (k <= 0 && rows < 3))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("k-means: %1 clusters cannot be made from %2 rows.").arg(k).arg(rows));
    return guarded<ClusterResult>("kmeans", [&]() -> Result<ClusterResult> {
        c10::InferenceMode inference;
        auto x = torch::from_blob(const_cast<float *>(points.data()), {rows, dim}, torch::kFloat32).to(currentDevice());
        ClusterResult r;
        if (k <= 0) {
            // Suggest k by the silhouette on a seeded sample (the full O(n²) distance matrix is
            // out of the question for a large data set).
            auto gen = at::make_generator<at::CPUGeneratorImpl>(seed + 11);
            auto sampleIdx = torch::randperm(rows, gen, torch::kLong).narrow(0, 0, std::min(rows, sampleRows)).to(currentDevice());
            auto sample = x.index_select(0, sampleIdx);
            const int upper = int(std::min<std::int64_t>(std::max(2, maxK), sample.size(0) - 1));
            double best = -2.0;
            k = 2;
            for (int c = 2; c <= upper; ++c) {
                auto [centroids, assign] = lloyd(sample, c, seed);
                const double s = silhouette(sample, assign, c);
                r.candidateSilhouettes.push_back(s);
                if (s > best + 1e-9) {
                    best = s;
                    k = c;
                }
            }
        }
        auto [centroids, assign] = lloyd(x, k, seed);
        r.k = k;
        auto a = assign.to(torch::kCPU, torch::kInt32).contiguous();
        r.assignment.assign(a.data_ptr<std::int32_t>(), a.data_ptr<std::int32_t>() + rows);
        auto c = centroids.to(torch::kCPU).contiguous();
        r.centroids.assign(c.data_ptr<float>(), c.data_ptr<float>() + std::int64_t(k) * dim);
        r.inertia = (x - centroids.index_select(0, assign)).square().sum().item<double>();
        return r;
    });
}

Result<Projection> pca2d(const std::vector<float> &points, std::int64_t rows, int dim)
{
    if (rows <= 0 || dim <= 0 || std::int64_t(points.size()) != rows * dim)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("PCA needs rows × dim points (got %1 values for %2 × %3).")
                                                    .arg(points.size()).arg(rows).arg(dim));
    return guarded<Projection>("pca2d", [&]() -> Result<Projection> {
        c10::InferenceMode inference;
        auto x = torch::from_blob(const_cast<float *>(points.data()), {rows, dim}, torch::kFloat32).to(currentDevice(), torch::kFloat64);
        auto mean = x.mean(0, true);
        auto centered = x - mean;
        auto cov = centered.t().mm(centered) / double(std::max<std::int64_t>(1, rows - 1));
        auto [evals, evecs] = torch::linalg_eigh(cov); // ascending
        const std::int64_t comps = std::min<std::int64_t>(2, dim);
        auto top = evecs.flip({1}).narrow(1, 0, comps);
        // Deterministic signs: the largest-magnitude loading of each axis is positive.
        auto idx = top.abs().argmax(0);
        auto signs = top.gather(0, idx.unsqueeze(0)).sign();
        signs = torch::where(signs == 0, torch::ones_like(signs), signs);
        top = top * signs;
        auto proj = centered.mm(top);
        if (comps < 2)
            proj = torch::cat({proj, torch::zeros({rows, 2 - comps}, proj.options())}, 1);
        auto p = proj.to(torch::kCPU, torch::kFloat32).contiguous();
        Projection r;
        auto m = mean.to(torch::kCPU).contiguous();
        r.mean.assign(m.data_ptr<double>(), m.data_ptr<double>() + dim);
        auto axes = comps < 2 ? torch::cat({top, torch::zeros({dim, 2 - comps}, top.options())}, 1) : top;
        axes = axes.to(torch::kCPU).contiguous();
        r.axes.assign(axes.data_ptr<double>(), axes.data_ptr<double>() + std::int64_t(dim) * 2);
        r.xy.assign(p.data_ptr<float>(), p.data_ptr<float>() + rows * 2);
        const double total = evals.sum().item<double>();
        auto ev = evals.flip({0}).to(torch::kCPU);
        for (std::int64_t i = 0; i < comps; ++i)
            r.explainedVariance[i] = total > 0 ? ev[i].item<double>() / total : 0.0;
        return r;
    });
}

} // namespace vigil::ml
