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
      m_seed(new QSpinBox(this))
{
    setWindowTitle(tr("Train Model — %1").arg(datasetName));
    m_kind->addItem(tr("Autoencoder (unsupervised, default)"), QStringLiteral("autoencoder"));
    m_kind->addItem(tr("Categorical VAE, Gumbel-softmax (unsupervised)"), QStringLiteral("vae"));
    if (hasLabels)
        m_kind->addItem(tr("Supervised classifier (uses the data set's labels)"), QStringLiteral("classifier"));
    m_kind->addItem(tr("Sequence model over sessions, GRU (events of one entity in time order)"), QStringLiteral("sequence"));
    m_kind->addItem(tr("External TorchScript model (.pt file, not trained here)"), QStringLiteral("torchscript"));
    m_kind->setToolTip(tr("Unsupervised models learn what normal looks like and need no labels. The sequence model learns "
                          "which event follows which within a session (the entity key's events with no pause over 30 minutes; "
                          "an event is its method, file type and status, or protocol, service and state)."));
    m_scriptRow = new QWidget(this);
    auto *scriptLayout = new QHBoxLayout(m_scriptRow);
    scriptLayout->setContentsMargins(0, 0, 0, 0);
    m_script = new QLineEdit(m_scriptRow);
    m_script->setObjectName(QStringLiteral("torchScriptFile"));
    m_script->setPlaceholderText(tr("TorchScript module saved with torch.jit.save"));
    m_script->setToolTip(tr("A module mapping an [N, width] batch of this data set's encoded rows to a score per row or to a "
                            "reconstruction; its threshold is calibrated on the data set's normal rows (all rows without labels)."));
    auto *browse = new QPushButton(tr("&Browse…"), m_scriptRow);
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
    m_seed->setRange(0, 1000000);
    m_normalOnly->setEnabled(hasLabels);

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
    m_seed->setValue(s.value(kGroup + QStringLiteral("seed"), defaults.seed).toInt());
    m_script->setText(s.value(kGroup + QStringLiteral("torchScript")).toString());

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
    form->addRow(tr("Target &false-positive rate:"), m_targetFpr);
    form->addRow(tr("&Seed:"), m_seed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Train"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TrainDialog::reject);
    m_trainingOnly = {m_epochs, m_batch, m_lr, m_validation, m_patience, m_seed};
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TrainDialog::updateForKind);
    connect(m_script, &QLineEdit::textChanged, this, &TrainDialog::updateForKind);
    updateForKind();
}

void TrainDialog::updateForKind()
{
    const bool script = m_kind->currentData().toString() == QLatin1String("torchscript");
    auto *form = static_cast<QFormLayout *>(layout());
    form->setRowVisible(m_scriptRow, script);
    for (QWidget *w : std::as_const(m_trainingOnly))
        form->setRowVisible(w, !script);
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
                                   : tr("The alert threshold is set so that this share of clean held-out rows would be flagged."));
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
    t.seed = m_seed->value();
    if (t.modelKind == QLatin1String("torchscript"))
        t.torchScriptPath = m_script->text().trimmed();
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
    s.setValue(kGroup + QStringLiteral("seed"), t.seed);
    QDialog::accept();
}

} // namespace vigil::ui
