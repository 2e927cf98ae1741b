#pragma once

#include "core/bigalloc.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vigil {

/// A contiguous run of encoded features that come from one source column (or one derived
/// feature). Models use the blocks to weigh their loss — cross-entropy over each one-hot block,
/// squared error on numeric ones — so an anomaly score decomposes into per-column parts.
struct FeatureBlock {
    enum class Kind { OneHot, Numeric };
    QString name;             ///< source or derived column, e.g. "service", "browser", "src_bytes"
    Kind kind = Kind::Numeric;
    int offset = 0;           ///< first feature index in the matrix
    int width = 0;            ///< number of features (1 for Numeric)
    QStringList featureNames; ///< one per feature: "service=http", "service=OTHER", "log1p(src_bytes)"
};

/// Matrix storage: huge-page or pre-populated mappings (BigAllocator) — a freshly encoded
/// matrix is tens of MB written once, and first-touch page faults would otherwise dominate.
using FloatVector = std::vector<float, BigAllocator<float>>;

/// The model input: a dense float32 row-major matrix with named features.
struct FeatureMatrix {
    std::int64_t rows = 0;
    int cols = 0;
    FloatVector values;                    ///< rows * cols, row-major
    std::vector<FeatureBlock> blocks;      ///< cover [0, cols) in order, without gaps
    std::vector<std::int64_t> recordIds;   ///< rows entries: which record each row encodes

    float at(std::int64_t row, int col) const { return values[size_t(row) * size_t(cols) + size_t(col)]; }
    const float *row(std::int64_t r) const { return values.data() + size_t(r) * size_t(cols); }
    QStringList featureNames() const
    {
        QStringList names;
        for (const auto &b : blocks)
            names += b.featureNames;
        return names;
    }
};

/// Ground truth carried by a data set (e.g. NSL-KDD's `label` column), aligned with the rows of
/// a FeatureMatrix. Never used for fitting unsupervised models; only for evaluation and for the
/// supervised classifier.
struct LabelVector {
    std::vector<std::int32_t> ids;   ///< per row: index into names, -1 = unknown
    QStringList names;               ///< class names as they appear ("normal", "neptune", …)
    int normalId = -1;               ///< the benign class, -1 when none
    /// 1 for attack, 0 for normal, -1 unknown.
    int isAttack(std::int64_t row) const
    {
        const auto id = ids[size_t(row)];
        return id < 0 ? -1 : (id == normalId ? 0 : 1);
    }
};

} // namespace vigil
