#include "ml/scoring/scorerun.h"

#include "core/metrics/metrics.h"

#include <QJsonArray>

#include <cmath>

namespace vigil::ml {

namespace {

/// Scores \a data (top features as asked, latent codes when \a latent) and fills what every row
/// of a run has whatever the map: id, score, severity, top features, no cluster or x/y yet; and
/// the alert count.
Result<ScoredRun> scoreRows(const AnomalyModel &model, const FeatureMatrix &data, int topK, bool latent, const ProgressFn &progress)
{
    ScoreOptions so;
    so.topK = topK;
    so.contributions = false;
    so.latent = latent;
    auto scored = model.score(data, so, progress);
    if (!scored)
        return tl::unexpected(scored.error());
    ScoredRun run;
    run.result = std::move(*scored);
    const ScoreResult &r = run.result;
    const auto n = r.rows();
    const double thr = model.threshold();
    run.rows.resize(size_t(n));
    for (std::int64_t i = 0; i < n; ++i) {
        auto &row = run.rows[size_t(i)];
        row.recordId = i < std::int64_t(data.recordIds.size()) ? data.recordIds[size_t(i)] : i + 1;
        row.score = r.scores[size_t(i)];
        row.severity = metrics::severity(row.score, thr);
        row.cluster = -1;
        row.x = row.y = std::nan("");
        if (r.topK > 0)
            row.topFeatures = r.topFeaturesJson(i);
        run.alerts += row.score > thr ? 1 : 0;
    }
    return run;
}

} // namespace

Result<ScoredRun> scoreRun(const AnomalyModel &model, const FeatureMatrix &data, const RunOptions &options, ProgressFn progress)
{
    auto scored = scoreRows(model, data, options.topK, options.clusters >= 0 || options.projection, progress);
    if (!scored)
        return tl::unexpected(scored.error());
    ScoredRun &run = *scored;
    const ScoreResult &r = run.result;
    const auto n = r.rows();
    const double thr = model.threshold();

    std::vector<std::int32_t> cluster;
    std::vector<float> xy;
    QJsonObject summary;
    if (r.latentDim > 0 && n > 0) {
        if (options.clusters >= 0 && n >= 3) {
            auto c = kmeans(r.latent, n, r.latentDim, options.clusters, options.seed, options.maxClusters);
            if (!c)
                return tl::unexpected(c.error());
            cluster = std::move(c->assignment);
            run.clusters = c->k;
            QJsonArray sil;
            for (double s : c->candidateSilhouettes)
                sil.append(s);
            summary.insert(QStringLiteral("clusters"), c->k);
            summary.insert(QStringLiteral("silhouettes"), sil);
        }
        if (options.projection) {
            auto p = pca2d(r.latent, n, r.latentDim);
            if (!p)
                return tl::unexpected(p.error());
            xy = std::move(p->xy);
            summary.insert(QStringLiteral("explainedVariance"), QJsonArray{p->explainedVariance[0], p->explainedVariance[1]});
        }
    }
    for (std::int64_t i = 0; i < n; ++i) {
        auto &row = run.rows[size_t(i)];
        if (!cluster.empty())
            row.cluster = cluster[size_t(i)];
        if (!xy.empty()) {
            row.x = double(xy[size_t(2 * i)]);
            row.y = double(xy[size_t(2 * i + 1)]);
        }
    }
    summary.insert(QStringLiteral("threshold"), std::isfinite(thr) ? QJsonValue(thr) : QJsonValue());
    summary.insert(QStringLiteral("targetFpr"), model.targetFpr());
    summary.insert(QStringLiteral("rows"), double(n));
    summary.insert(QStringLiteral("alerts"), double(run.alerts));
    run.summary = summary;
    return std::move(*scored);
}

int LatentMap::cluster(const float *z) const
{
    int best = -1;
    double bestD = 0.0;
    for (int c = 0; c < k; ++c) {
        const float *m = centroids.data() + std::ptrdiff_t(c) * dim;
        double d = 0.0;
        for (int j = 0; j < dim; ++j) {
            const double t = double(z[j]) - double(m[j]);
            d += t * t;
        }
        if (best < 0 || d < bestD) { // ties keep the lower index, like argmin
            best = c;
            bestD = d;
        }
    }
    return best;
}

void LatentMap::project(const float *z, double &x, double &y) const
{
    if (!projection) {
        x = y = std::nan("");
        return;
    }
    double px = 0.0, py = 0.0;
    for (int j = 0; j < dim; ++j) {
        const double c = double(z[j]) - mean[size_t(j)];
        px += c * axes[size_t(2 * j)];
        py += c * axes[size_t(2 * j + 1)];
    }
    // pca2d() stores float coordinates: the same precision whether a row was in the fit or not.
    x = double(float(px));
    y = double(float(py));
}

Result<LatentMap> fitLatentMap(const std::vector<float> &latent, std::int64_t rows, int dim, const RunOptions &options)
{
    LatentMap map;
    map.dim = dim;
    map.sampleRows = rows;
    if (dim <= 0 || rows <= 0)
        return map;
    if (options.clusters >= 0 && rows >= 3) {
        auto c = kmeans(latent, rows, dim, options.clusters, options.seed, options.maxClusters);
        if (!c)
            return tl::unexpected(c.error());
        map.k = c->k;
        map.centroids = std::move(c->centroids);
        map.silhouettes = std::move(c->candidateSilhouettes);
    }
    if (options.projection) {
        auto p = pca2d(latent, rows, dim);
        if (!p)
            return tl::unexpected(p.error());
        if (p->mean.size() != size_t(dim) || p->axes.size() != size_t(dim) * 2)
            return fail(ErrorCode::Internal, QStringLiteral("pca2d returned no axes for %1-dimensional codes.").arg(dim));
        map.projection = true;
        map.mean = std::move(p->mean);
        map.axes = std::move(p->axes);
        map.explainedVariance[0] = p->explainedVariance[0];
        map.explainedVariance[1] = p->explainedVariance[1];
    }
    return map;
}

Result<ScoredRun> scoreChunk(const AnomalyModel &model, const FeatureMatrix &data, const RunOptions &options,
                             const LatentMap *map, ProgressFn progress)
{
    const bool wantLatent = map && (map->k > 0 || map->projection);
    auto scored = scoreRows(model, data, options.topK, wantLatent, progress);
    if (!scored)
        return tl::unexpected(scored.error());
    ScoredRun &run = *scored;
    const ScoreResult &r = run.result;
    const auto n = r.rows();
    if (wantLatent && r.latentDim == map->dim && std::int64_t(r.latent.size()) == n * r.latentDim) {
        for (std::int64_t i = 0; i < n; ++i) {
            auto &row = run.rows[size_t(i)];
            const float *z = r.latent.data() + std::ptrdiff_t(i) * r.latentDim;
            row.cluster = map->k > 0 ? map->cluster(z) : -1;
            map->project(z, row.x, row.y);
        }
    }
    run.clusters = map ? map->k : 0;
    // The chunk's latent codes were only needed for the rows above.
    run.result.latent = {};
    run.result.topBlocks = {};
    run.result.topValues = {};
    return std::move(*scored);
}

namespace {

/// \a labels as metrics' 1 (attack) / 0 (normal) / -1 (unknown), one per score; both need a
/// normal class.
Result<std::vector<int>> attackLabels(const std::vector<double> &scores, const LabelVector &labels)
{
    if (labels.ids.size() != scores.size())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 labels for %2 scores.").arg(labels.ids.size()).arg(scores.size()));
    if (labels.normalId < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The labels have no normal class, so attack/normal figures cannot be computed."));
    std::vector<int> y(scores.size());
    for (size_t i = 0; i < scores.size(); ++i)
        y[i] = labels.isAttack(std::int64_t(i));
    return y;
}

/// The points of a curve kept by metrics::thinCurve(), as {xName: [...], yName: [...]} and,
/// with \a thresholds, "threshold": [...] (null where not finite: the ROC's first, +inf).
QJsonObject thinnedCurve(const std::vector<double> &x, const std::vector<double> &y, const std::vector<double> *thresholds, double step,
                         double relStep, const QString &xName, const QString &yName)
{
    QJsonArray xs, ys, ts;
    for (const size_t i : metrics::thinCurve(x, y, step, relStep)) {
        xs.append(x[i]);
        ys.append(y[i]);
        if (thresholds)
            ts.append(std::isfinite((*thresholds)[i]) ? QJsonValue((*thresholds)[i]) : QJsonValue());
    }
    QJsonObject o{{xName, xs}, {yName, ys}};
    if (thresholds)
        o.insert(QStringLiteral("threshold"), ts);
    return o;
}

} // namespace

Result<QJsonObject> evaluationCurves(const std::vector<double> &scores, const LabelVector &labels)
{
    auto attacks = attackLabels(scores, labels);
    if (!attacks)
        return tl::unexpected(attacks.error());
    const std::vector<int> &y = *attacks;
    auto roc = metrics::rocCurve(scores, y);
    if (!roc)
        return tl::unexpected(roc.error());
    auto pr = metrics::prCurve(scores, y);
    if (!pr)
        return tl::unexpected(pr.error());
    const QJsonObject rocCurve = thinnedCurve(roc->fpr, roc->tpr, &roc->thresholds, 0.002, 0.02, QStringLiteral("fpr"), QStringLiteral("tpr"));
    const QJsonObject prCurve =
        thinnedCurve(pr->recall, pr->precision, &pr->thresholds, 0.002, 0.0, QStringLiteral("recall"), QStringLiteral("precision"));
    return QJsonObject{{QStringLiteral("roc"), rocCurve}, {QStringLiteral("pr"), prCurve}};
}

Result<QJsonObject> evaluateScores(const std::vector<double> &scores, const LabelVector &labels, double threshold,
                                   const std::vector<CalibrationPoint> &calibration)
{
    auto attacks = attackLabels(scores, labels);
    if (!attacks)
        return tl::unexpected(attacks.error());
    const std::vector<int> &y = *attacks;
    auto auroc = metrics::auroc(scores, y);
    if (!auroc)
        return tl::unexpected(auroc.error());
    auto ap = metrics::averagePrecision(scores, y);
    auto roc = metrics::rocCurve(scores, y);
    auto rates = metrics::ratesAtThreshold(scores, y, threshold);
    if (!ap || !roc || !rates)
        return fail(ErrorCode::Internal, QStringLiteral("Evaluation failed after AUROC succeeded."));
    QJsonObject out{{QStringLiteral("auroc"), *auroc},
                    {QStringLiteral("ap"), *ap},
                    {QStringLiteral("threshold"), threshold},
                    {QStringLiteral("atThreshold"), rates->toJson()},
                    {QStringLiteral("oracleTprAt1pctFpr"), metrics::tprAtFpr(*roc, 0.01)},
                    {QStringLiteral("oracleTprAt5pctFpr"), metrics::tprAtFpr(*roc, 0.05)},
                    // A coarser ROC kept with the run, for its report's chart (a few hundred points).
                    {QStringLiteral("roc"), thinnedCurve(roc->fpr, roc->tpr, nullptr, 0.005, 0.05, QStringLiteral("fpr"), QStringLiteral("tpr"))}};
    QJsonArray calibrated;
    for (const auto &c : calibration) {
        auto at = metrics::ratesAtThreshold(scores, y, c.threshold);
        if (!at)
            continue;
        QJsonObject o = at->toJson();
        o.insert(QStringLiteral("targetFpr"), c.targetFpr);
        o.insert(QStringLiteral("threshold"), c.threshold);
        calibrated.append(o);
    }
    if (!calibrated.isEmpty())
        out.insert(QStringLiteral("calibrated"), calibrated);
    // Confusion of normal/attack at the threshold.
    std::vector<int> predicted(scores.size());
    for (size_t i = 0; i < scores.size(); ++i)
        predicted[i] = scores[i] > threshold ? 1 : 0;
    out.insert(QStringLiteral("confusion"),
               metrics::confusionMatrix(y, predicted, {QStringLiteral("normal"), QStringLiteral("attack")}).toJson());
    // Detection rate per label and per NSL-KDD family (labels outside the mapping → "unknown").
    std::vector<bool> flagged(scores.size());
    for (size_t i = 0; i < scores.size(); ++i)
        flagged[i] = predicted[i] == 1;
    std::vector<int> ids(labels.ids.begin(), labels.ids.end());
    QJsonArray perClass;
    const QString normalName = labels.names.value(labels.normalId);
    for (const auto &g : metrics::flaggedRates(ids, labels.names, flagged))
        if (g.total > 0) {
            QJsonObject c{{QStringLiteral("class"), g.name}, {QStringLiteral("rows"), double(g.total)},
                          {QStringLiteral("flagged"), double(g.flagged)}, {QStringLiteral("rate"), g.rate}};
            if (g.name == normalName)
                c.insert(QStringLiteral("normal"), true); // its flagged rows are the false alarms
            perClass.append(c);
        }
    out.insert(QStringLiteral("perClass"), perClass);
    QStringList families;
    std::vector<int> familyOfName;
    for (const QString &name : labels.names) {
        const QString f = metrics::nslKddFamily(name);
        if (!families.contains(f))
            families.append(f);
        familyOfName.push_back(int(families.indexOf(f)));
    }
    std::vector<int> famIds(ids.size());
    for (size_t i = 0; i < ids.size(); ++i)
        famIds[i] = ids[i] >= 0 && size_t(ids[i]) < familyOfName.size() ? familyOfName[size_t(ids[i])] : -1;
    QJsonArray perFamily;
    for (const auto &g : metrics::flaggedRates(famIds, families, flagged))
        if (g.total > 0)
            perFamily.append(QJsonObject{{QStringLiteral("family"), g.name}, {QStringLiteral("rows"), double(g.total)},
                                         {QStringLiteral("flagged"), double(g.flagged)}, {QStringLiteral("rate"), g.rate}});
    out.insert(QStringLiteral("perFamily"), perFamily);
    return out;
}

} // namespace vigil::ml
