#pragma once

#include "ui/training/trainsettings.h"

#include <QDialog>

class QComboBox;
class QSpinBox;
class QDoubleSpinBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace vigil::ui {

/// Model and training options; remembers the last choice in QSettings.
class TrainDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainDialog)

public:
    /// \a hasLabels enables "normal rows only" and the supervised classifier.
    explicit TrainDialog(const QString &datasetName, bool hasLabels, QWidget *parent = nullptr);

    TrainSettings settings() const;

    void accept() override;

private:
    /// Training options mean nothing for a loaded TorchScript module; its file row shows instead.
    /// The session rows show for the sequence model only.
    void updateForKind();
    /// Shows the false-positive rate or the alerts-a-day field, as the threshold mode says.
    void updateThresholdMode();

    QComboBox *m_kind;
    QWidget *m_scriptRow;
    QLineEdit *m_script;
    QLabel *m_scriptStatus;
    QSpinBox *m_epochs;
    QSpinBox *m_batch;
    QDoubleSpinBox *m_lr;
    QDoubleSpinBox *m_validation;
    QSpinBox *m_patience;
    QCheckBox *m_normalOnly;
    QDoubleSpinBox *m_targetFpr;
    QComboBox *m_thresholdMode;
    QSpinBox *m_alertsPerDay;
    QSpinBox *m_seed;
    QSpinBox *m_members;
    QLineEdit *m_entity;
    QLineEdit *m_tokens;
    QSpinBox *m_gap;
    QComboBox *m_cell;
    QCheckBox *m_bidirectional;
    QList<QWidget *> m_trainingOnly;
    QList<QWidget *> m_sequenceOnly;   ///< rows of the sequence model only: tokens, cell, direction
    QList<QWidget *> m_sessionsOnly;   ///< rows of both models over sessions: entity, gap
};

} // namespace vigil::ui
