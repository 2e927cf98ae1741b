#pragma once

// Small seeded synthetic data for the model tests: two one-hot blocks whose values go together
// and three numeric features that follow them, like a flow record's protocol, service and sizes.

#include "core/features.h"

#include <random>

namespace vigil::test {

/// \a rows normal records; with \a outliers, the last rows break every regularity.
inline FeatureMatrix syntheticMatrix(int rows, int outliers = 0, unsigned seed = 1)
{
    FeatureMatrix m;
    m.cols = 11;
    m.blocks = {
        {QStringLiteral("proto"), FeatureBlock::Kind::OneHot, 0, 3,
         {QStringLiteral("proto=tcp"), QStringLiteral("proto=udp"), QStringLiteral("proto=icmp")}},
        {QStringLiteral("service"), FeatureBlock::Kind::OneHot, 3, 5,
         {QStringLiteral("service=http"), QStringLiteral("service=dns"), QStringLiteral("service=ssh"),
          QStringLiteral("service=ntp"), QStringLiteral("service=ping")}},
        {QStringLiteral("bytes"), FeatureBlock::Kind::Numeric, 8, 1, {QStringLiteral("bytes")}},
        {QStringLiteral("rate"), FeatureBlock::Kind::Numeric, 9, 1, {QStringLiteral("rate")}},
        {QStringLiteral("count"), FeatureBlock::Kind::Numeric, 10, 1, {QStringLiteral("count")}},
    };
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> service(0, 4);
    std::normal_distribution<float> noise(0.0f, 0.02f);
    std::uniform_real_distribution<float> uni(0.0f, 0.3f);
    const int protoOf[5] = {0, 1, 0, 1, 2};
    m.rows = rows + outliers;
    m.values.assign(size_t(m.rows) * size_t(m.cols), 0.0f);
    for (int r = 0; r < m.rows; ++r) {
        float *row = m.values.data() + size_t(r) * size_t(m.cols);
        const int s = service(rng);
        if (r < rows) {
            row[protoOf[s]] = 1.0f;
            row[3 + s] = 1.0f;
            row[8] = 0.2f + 0.1f * float(s) + noise(rng);
            row[9] = 0.5f * row[8] + noise(rng);
            row[10] = uni(rng);
        } else {
            row[(protoOf[s] + 1) % 3] = 1.0f; // protocol that never goes with this service
            row[3 + s] = 1.0f;
            row[8] = 0.95f;
            row[9] = 0.0f;
            row[10] = 0.9f;
        }
        m.recordIds.push_back(r + 1);
    }
    return m;
}

/// Labels for syntheticMatrix: normal for the first \a rows, "attack" after.
inline LabelVector syntheticLabels(int rows, int outliers)
{
    LabelVector l;
    l.names = {QStringLiteral("normal"), QStringLiteral("attack")};
    l.normalId = 0;
    for (int r = 0; r < rows + outliers; ++r)
        l.ids.push_back(r < rows ? 0 : 1);
    return l;
}

} // namespace vigil::test
