#pragma once

#include "core/project.h"

#include <QString>

#include <memory>

namespace vigil::test {

/// Hostile strings planted in the synthetic project (records 7 and 9, and label notes).
extern const QString kScript;
extern const QString kFormula;

/// A project with one 100-record dataset (per the dataset storage contract: ds_1 with rid, line,
/// c0 remote_addr, c1 path, c2 status, c3 time), model 1, run 1 (threshold 0.9) with scores
/// rid/100, clusters rid%3, x/y, top_features; labels on records 7, 9 (malicious), 50 (benign),
/// 60 ('none') and entity 10.0.0.3 (review). Returns nullptr when anything fails.
std::unique_ptr<Project> makeSyntheticProject(const QString &path);

} // namespace vigil::test
