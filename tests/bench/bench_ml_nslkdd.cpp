// NSL-KDD benchmark of Vigil's default autoencoder, side by side with the reference
// (../shared/bench/nslkdd_ref.py, PyTorch 1.13 + scikit-learn), same data split, same thread
// count, same BLAS. A program that prints figures, not a test.
//
// Input (default, --pipeline vigil): Vigil's own pipeline on ../shared/data/nsl-kdd — readTable
// "nslkdd" → inferSchema (profile nslkdd, fitted on KDDTrain+) → encodeTable → extractLabels.
// The validation/calibration rows are the reference's 10 % normal holdout, read from its dump
// (normal_holdout_idx), so both calibrate on the same rows: run
//   /usr/bin/python3 ../shared/bench/nslkdd_ref.py --dump /tmp/nsl_dump --threads 2
// once (or pass --run-ref, which does it in the same session). --pipeline dump uses the
// reference's encoded matrices instead (X_train.npy / X_test.npy).
//
// Usage: bench_ml_nslkdd [--pipeline vigil|dump] [--dump DIR] [--threads 2] [--ref-json FILE | --run-ref]
//                        [--epochs 20] [--hidden 64,32,16] [--numeric-weight W] [--lr 1e-3]
//                        [--batch 256] [--patience 5] [--seed 0] [--json OUT]
//                        [--members K] [--cosine on|off] [--dropout P] [--max-steps N] [--normalize-blocks]
//                        [--concurrent]   (also: two scorings at once, scoring while training)
//
// --validate [--val-share 0.3] [--split-seed 99] [--repeats 3] is how the autoencoder's defaults are
// chosen without looking at KDDTest+: a seeded share of KDDTrain+ (every class) is set aside, the
// model trains on the normal rows of the rest as `vigil-cli train --normal-only` does (its own
// seeded 10 % of them calibrate the threshold), and the set-aside rows with their labelled
// attacks give AUROC, TPR/FPR at the calibrated 1 %/5 % thresholds and TPR per attack family.

#include "core/io/reader.h"
#include "core/metrics/metrics.h"
#include "core/schema/schema.h"
#include "ml/anomalymodel.h"
#include "ml/runtime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>

using namespace vigil;
using vigil::FeatureSchema;

namespace {

/// A C-order .npy array of float32 / int64 / float64.
struct Npy {
    QString dtype;
    std::vector<std::int64_t> shape;
    QByteArray data;
};

Result<Npy> readNpy(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, QStringLiteral("cannot open %1").arg(path));
    const QByteArray all = f.readAll();
    if (!all.startsWith("\x93NUMPY") || all.size() < 12)
        return fail(ErrorCode::Parse, QStringLiteral("%1 is not a .npy file").arg(path));
    const int major = quint8(all[6]);
    qsizetype headerLen, at;
    if (major == 1) {
        headerLen = quint8(all[8]) | (quint8(all[9]) << 8);
        at = 10;
    } else {
        headerLen = qsizetype(quint8(all[8]) | (quint8(all[9]) << 8) | (quint8(all[10]) << 16) | (quint32(quint8(all[11])) << 24));
        at = 12;
    }
    const QString header = QString::fromLatin1(all.mid(at, headerLen));
    if (header.contains(QLatin1String("'fortran_order': True")))
        return fail(ErrorCode::Unsupported, QStringLiteral("%1: Fortran order").arg(path));
    Npy n;
    n.dtype = QRegularExpression(QStringLiteral("'descr': '([^']+)'")).match(header).captured(1);
    const QString shape = QRegularExpression(QStringLiteral("'shape': \\(([^)]*)\\)")).match(header).captured(1);
    for (const QString &s : shape.split(QLatin1Char(','), Qt::SkipEmptyParts))
        n.shape.push_back(s.trimmed().toLongLong());
    n.data = all.mid(at + headerLen);
    return n;
}

template<typename T>
std::vector<T> npyAs(const Npy &n)
{
    std::vector<T> out;
    std::int64_t count = 1;
    for (auto s : n.shape)
        count *= s;
    out.resize(size_t(count));
    if (n.dtype == QLatin1String("<i8")) {
        const auto *p = reinterpret_cast<const std::int64_t *>(n.data.constData());
        for (std::int64_t i = 0; i < count; ++i)
            out[size_t(i)] = T(p[i]);
    } else if (n.dtype == QLatin1String("<f4")) {
        const auto *p = reinterpret_cast<const float *>(n.data.constData());
        for (std::int64_t i = 0; i < count; ++i)
            out[size_t(i)] = T(p[i]);
    } else if (n.dtype == QLatin1String("<f8")) {
        const auto *p = reinterpret_cast<const double *>(n.data.constData());
        for (std::int64_t i = 0; i < count; ++i)
            out[size_t(i)] = T(p[i]);
    }
    return out;
}

