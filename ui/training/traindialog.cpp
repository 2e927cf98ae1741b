#include "ui/training/traindialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

namespace vigil::ui {

namespace {
const auto kGroup = QStringLiteral("train/");
}

TrainDialog::TrainDialog(const QString &datasetName, bool hasLabels, QWidget *parent)
    : QDialog(parent), m_kind(new QComboBox(this)), m_epochs(new QSpinBox(this)), m_batch(new QSpinBox(this)),
      m_lr(new QDoubleSpinBox(this)), m_validation(new QDoubleSpinBox(this)), m_patience(new QSpinBox(this)),
      m_normalOnly(new QCheckBox(tr("Train on rows labelled normal only"), this)), m_targetFpr(new QDoubleSpinBox(this)),
      m_thresholdMode(new QComboBox(this)), m_alertsPerDay(new QSpinBox(this)), m_seed(new QSpinBox(this)), m_members(new QSpinBox(this)), m_entity(new QLineEdit(this)), m_tokens(new QLineEdit(this)), m_gap(new QSpinBox(this)),
      m_cell(new QComboBox(this)), m_bidirectional(new QCheckBox(tr("Bi&directional (predict each event from both sides)"), this))
{
    setWindowTitle(tr("Train Model — %1").arg(datasetName));
    m_kind->setObjectName(QStringLiteral("modelKind"));
    m_kind->addItem(tr("Autoencoder (unsupervised, default)"), QStringLiteral("autoencoder"));
    m_kind->addItem(tr("Categorical VAE, Gumbel-softmax (unsupervised)"), QStringLiteral("vae"));
    if (hasLabels)
        m_kind->addItem(tr("Supervised classifier (uses the data set's labels)"), QStringLiteral("classifier"));
    m_kind->addItem(tr("Sequence model over sessions, GRU or LSTM (events of one entity in time order)"), QStringLiteral("sequence"));
    m_kind->addItem(tr("Session autoencoder (each session's events, rate, distinct paths, errors, bytes)"), QStringLiteral("session-autoencoder"));
    m_kind->addItem(tr("External TorchScript model (.pt file, not trained here)"), QStringLiteral("torchscript"));
    m_kind->setToolTip(tr("Unsupervised models learn what normal looks like and need no labels. The sequence model learns "
                          "which event follows which within a session (one entity's events with no longer pause than the "
                          "session gap); a session's score is its mean per-event loss. The session autoencoder learns "
                          "what a session does in all (how many events, how fast, how many distinct paths, how many "
                          "errors): bursts such as password guessing or scanning stand out; its threshold flags a share "
                          "of sessions, and every record of a session carries the session's score."));
    m_scriptRow = new QWidget(this);
    auto *scriptLayout = new QHBoxLayout(m_scriptRow);
    scriptLayout->setContentsMargins(0, 0, 0, 0);
    m_script = new QLineEdit(m_scriptRow);
    m_script->setObjectName(QStringLiteral("torchScriptFile"));
    m_script->setPlaceholderText(tr("TorchScript module saved with torch.jit.save"));
    m_script->setToolTip(tr("A module mapping an [N, width] batch of this data set's encoded rows to a score per row or to a "
                            "reconstruction; its threshold is calibrated on the data set's normal rows (all rows without labels)."));
    auto *browse = new QPushButton(tr("&Browse…"), m_scriptRow);
    browse->setAutoDefault(false); // focus is back here after the file dialog: Enter loads
    scriptLayout->addWidget(m_script, 1);
    scriptLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("TorchScript Model"), m_script->text(),
                                                          tr("TorchScript modules (*.pt *.pth *.ts);;All files (*)"));
        if (!file.isEmpty())
            m_script->setText(file);
    });

    m_epochs->setRange(1, 1000);
    m_batch->setRange(16, 65536);
    m_batch->setSingleStep(64);
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 1.0);
    m_lr->setSingleStep(1e-4);
    m_validation->setRange(0.01, 0.5);
    m_validation->setSingleStep(0.05);
    m_validation->setToolTip(tr("Share of the training rows held out for early stopping and threshold calibration."));
    m_patience->setRange(0, 100);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setToolTip(tr("Stop when the validation loss has not improved for this many epochs."));
    m_targetFpr->setDecimals(2);
    m_targetFpr->setRange(0.01, 20.0);
    m_targetFpr->setSuffix(QStringLiteral(" %"));
    m_targetFpr->setToolTip(tr("The alert threshold is set so that this share of clean held-out rows would be flagged."));
    m_thresholdMode->setObjectName(QStringLiteral("thresholdMode"));
    m_thresholdMode->addItem(tr("False-positive rate"), QStringLiteral("fpr"));
    m_thresholdMode->addItem(tr("Alerts per day"), QStringLiteral("budget"));
    m_thresholdMode->setToolTip(tr("Set the threshold by the share of clean rows it may flag, or by how many alerts a day you "
                                   "can triage (needs a timestamp column: the data set's records a day turn the budget into a share)."));
    m_alertsPerDay->setObjectName(QStringLiteral("alertsPerDay"));
    m_alertsPerDay->setRange(1, 10000000);
    m_alertsPerDay->setSuffix(tr(" a day"));
    m_seed->setRange(0, 1000000);
    m_members->setObjectName(QStringLiteral("ensembleMembers"));
    m_members->setRange(1, 8);
    m_members->setToolTip(tr("Autoencoder: train this many networks side by side and score with their mean. On a "
                             "1M-line web log three networks flagged 43-45 % of the attacks instead of 37 % at the same "
                             "false-positive rate, and varied less with the seed; training and scoring take that many "
                             "times longer."));
    m_entity->setObjectName(QStringLiteral("sessionEntity"));
    m_entity->setPlaceholderText(tr("the schema's entity key, else remote_addr, id.orig_h or src_ip"));
    m_entity->setToolTip(tr("The column whose values own the sessions, e.g. the client address."));
    m_tokens->setObjectName(QStringLiteral("eventTokens"));
    m_tokens->setPlaceholderText(tr("automatic: method, file type, status (access logs); proto, service, state (Zeek)"));
    m_tokens->setToolTip(tr("Comma-separated columns whose values, joined, make an event, e.g. method,path_ext,status. "
                            "Empty: up to three categorical columns of the schema."));
    m_gap->setRange(1, 24 * 60);
    m_gap->setSuffix(tr(" min"));
    m_gap->setToolTip(tr("A longer pause between an entity's events starts a new session."));
    m_cell->setObjectName(QStringLiteral("recurrentCell"));
    m_cell->addItem(tr("GRU"), QStringLiteral("gru"));
    m_cell->addItem(tr("LSTM"), QStringLiteral("lstm"));
    m_normalOnly->setEnabled(hasLabels);
    m_normalOnly->setToolTip(tr("Applies where the data set has a label column; a log without labels trains on every row."));

    const TrainSettings defaults;
    QSettings s;
    const int kindIndex = m_kind->findData(s.value(kGroup + QStringLiteral("kind"), defaults.modelKind));
    m_kind->setCurrentIndex(kindIndex < 0 ? 0 : kindIndex);
    m_epochs->setValue(s.value(kGroup + QStringLiteral("epochs"), defaults.epochs).toInt());
    m_batch->setValue(s.value(kGroup + QStringLiteral("batch"), defaults.batchSize).toInt());
    m_lr->setValue(s.value(kGroup + QStringLiteral("lr"), defaults.learningRate).toDouble());
    m_validation->setValue(s.value(kGroup + QStringLiteral("validation"), defaults.validationFraction).toDouble());
    m_patience->setValue(s.value(kGroup + QStringLiteral("patience"), defaults.patience).toInt());
    m_normalOnly->setChecked(hasLabels && s.value(kGroup + QStringLiteral("normalOnly"), defaults.normalOnly).toBool());
    m_targetFpr->setValue(100.0 * s.value(kGroup + QStringLiteral("targetFpr"), defaults.targetFpr).toDouble());
    const int budget = s.value(kGroup + QStringLiteral("alertsPerDay"), defaults.alertsPerDay).toInt();
    m_alertsPerDay->setValue(budget > 0 ? budget : 50);
    m_thresholdMode->setCurrentIndex(budget > 0 ? 1 : 0);
    m_seed->setValue(s.value(kGroup + QStringLiteral("seed"), defaults.seed).toInt());
    m_members->setValue(s.value(kGroup + QStringLiteral("members"), defaults.members).toInt());
    m_script->setText(s.value(kGroup + QStringLiteral("torchScript")).toString());
    m_gap->setValue(s.value(kGroup + QStringLiteral("sessionGapMinutes"), defaults.sessionGapMinutes).toInt());
    m_cell->setCurrentIndex(s.value(kGroup + QStringLiteral("lstm"), defaults.lstm).toBool() ? 1 : 0);
    m_bidirectional->setChecked(s.value(kGroup + QStringLiteral("bidirectional"), defaults.bidirectional).toBool());

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Model:"), m_kind);
    auto *scriptLabel = new QLabel(tr("Module &file:"), this);
    scriptLabel->setBuddy(m_script); // the row's widget is a container: Alt+F must reach the field
    form->addRow(scriptLabel, m_scriptRow);
    m_scriptStatus = new QLabel(this);
    m_scriptStatus->setTextFormat(Qt::PlainText);
    m_scriptStatus->setStyleSheet(QStringLiteral("color: #c62828;"));
    form->addRow(QString(), m_scriptStatus);
    form->addRow(tr("&Epochs:"), m_epochs);
    form->addRow(tr("&Batch size:"), m_batch);
    form->addRow(tr("&Learning rate:"), m_lr);
    form->addRow(tr("&Validation share:"), m_validation);
    form->addRow(tr("Early-stopping &patience:"), m_patience);
    form->addRow(QString(), m_normalOnly);
    auto *thresholdRow = new QWidget(this);
    auto *thresholdLayout = new QHBoxLayout(thresholdRow);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    thresholdLayout->addWidget(m_thresholdMode);
    thresholdLayout->addWidget(m_targetFpr, 1);
    thresholdLayout->addWidget(m_alertsPerDay, 1);
    auto *thresholdLabel = new QLabel(tr("Alert t&hreshold by:"), this);
    thresholdLabel->setBuddy(m_thresholdMode); // the row is a container: Alt+H must reach the combo
    form->addRow(thresholdLabel, thresholdRow);
    form->addRow(tr("&Seed:"), m_seed);
    form->addRow(tr("Net&works in the ensemble:"), m_members);
    form->addRow(tr("Session e&ntity:"), m_entity);
    form->addRow(tr("Event t&okens:"), m_tokens);
    form->addRow(tr("Session &gap:"), m_gap);
    form->addRow(tr("Recurrent &cell:"), m_cell);
    form->addRow(QString(), m_bidirectional);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Train"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TrainDialog::reject);
    m_trainingOnly = {m_epochs, m_batch, m_lr, m_validation, m_patience, m_seed};
    m_sequenceOnly = {m_tokens, m_cell, m_bidirectional};
    m_sessionsOnly = {m_entity, m_gap};
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TrainDialog::updateForKind);
    connect(m_script, &QLineEdit::textChanged, this, &TrainDialog::updateForKind);
    connect(m_thresholdMode, &QComboBox::currentIndexChanged, this, &TrainDialog::updateThresholdMode);
    updateThresholdMode();
    updateForKind();
}