/// The reference encoder's layout: one-hot protocol_type, service, flag; then 38 numerics.
std::vector<FeatureBlock> blocksFromEncoder(const QJsonObject &enc)
{
    std::vector<FeatureBlock> blocks;
    int offset = 0;
    const QJsonObject cats = enc.value(QStringLiteral("categories")).toObject();
    for (const char *c : {"protocol_type", "service", "flag"}) {
        FeatureBlock b;
        b.name = QLatin1String(c);
        b.kind = FeatureBlock::Kind::OneHot;
        b.offset = offset;
        for (const auto &v : cats.value(QLatin1String(c)).toArray())
            b.featureNames.append(b.name + QLatin1Char('=') + v.toString());
        b.width = int(b.featureNames.size());
        offset += b.width;
        blocks.push_back(b);
    }
    for (const auto &v : enc.value(QStringLiteral("numeric_cols")).toArray()) {
        FeatureBlock b;
        b.name = v.toString();
        b.kind = FeatureBlock::Kind::Numeric;
        b.offset = offset++;
        b.width = 1;
        b.featureNames = {b.name};
        blocks.push_back(b);
    }
    return blocks;
}

FeatureMatrix matrixFrom(const Npy &x, const std::vector<FeatureBlock> &blocks)
{
    FeatureMatrix m;
    m.rows = x.shape[0];
    m.cols = int(x.shape[1]);
    m.blocks = blocks;
    m.values.resize(size_t(m.rows) * size_t(m.cols));
    std::memcpy(m.values.data(), x.data.constData(), m.values.size() * sizeof(float));
    m.recordIds.resize(size_t(m.rows));
    for (std::int64_t i = 0; i < m.rows; ++i)
        m.recordIds[size_t(i)] = i + 1;
    return m;
}

std::vector<int> parseInts(const QString &s)
{
    std::vector<int> v;
    for (const QString &p : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        v.push_back(p.toInt());
    return v;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : (v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]));
}

int die(const QString &msg)
{
    std::fprintf(stderr, "bench_ml_nslkdd: %s\n", qPrintable(msg));
    return 1;
}

/// Figures of a model on labelled rows at thresholds calibrated on held-out clean rows.
struct Quality {
    double auroc = 0.0, tpr1 = 0.0, fpr1 = 0.0, tpr5 = 0.0, fpr5 = 0.0;
    QStringList families;
};

/// --validate: everything is chosen on KDDTrain+ alone. A seeded share of KDDTrain+ (all
/// classes) is set aside; the model trains on the normal rows of the rest exactly as
/// `vigil-cli train --normal-only` does (its own seeded 10 % of them held out for the
/// threshold), then the set-aside rows, with their labelled attacks, are scored. KDDTest+ is not read.
int validate(const QString &shared, ml::TrainOptions o, double share, std::uint64_t splitSeed, int repeats)
{
    ReadOptions ro;
    ro.format = QStringLiteral("nslkdd");
    auto table = readTable(shared + QStringLiteral("/data/nsl-kdd/KDDTrain+.txt.gz"), ro);
    if (!table)
        return die(table.error().message);
    SchemaOptions so;
    so.profile = QStringLiteral("nslkdd");
    auto schema = inferSchema(*table, so);
    if (!schema)
        return die(schema.error().message);
    auto matrix = encodeTable(*schema, *table);
    auto labels = extractLabels(*schema, *table);
    if (!matrix || !labels)
        return die((!matrix ? matrix.error() : labels.error()).message);

    // The split: a seeded permutation, the first `share` of it is the validation part.
    std::vector<std::int64_t> order(size_t(matrix->rows));
    for (std::int64_t i = 0; i < matrix->rows; ++i)
        order[size_t(i)] = i;
    std::mt19937_64 rng(splitSeed);
    std::shuffle(order.begin(), order.end(), rng);
    const auto nVal = std::int64_t(share * double(matrix->rows));
    std::vector<std::int64_t> valRows(order.begin(), order.begin() + nVal);
    std::sort(valRows.begin(), valRows.end());
    LabelVector trainLabels = *labels; // validation rows become "unknown": never trained on
    for (auto r : valRows)
        trainLabels.ids[size_t(r)] = -1;
    FeatureMatrix val;
    val.rows = nVal;
    val.cols = matrix->cols;
    val.blocks = matrix->blocks;
    val.values.resize(size_t(nVal) * size_t(val.cols));
    val.recordIds.resize(size_t(nVal));
    std::vector<int> y(static_cast<size_t>(nVal));
    QStringList famNames{QStringLiteral("dos"), QStringLiteral("probe"), QStringLiteral("r2l"), QStringLiteral("u2r")};
    std::vector<int> fam(size_t(nVal), -1);
    for (std::int64_t i = 0; i < nVal; ++i) {
        const auto r = valRows[size_t(i)];
        std::copy_n(matrix->row(r), val.cols, val.values.begin() + std::ptrdiff_t(i * val.cols));
        val.recordIds[size_t(i)] = i + 1;
        y[size_t(i)] = labels->isAttack(r);
        const auto id = labels->ids[size_t(r)];
        if (id >= 0)
            fam[size_t(i)] = int(famNames.indexOf(metrics::nslKddFamily(labels->names[id])));
    }
    o.normalOnly = true;
    o.labels = &trainLabels;
    o.validationRows.clear();

    auto rt = ml::initRuntime(ml::DevicePreference::Cpu, 2);
    if (!rt)
        return die(rt.error().message);
    std::printf("# validate: %lld of %lld KDDTrain+ rows set aside (split seed %llu); KDDTest+ not read\n", (long long)nVal,
                (long long)matrix->rows, (unsigned long long)splitSeed);
    std::printf("%5s %8s %8s %8s %8s %8s %7s %7s %7s %7s %7s\n", "seed", "AUROC", "TPR@1", "FPR@1", "TPR@5", "FPR@5", "dos", "probe",
                "r2l", "u2r", "train_s");
    std::vector<double> sum(10, 0.0);
    for (int rep = 0; rep < repeats; ++rep) {
        ml::TrainOptions oo = o;
        oo.seed = o.seed + std::uint64_t(rep);
        QElapsedTimer t;
        t.start();
        auto model = ml::AnomalyModel::train(*matrix, oo);
        const double secs = double(t.nsecsElapsed()) / 1e9;
        if (!model)
            return die(model.error().message);
        ml::ScoreOptions quick;
        quick.topK = 0;
        quick.contributions = false;
        quick.latent = false;
        auto sc = (*model)->score(val, quick);
        if (!sc)
            return die(sc.error().message);
        double thr5 = (*model)->threshold();
        for (const auto &c : (*model)->calibration())
            if (c.targetFpr == 0.05)
                thr5 = c.threshold;
        const auto r1 = *metrics::ratesAtThreshold(sc->scores, y, (*model)->threshold());
        const auto r5 = *metrics::ratesAtThreshold(sc->scores, y, thr5);
        std::vector<bool> flagged(static_cast<size_t>(nVal));
        for (std::int64_t i = 0; i < nVal; ++i)
            flagged[size_t(i)] = sc->scores[size_t(i)] > (*model)->threshold();
        const auto fr = metrics::flaggedRates(fam, famNames, flagged);
        const double a = *metrics::auroc(sc->scores, y);
        std::printf("%5llu %8.4f %8.4f %8.4f %8.4f %8.4f %7.3f %7.3f %7.3f %7.3f %7.1f\n", (unsigned long long)oo.seed, a, r1.tpr, r1.fpr,
                    r5.tpr, r5.fpr, fr[0].rate, fr[1].rate, fr[2].rate, fr[3].rate, secs);
        std::fflush(stdout);
        const double v[10] = {a, r1.tpr, r1.fpr, r5.tpr, r5.fpr, fr[0].rate, fr[1].rate, fr[2].rate, fr[3].rate, secs};
        for (int k = 0; k < 10; ++k)
            sum[size_t(k)] += v[k] / repeats;
    }
    std::printf("%5s %8.4f %8.4f %8.4f %8.4f %8.4f %7.3f %7.3f %7.3f %7.3f %7.1f\n", "mean", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5],
                sum[6], sum[7], sum[8], sum[9]);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QString shared = QStringLiteral(VIGIL_SHARED_DIR);
    p.addOption({QStringLiteral("dump"), QStringLiteral("Reference dump directory."), QStringLiteral("dir"), QStringLiteral("/tmp/nsl_dump")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads."), QStringLiteral("n"), QStringLiteral("2")});
    p.addOption({QStringLiteral("ref-json"), QStringLiteral("Reference figures written by nslkdd_ref.py --json."), QStringLiteral("file")});
    p.addOption({QStringLiteral("run-ref"), QStringLiteral("Run the reference first (same threads) and read its figures.")});
    p.addOption({QStringLiteral("ref-blas-threads"),
                 QStringLiteral("OpenBLAS threads of the reference run: same (as Vigil's, the default) or default (OpenBLAS's own, "
                                "as a user of the script would run it)."),
                 QStringLiteral("same|default"), QStringLiteral("same")});
    // Defaults: ml::TrainOptions', the ones vigil-cli train and the workbench use.
    const ml::TrainOptions defaults;
    QStringList hidden;
    for (int h : defaults.autoencoder.hidden)
        hidden.append(QString::number(h));
    p.addOption({QStringLiteral("epochs"), QStringLiteral("Epochs."), QStringLiteral("n"), QString::number(defaults.epochs)});
    p.addOption({QStringLiteral("hidden"), QStringLiteral("Encoder widths."), QStringLiteral("list"), hidden.join(QLatin1Char(','))});
    p.addOption({QStringLiteral("numeric-weight"), QStringLiteral("Numeric loss weight."), QStringLiteral("w"), QString()});
    p.addOption({QStringLiteral("max-steps"), QStringLiteral("Budget of optimizer steps (0 = none)."), QStringLiteral("n"), QString::number(defaults.autoencoder.maxSteps)});
    p.addOption({QStringLiteral("normalize-blocks"), QStringLiteral("Score blocks in units of their typical held-out error.")});
    p.addOption({QStringLiteral("lr"), QStringLiteral("Learning rate."), QStringLiteral("lr"), QStringLiteral("0.001")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("Batch size."), QStringLiteral("n"), QStringLiteral("256")});
    p.addOption({QStringLiteral("patience"), QStringLiteral("Early-stopping patience."), QStringLiteral("n"), QString::number(defaults.patience)});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("n"), QStringLiteral("0")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Write the figures as JSON."), QStringLiteral("file")});
    p.addOption({QStringLiteral("pipeline"), QStringLiteral("vigil (read + encode with Vigil) or dump (the reference's matrices)."),
                 QStringLiteral("name"), QStringLiteral("vigil")});
    p.addOption({QStringLiteral("dropout"), QStringLiteral("Dropout after each encoder layer."), QStringLiteral("p"), QString::number(defaults.autoencoder.dropout)});
    p.addOption({QStringLiteral("score-batch"), QStringLiteral("Rows per scoring batch."), QStringLiteral("n"), QString::number(ml::ScoreOptions{}.batchSize)});
    p.addOption({QStringLiteral("members"), QStringLiteral("Autoencoders in the ensemble."), QStringLiteral("k"), QString::number(defaults.autoencoder.members)});
    p.addOption({QStringLiteral("cosine"), QStringLiteral("Cosine learning-rate decay to 0: on or off."), QStringLiteral("on|off"),
                 defaults.autoencoder.cosineDecay ? QStringLiteral("on") : QStringLiteral("off")});
    p.addOption({QStringLiteral("concurrent"), QStringLiteral("Also time two scorings at once and scoring while training (two worker threads).")});
    p.addOption({QStringLiteral("validate"), QStringLiteral("Choose settings on KDDTrain+ alone: set aside a share of it, train on the "
                                                            "normal rows of the rest, report on the set-aside rows (KDDTest+ is not read).")});
    p.addOption({QStringLiteral("val-share"), QStringLiteral("--validate: share of KDDTrain+ set aside."), QStringLiteral("f"), QStringLiteral("0.3")});
    p.addOption({QStringLiteral("split-seed"), QStringLiteral("--validate: seed of the split."), QStringLiteral("n"), QStringLiteral("99")});
    p.addOption({QStringLiteral("bulk-repeats"), QStringLiteral("Plain bulk scorings timed (median reported; at least 5, as the reference)."),
                 QStringLiteral("n"), QStringLiteral("5")});
    p.addOption({QStringLiteral("repeats"), QStringLiteral("--validate: model seeds seed, seed+1, …"), QStringLiteral("n"), QStringLiteral("3")});
    p.process(app);

    ml::TrainOptions o;
    o.epochs = p.value(QStringLiteral("epochs")).toInt();
    o.autoencoder.hidden = parseInts(p.value(QStringLiteral("hidden")));
    if (p.isSet(QStringLiteral("numeric-weight")))
        o.autoencoder.numericWeight = p.value(QStringLiteral("numeric-weight")).toDouble();
    if (p.isSet(QStringLiteral("normalize-blocks")))
        o.autoencoder.normalizeBlocks = true;
    o.autoencoder.dropout = p.value(QStringLiteral("dropout")).toDouble();
    o.autoencoder.members = p.value(QStringLiteral("members")).toInt();
    const QString cosine = p.value(QStringLiteral("cosine"));
    if (cosine != QLatin1String("on") && cosine != QLatin1String("off"))
        return die(QStringLiteral("--cosine: expected on or off, got \"%1\"").arg(cosine));
    o.autoencoder.cosineDecay = cosine == QLatin1String("on");
    o.autoencoder.maxSteps = p.value(QStringLiteral("max-steps")).toLongLong();
    o.learningRate = p.value(QStringLiteral("lr")).toDouble();
    o.batchSize = p.value(QStringLiteral("batch")).toInt();
    o.patience = p.value(QStringLiteral("patience")).toInt();
    o.seed = p.value(QStringLiteral("seed")).toULongLong();
    o.targetFpr = 0.01;
    if (p.isSet(QStringLiteral("validate")))
        return validate(shared, o, p.value(QStringLiteral("val-share")).toDouble(), p.value(QStringLiteral("split-seed")).toULongLong(),
                        p.value(QStringLiteral("repeats")).toInt());

    const int threads = p.value(QStringLiteral("threads")).toInt();
    const QString dump = p.value(QStringLiteral("dump"));

    // ---- the reference, first, so that the two never compete for the cores ----
    QJsonObject ref;
    QString refJson = p.value(QStringLiteral("ref-json"));
    if (p.isSet(QStringLiteral("run-ref"))) {
        refJson = QDir::temp().filePath(QStringLiteral("bench_ml_nslkdd_ref.json"));
        QProcess proc;
        proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QStringList args{shared + QStringLiteral("/bench/nslkdd_ref.py"), QStringLiteral("--json"), refJson,
                               QStringLiteral("--threads"), QString::number(threads), QStringLiteral("--dump"), dump};
        // Same BLAS configuration as ours: Vigil runs OpenBLAS with one thread of its own (see
        // ml::initRuntime), and the environment variable is how the reference's OpenBLAS is told.
        QString blasEnv;
        if (p.value(QStringLiteral("ref-blas-threads")) == QLatin1String("same")) {
            bool ok = false;
            const int own = qEnvironmentVariableIntValue("VIGIL_BLAS_THREADS", &ok);
            blasEnv = QString::number(ok && own > 0 ? own : 1);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("OPENBLAS_NUM_THREADS"), blasEnv);
            proc.setProcessEnvironment(env);
        }
        std::printf("# running: %s/usr/bin/python3 %s\n", blasEnv.isEmpty() ? "" : qPrintable(QStringLiteral("OPENBLAS_NUM_THREADS=%1 ").arg(blasEnv)),
                    qPrintable(args.join(QLatin1Char(' '))));
        std::fflush(stdout);
        proc.start(QStringLiteral("/usr/bin/python3"), args);
        if (!proc.waitForFinished(30 * 60 * 1000) || proc.exitCode() != 0)
            return die(QStringLiteral("the reference failed: %1").arg(QString::fromUtf8(proc.readAllStandardOutput().right(2000))));
    }
    if (!refJson.isEmpty()) {
        QFile f(refJson);
        if (!f.open(QIODevice::ReadOnly))
            return die(QStringLiteral("cannot read %1").arg(refJson));
        ref = QJsonDocument::fromJson(f.readAll()).object();
    }

    // ---- data: the reference's encoded matrices and split ----
    if (!QFile::exists(dump + QStringLiteral("/y_train.npy"))) {
        QProcess unz;
        unz.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral("-c"),
                   QStringLiteral("import numpy as np,sys; d=np.load(sys.argv[1]+'/labels_idx_scores.npz'); "
                                  "[np.save(sys.argv[1]+'/'+k+'.npy', d[k]) for k in ('y_train','y_test','normal_fit_idx','normal_holdout_idx')]"),
                   dump});
        if (!unz.waitForFinished(120000) || unz.exitCode() != 0)
            return die(QStringLiteral("cannot unpack %1/labels_idx_scores.npz (run nslkdd_ref.py --dump first)").arg(dump));
    }
    auto ytrN = readNpy(dump + QStringLiteral("/y_train.npy"));
    auto yteN = readNpy(dump + QStringLiteral("/y_test.npy"));
    auto holdN = readNpy(dump + QStringLiteral("/normal_holdout_idx.npy"));
    if (!ytrN || !yteN || !holdN)
        return die(QStringLiteral("cannot read the labels and holdout in %1").arg(dump));
    auto ytr = npyAs<int>(*ytrN);
    auto yte = npyAs<int>(*yteN);
    const auto holdout = npyAs<std::int64_t>(*holdN);
    FeatureMatrix train, test;
    LabelVector testClasses; // KDDTest+'s attack names (Vigil's pipeline only)
    double loadEncodeSeconds = std::nan("");
    const bool vigilPipeline = p.value(QStringLiteral("pipeline")) == QLatin1String("vigil");
    if (vigilPipeline) {
        QElapsedTimer le;
        le.start();
        ReadOptions ro;
        ro.format = QStringLiteral("nslkdd");
        auto ttr = readTable(shared + QStringLiteral("/data/nsl-kdd/KDDTrain+.txt.gz"), ro);
        auto tte = readTable(shared + QStringLiteral("/data/nsl-kdd/KDDTest+.txt.gz"), ro);
        if (!ttr || !tte)
            return die(QStringLiteral("reading NSL-KDD failed: %1").arg((!ttr ? ttr.error() : tte.error()).message));
        SchemaOptions so;
        so.profile = QStringLiteral("nslkdd");
        auto schema = inferSchema(*ttr, so);
        if (!schema)
            return die(schema.error().message);
        auto mtr = encodeTable(*schema, *ttr);
        auto mte = encodeTable(*schema, *tte);
        if (!mtr || !mte)
            return die((!mtr ? mtr.error() : mte.error()).message);
        loadEncodeSeconds = double(le.nsecsElapsed()) / 1e9;
        auto ltr = extractLabels(*schema, *ttr);
        auto lte = extractLabels(*schema, *tte);
        if (!ltr || !lte)
            return die((!ltr ? ltr.error() : lte.error()).message);
        train = std::move(*mtr);
        test = std::move(*mte);
        if (std::int64_t(ytr.size()) != train.rows || std::int64_t(yte.size()) != test.rows)
            return die(QStringLiteral("Vigil read %1/%2 rows, the reference %3/%4").arg(train.rows).arg(test.rows).arg(ytr.size()).arg(yte.size()));
        // Vigil's own labels from here on (the reference's only fix the holdout rows).
        for (std::int64_t i = 0; i < train.rows; ++i)
            ytr[size_t(i)] = ltr->isAttack(i);
        for (std::int64_t i = 0; i < test.rows; ++i)
            yte[size_t(i)] = lte->isAttack(i);
        testClasses = std::move(*lte);
    } else {
        QFile encFile(dump + QStringLiteral("/encoder.json"));
        if (!encFile.open(QIODevice::ReadOnly))
            return die(QStringLiteral("no %1/encoder.json: run nslkdd_ref.py --dump %1 first").arg(dump));
        const auto blocks = blocksFromEncoder(QJsonDocument::fromJson(encFile.readAll()).object());
        auto xtr = readNpy(dump + QStringLiteral("/X_train.npy"));
        auto xte = readNpy(dump + QStringLiteral("/X_test.npy"));
        if (!xtr || !xte)
            return die(QStringLiteral("cannot read the matrices in %1").arg(dump));
        train = matrixFrom(*xtr, blocks);
        test = matrixFrom(*xte, blocks);
        if (train.cols != blocks.back().offset + 1)
            return die(QStringLiteral("encoder.json and X_train.npy disagree on the width"));
    }

    LabelVector labels;
    labels.names = {QStringLiteral("normal"), QStringLiteral("attack")};
    labels.normalId = 0;
    labels.ids.assign(ytr.begin(), ytr.end());

    auto rt = ml::initRuntime(ml::DevicePreference::Cpu, threads);
    if (!rt)
        return die(rt.error().message);

    // ---- train: normal rows of KDDTrain+, the reference's 10% holdout for validation/calibration ----
    o.normalOnly = true;
    o.labels = &labels;
    o.validationRows = holdout;
    o.targetFpr = 0.01;

    QElapsedTimer t;
    t.start();
    auto model = ml::AnomalyModel::train(train, o, {}, [](const ml::TrainingEpoch &e) {
        std::printf("  epoch %2d  train %.5f  val %.5f  %8.0f rows/s\n", e.epoch, e.trainLoss, e.valLoss, e.rowsPerSecond);
        std::fflush(stdout);
    });
    const double trainSeconds = double(t.nsecsElapsed()) / 1e9;
    if (!model)
        return die(model.error().message);
    const auto &m = **model;

    // ---- quality on KDDTest+ ----
    ml::ScoreOptions quick;
    quick.topK = 0;
    quick.contributions = false;
    quick.latent = false;
    quick.batchSize = p.value(QStringLiteral("score-batch")).toInt();
    ml::ScoreOptions full;
    full.batchSize = quick.batchSize;
    t.restart();
    auto st = m.score(test, quick);
    const double scoreTestSeconds = double(t.nsecsElapsed()) / 1e9;
    if (!st)
        return die(st.error().message);
    std::vector<double> holdScores;
    {
        auto all = m.score(train, quick);
        if (!all)
            return die(all.error().message);
        for (auto r : holdout)
            holdScores.push_back(all->scores[size_t(r)]);
    }
    const auto &s = st->scores;
    const double auroc = *metrics::auroc(s, yte);
    const double ap = *metrics::averagePrecision(s, yte);
    const double thr1 = m.threshold();
    const double thr5 = *metrics::thresholdForFpr(holdScores, 0.05);
    const auto r1 = *metrics::ratesAtThreshold(s, yte, thr1);
    const auto r5 = *metrics::ratesAtThreshold(s, yte, thr5);
    const auto roc = *metrics::rocCurve(s, yte);
    const double o1 = metrics::tprAtFpr(roc, 0.01), o5 = metrics::tprAtFpr(roc, 0.05);
    // Calibration shift (diagnostic, uses the test labels as the oracle figures do): the share
    // of held-out training normals above the threshold calibrated, as the model's own, to flag
    // 1 % and 2 % of the test normals: the target a shift-aware calibration would have needed.
    std::vector<double> testNormals;
    for (size_t i = 0; i < s.size(); ++i)
        if (yte[i] == 0)
            testNormals.push_back(s[i]);
    auto heldOutShareAt = [&](double testFpr) {
        const auto t = metrics::thresholdForFpr(testNormals, testFpr);
        if (!t || holdScores.empty())
            return std::nan("");
        return double(std::count_if(holdScores.begin(), holdScores.end(), [&](double v) { return v > *t; })) / double(holdScores.size());
    };
    const double o2 = metrics::tprAtFpr(roc, 0.02), shift1 = heldOutShareAt(0.01), shift2 = heldOutShareAt(0.02);
    // Detection per attack name at the calibrated 1 % threshold, most missed rows first: which
    // attacks the TPR shortfall consists of (diagnostic, from the test labels).
    std::vector<metrics::GroupRate> byAttack;
    if (!testClasses.ids.empty()) {
        std::vector<int> ids(testClasses.ids.begin(), testClasses.ids.end());
        std::vector<bool> flagged(s.size());
        for (size_t i = 0; i < s.size(); ++i) {
            flagged[i] = s[i] > thr1;
            if (ids[i] == testClasses.normalId)
                ids[i] = -1;
        }
        byAttack = metrics::flaggedRates(ids, testClasses.names, flagged);
        std::erase_if(byAttack, [](const metrics::GroupRate &g) { return g.total == 0; });
        std::sort(byAttack.begin(), byAttack.end(), [](const metrics::GroupRate &a, const metrics::GroupRate &b) {
            return a.total - a.flagged > b.total - b.flagged || (a.total - a.flagged == b.total - b.flagged && a.name < b.name);
        });
    }

    // ---- bulk scoring: all 148,517 rows, 5 repeats, median ----
    FeatureMatrix all = train;
    all.rows += test.rows;
    all.values.insert(all.values.end(), test.values.begin(), test.values.end());
    all.recordIds.resize(size_t(all.rows));
    // Seconds one scoring of the whole matrix takes.
    auto scoreSeconds = [&](const ml::ScoreOptions &so) -> Result<double> {
        QElapsedTimer c;
        c.start();
        auto r = m.score(all, so);
        if (!r)
            return tl::unexpected(r.error());
        return double(c.nsecsElapsed()) / 1e9;
    };
    std::vector<double> reps, repsFull;
    // As the reference: 5 plain repeats (more with --bulk-repeats), then 3 with per-block
    // contributions, top-3 and latent codes.
    const int plain = std::max(5, p.value(QStringLiteral("bulk-repeats")).toInt());
    for (int i = 0; i < plain + 3; ++i) {
        auto seconds = scoreSeconds(i < plain ? quick : full);
        if (!seconds)
            return die(seconds.error().message);
        (i < plain ? reps : repsFull).push_back(*seconds);
    }
    const double bulkRate = double(all.rows) / median(reps);

    // ---- concurrent jobs (--concurrent): what the workbench does when an analyst scores one
    // data set while another job scores or trains, each on its own worker thread ----
    if (p.isSet(QStringLiteral("concurrent"))) {
        // Seconds one 200-step training takes.
        ml::TrainOptions small = o;
        small.autoencoder.maxSteps = 200;
        auto trainSeconds = [&]() -> Result<double> {
            QElapsedTimer c;
            c.start();
            auto r = ml::AnomalyModel::train(train, small);
            if (!r)
                return tl::unexpected(r.error());
            return double(c.nsecsElapsed()) / 1e9;
        };
        // A failure on either thread ends the bench after the join, not with a NaN figure.
        t.restart();
        Result<double> b = 0.0;
        std::thread other([&] { b = scoreSeconds(quick); });
        const Result<double> a = scoreSeconds(quick);
        other.join();
        const double both = double(t.nsecsElapsed()) / 1e9;
        if (!a || !b)
            return die((!a ? a : b).error().message);
        std::printf("# concurrent: two scorings of %lld rows at once: %.4f s and %.4f s (%.4f s for both; alone %.4f s each)\n",
                    (long long)all.rows, *a, *b, both, median(reps));

        const auto trainAlone = trainSeconds();
        if (!trainAlone)
            return die(trainAlone.error().message);
        std::atomic<bool> training{true};
        Result<double> trainWith = 0.0;
        std::thread trainer([&] {
            trainWith = trainSeconds();
            training = false;
        });
        Result<double> scoring = 0.0;
        double scoreWith = 0;
        int scored = 0;
        while (training && scoring) {
            scoring = scoreSeconds(quick);
            if (scoring) {
                scoreWith += *scoring;
                ++scored;
            }
        }
        trainer.join();
        if (!trainWith || !scoring)
            return die((!trainWith ? trainWith : scoring).error().message);
        std::printf("# concurrent: training (200 steps) alone %.3f s, while scoring %.3f s; %d scorings meanwhile, %.4f s each "
                    "(alone %.4f s)\n",
                    *trainAlone, *trainWith, scored, scored ? scoreWith / scored : std::nan(""), median(reps));
    }
    const double fullRate = double(all.rows) / median(repsFull);

    // ---- print ----
    const auto info = ml::currentRuntime();
    std::printf("# pipeline: %s, %lld x %d train, %lld test\n", vigilPipeline ? "vigil (readTable nslkdd -> inferSchema -> encodeTable)" : "reference dump",
                (long long)train.rows, train.cols, (long long)test.rows);
    std::printf("# vigil: torch %s, %d threads, device %s, blas %s (OpenBLAS threads: %d)\n", qPrintable(info.torchVersion),
                info.intraOpThreads, qPrintable(info.device), qPrintable(info.blas), info.blasThreads);
    if (!ref.isEmpty()) {
        const auto env = ref.value(QStringLiteral("env")).toObject();
        QStringList blas;
        for (const auto &v : env.value(QStringLiteral("blas_libs_mapped")).toArray())
            blas.append(v.toString());
        std::printf("# reference: torch %s, %d threads, blas %s\n", qPrintable(env.value(QStringLiteral("torch")).toString()),
                    env.value(QStringLiteral("torch_threads")).toInt(), qPrintable(blas.join(QStringLiteral(", "))));
    }
    std::printf("# model: AE %d-%s-%d x %d members, epochs run %d (best %d%s, step budget %lld), numeric weight %.3g, lr %g%s, "
                "batch %d%s, seed %llu\n",
                train.cols, qPrintable(p.value(QStringLiteral("hidden"))), train.cols, o.autoencoder.members, int(m.summary().history.size()),
                m.summary().bestEpoch, m.summary().stoppedEarly ? ", stopped early" : "", (long long)o.autoencoder.maxSteps,
                o.autoencoder.numericWeight, o.learningRate, o.autoencoder.cosineDecay ? " (cosine decay)" : "", o.batchSize,
                o.autoencoder.normalizeBlocks ? ", block-normalised" : "", (unsigned long long)o.seed);
    // The repeats themselves, so that a noisy machine shows as spread rather than as a ratio.
    std::printf("# bulk scoring repeats (s):");
    for (const double r : reps)
        std::printf(" %.4f", r);
    std::printf(" (median %.4f)\n", median(reps));
    const QJsonObject rae = ref.value(QStringLiteral("ae")).toObject();
    const QJsonObject rt2 = ref.value(QStringLiteral("times_s")).toObject();
    const QJsonObject rtp = ref.value(QStringLiteral("throughput")).toObject();
    auto refv = [&](const QJsonObject &o2, const char *k) { return o2.contains(QLatin1String(k)) ? o2.value(QLatin1String(k)).toDouble() : std::nan(""); };
    std::printf("\n%-34s %14s %14s %10s\n", "figure", "vigil", "reference", "ratio");
    auto row = [&](const char *name, double v, double r, bool ratio) {
        if (ratio && std::isfinite(r) && r != 0)
            std::printf("%-34s %14.4f %14.4f %9.2fx\n", name, v, r, v / r);
        else
            std::printf("%-34s %14.4f %14.4f\n", name, v, r);
    };
    row("AUROC", auroc, refv(rae, "auroc"), false);
    row("AP", ap, refv(rae, "ap"), false);
    row("TPR @ calibrated 1% threshold", r1.tpr, refv(rae, "tpr_at_1pct"), false);
    row("realized FPR @ calibrated 1%", r1.fpr, refv(rae, "fpr_at_1pct"), false);
    row("TPR @ calibrated 5% threshold", r5.tpr, refv(rae, "tpr_at_5pct"), false);
    row("realized FPR @ calibrated 5%", r5.fpr, refv(rae, "fpr_at_5pct"), false);
    row("oracle TPR @ 1% FPR", o1, refv(rae, "oracle_tpr_at_1pct_fpr"), false);
    row("oracle TPR @ 5% FPR", o5, refv(rae, "oracle_tpr_at_5pct_fpr"), false);
    if (vigilPipeline)
        row("load + encode seconds (both files)", loadEncodeSeconds, refv(rt2, "a_load") + refv(rt2, "b_encode"), true);
    row("training seconds (AE fit)", trainSeconds, refv(rt2, "c2_ae_fit"), true);
    row("score KDDTest+ seconds", scoreTestSeconds, refv(rt2, "c2_ae_score_test"), true);
    row("bulk scoring rows/s (148,517)", bulkRate, refv(rtp, "ae_score_rows_per_s_bulk"), true);
    row("bulk rows/s with top-3 + latent", fullRate, refv(rtp, "ae_score_rows_per_s_bulk"), true);
    std::printf("# calibration shift: a test FPR of 1%% (2%%) is the threshold that flags %.2f%% (%.2f%%) of the held-out "
                "training normals; oracle TPR @ 2%% FPR %.4f\n",
                100.0 * shift1, 100.0 * shift2, o2);
    if (!byAttack.empty()) {
        // Attacks flagged at under 5 %: those this threshold does not tell from normal traffic,
        // so with their share f the TPR at this threshold is at most 1 - 0.95 f whatever else it catches.
        std::int64_t attacks = 0, unseparated = 0;
        for (const auto &g : byAttack) {
            attacks += g.total;
            if (g.rate < 0.05)
                unseparated += g.total;
        }
        std::printf("# missed at the calibrated 1%% threshold, by attack (flagged/total):");
        for (size_t i = 0; i < std::min<size_t>(byAttack.size(), 10); ++i)
            std::printf("%s %s %lld/%lld", i ? "," : "", qPrintable(byAttack[i].name), (long long)byAttack[i].flagged, (long long)byAttack[i].total);
        std::printf("\n# attacks flagged at under 5%%: %lld of %lld test attacks (%.1f%%)\n", (long long)unseparated, (long long)attacks,
                    attacks ? 100.0 * double(unseparated) / double(attacks) : 0.0);
    }
    std::printf("\ntargets: AUROC >= 0.96 [%s], TPR@cal-1%% >= 0.70 [%s], realized FPR <= 0.02 [%s], "
                "train <= 0.7x ref [%s], bulk >= 1.5x ref [%s]\n",
                auroc >= 0.96 ? "met" : "MISSED", r1.tpr >= 0.70 ? "met" : "MISSED", r1.fpr <= 0.02 ? "met" : "MISSED",
                std::isfinite(refv(rt2, "c2_ae_fit")) ? (trainSeconds <= 0.7 * refv(rt2, "c2_ae_fit") ? "met" : "MISSED") : "no ref",
                std::isfinite(refv(rtp, "ae_score_rows_per_s_bulk")) ? (bulkRate >= 1.5 * refv(rtp, "ae_score_rows_per_s_bulk") ? "met" : "MISSED") : "no ref");

    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject out{{QStringLiteral("auroc"), auroc}, {QStringLiteral("ap"), ap},
                        {QStringLiteral("threshold_1pct"), thr1}, {QStringLiteral("rates_1pct"), r1.toJson()},
                        {QStringLiteral("threshold_5pct"), thr5}, {QStringLiteral("rates_5pct"), r5.toJson()},
                        {QStringLiteral("oracle_tpr_1pct"), o1}, {QStringLiteral("oracle_tpr_5pct"), o5},
                        {QStringLiteral("oracle_tpr_2pct"), o2}, {QStringLiteral("heldout_share_at_test_fpr_1pct"), shift1},
                        {QStringLiteral("heldout_share_at_test_fpr_2pct"), shift2},
                        {QStringLiteral("train_seconds"), trainSeconds}, {QStringLiteral("bulk_rows_per_s"), bulkRate},
                        {QStringLiteral("bulk_full_rows_per_s"), fullRate}, {QStringLiteral("training"), m.summary().toJson()},
                        {QStringLiteral("reference"), ref}};
        QJsonArray attacks;
        for (const auto &g : byAttack)
            attacks.append(QJsonObject{{QStringLiteral("attack"), g.name}, {QStringLiteral("total"), qint64(g.total)},
                                       {QStringLiteral("flagged"), qint64(g.flagged)}, {QStringLiteral("rate"), g.rate}});
        out.insert(QStringLiteral("detection_by_attack_1pct"), attacks);
        QFile f(p.value(QStringLiteral("json")));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(out).toJson());
    }
    return 0;
}