void TrainDialog::updateThresholdMode()
{
    const bool budget = m_thresholdMode->currentData().toString() == QLatin1String("budget");
    m_targetFpr->setVisible(!budget);
    m_alertsPerDay->setVisible(budget);
}

void TrainDialog::updateForKind()
{
    const bool script = m_kind->currentData().toString() == QLatin1String("torchscript");
    const bool sequence = m_kind->currentData().toString() == QLatin1String("sequence");
    const bool sessionAe = m_kind->currentData().toString() == QLatin1String("session-autoencoder");
    auto *form = static_cast<QFormLayout *>(layout());
    form->setRowVisible(m_scriptRow, script);
    for (QWidget *w : std::as_const(m_trainingOnly))
        form->setRowVisible(w, !script);
    for (QWidget *w : std::as_const(m_sequenceOnly))
        form->setRowVisible(w, sequence);
    for (QWidget *w : std::as_const(m_sessionsOnly))
        form->setRowVisible(w, sequence || sessionAe);
    form->setRowVisible(m_members, m_kind->currentData().toString() == QLatin1String("autoencoder"));
    m_normalOnly->setVisible(!script);
    const QString path = m_script->text().trimmed();
    const bool fileOk = QFileInfo(path).isFile();
    if (auto *buttons = findChild<QDialogButtonBox *>()) {
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        ok->setText(script ? tr("&Load") : tr("&Train"));
        ok->setEnabled(!script || fileOk);
    }
    m_scriptStatus->setText(!script || fileOk ? QString()
                            : path.isEmpty()  ? tr("Choose the TorchScript module file to load.")
                                              : tr("There is no file %1.").arg(path));
    form->setRowVisible(m_scriptStatus, script && !fileOk);
    adjustSize(); // rows come and go: no empty space under the buttons
    m_targetFpr->setToolTip(script ? tr("The alert threshold is set so that this share of the data set's normal rows "
                                        "(all rows without labels) would be flagged.")
                            : sessionAe ? tr("The alert threshold is set so that this share of clean held-out sessions would be flagged.")
                                        : tr("The alert threshold is set so that this share of clean held-out rows would be flagged."));
    m_alertsPerDay->setToolTip(sessionAe ? tr("The threshold flags this many sessions a day at the data set's rate of sessions.")
                                         : tr("The threshold flags this many records a day at the data set's rate of records."));
}

TrainSettings TrainDialog::settings() const
{
    TrainSettings t;
    t.modelKind = m_kind->currentData().toString();
    t.epochs = m_epochs->value();
    t.batchSize = m_batch->value();
    t.learningRate = m_lr->value();
    t.validationFraction = m_validation->value();
    t.patience = m_patience->value();
    t.normalOnly = m_normalOnly->isChecked();
    t.targetFpr = m_targetFpr->value() / 100.0;
    t.alertsPerDay = m_thresholdMode->currentData().toString() == QLatin1String("budget") ? m_alertsPerDay->value() : 0;
    t.seed = m_seed->value();
    t.members = m_members->value();
    if (t.modelKind == QLatin1String("torchscript"))
        t.torchScriptPath = m_script->text().trimmed();
    t.sessionEntity = m_entity->text().trimmed();
    for (const QString &name : m_tokens->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            t.eventTokens << name.trimmed();
    t.sessionGapMinutes = m_gap->value();
    t.lstm = m_cell->currentData().toString() == QLatin1String("lstm");
    t.bidirectional = m_bidirectional->isChecked();
    return t;
}

void TrainDialog::accept()
{
    const TrainSettings t = settings();
    if (t.modelKind == QLatin1String("torchscript") && !QFileInfo(t.torchScriptPath).isFile()) {
        m_script->setFocus(); // Load is disabled until the file exists; Enter in the field lands here
        return;
    }
    QSettings s;
    if (!t.torchScriptPath.isEmpty())
        s.setValue(kGroup + QStringLiteral("torchScript"), t.torchScriptPath);
    s.setValue(kGroup + QStringLiteral("kind"), t.modelKind);
    s.setValue(kGroup + QStringLiteral("epochs"), t.epochs);
    s.setValue(kGroup + QStringLiteral("batch"), t.batchSize);
    s.setValue(kGroup + QStringLiteral("lr"), t.learningRate);
    s.setValue(kGroup + QStringLiteral("validation"), t.validationFraction);
    s.setValue(kGroup + QStringLiteral("patience"), t.patience);
    s.setValue(kGroup + QStringLiteral("normalOnly"), t.normalOnly);
    s.setValue(kGroup + QStringLiteral("targetFpr"), t.targetFpr);
    s.setValue(kGroup + QStringLiteral("alertsPerDay"), t.alertsPerDay);
    s.setValue(kGroup + QStringLiteral("seed"), t.seed);
    s.setValue(kGroup + QStringLiteral("members"), t.members);
    // The entity and token columns name one data set's columns: not carried to the next one.
    s.setValue(kGroup + QStringLiteral("sessionGapMinutes"), t.sessionGapMinutes);
    s.setValue(kGroup + QStringLiteral("lstm"), t.lstm);
    s.setValue(kGroup + QStringLiteral("bidirectional"), t.bidirectional);
    QDialog::accept();
}

} // namespace vigil::ui
