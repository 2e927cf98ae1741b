#include "ui/training/scoredialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace vigil::ui {

ScoreDialog::ScoreDialog(const ProjectContents &contents, std::int64_t datasetId, QWidget *parent)
    : QDialog(parent), m_contents(contents), m_model(new QComboBox(this)), m_dataset(new QComboBox(this)),
      m_clusters(new QComboBox(this)), m_note(new QLabel(this))
{
    setWindowTitle(tr("Score Data Set"));
    const QLocale locale;
    m_model->setObjectName(QStringLiteral("scoreModel"));
    for (auto it = m_contents.models.rbegin(); it != m_contents.models.rend(); ++it) {
        const DatasetEntry *trainedOn = m_contents.dataset(it->datasetId);
        const QString origin = trainedOn ? tr("trained on #%1 %2").arg(trainedOn->id).arg(trainedOn->name)
                                         : tr("its data set was removed");
        m_model->addItem(tr("#%1 %2 (%3, %4)").arg(it->id).arg(it->name, it->kind, origin), qlonglong(it->id));
    }
    m_dataset->setObjectName(QStringLiteral("scoreDataset"));
    int preselect = m_contents.datasets.empty() ? -1 : int(m_contents.datasets.size()) - 1;
    for (const auto &d : m_contents.datasets) {
        if (d.id == datasetId)
            preselect = m_dataset->count();
        m_dataset->addItem(tr("#%1 %2 (%3 rows, %4)").arg(d.id).arg(d.name, locale.toString(qlonglong(d.rows)), d.format),
                           qlonglong(d.id));
    }
    m_dataset->setCurrentIndex(preselect);

    m_clusters->setObjectName(QStringLiteral("scoreClusters"));
    m_clusters->addItem(tr("Suggest k (best silhouette)"), 0);
    for (int k = 2; k <= 30; ++k)
        m_clusters->addItem(QString::number(k), k);
    m_clusters->addItem(tr("None"), -1);
    m_clusters->setToolTip(tr("k-means clusters of the model's latent codes, shown in the cluster map and summary. "
                              "Suggest tries k = 2…8 on a sample of 2,000 points and keeps the best silhouette."));
    const int remembered = m_clusters->findData(QSettings().value(QStringLiteral("score/clusters"), 0).toInt());
    m_clusters->setCurrentIndex(remembered < 0 ? 0 : remembered);

    m_note->setObjectName(QStringLiteral("scoreNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Data set to score:"), m_dataset);
    form->addRow(tr("C&lusters:"), m_clusters);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *score = buttons->addButton(tr("&Score"), QDialogButtonBox::AcceptRole);
    score->setDefault(true);
    score->setEnabled(m_model->count() > 0 && m_dataset->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    connect(m_model, &QComboBox::currentIndexChanged, this, &ScoreDialog::updateNote);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &ScoreDialog::updateNote);
    updateNote();
    resize(qMax(sizeHint().width(), 520), sizeHint().height());
}

std::int64_t ScoreDialog::modelId() const
{
    return m_model->currentData().toLongLong();
}

std::int64_t ScoreDialog::datasetId() const
{
    return m_dataset->currentData().toLongLong();
}

int ScoreDialog::clusters() const
{
    return m_clusters->currentData().toInt();
}

void ScoreDialog::accept()
{
    QSettings().setValue(QStringLiteral("score/clusters"), clusters());
    QDialog::accept();
}

void ScoreDialog::updateNote()
{
    const ModelEntry *model = m_contents.model(modelId());
    const DatasetEntry *target = m_contents.dataset(datasetId());
    if (!model || !target) {
        m_note->setText(m_contents.models.empty() ? tr("This project has no model yet: train one with Model ▸ Train Model.")
                                                  : tr("This project has no data set to score."));
        return;
    }
    QString text = tr("A new run: every record of #%1 scored with the model's own schema and threshold; the "
                      "explorer opens on it.").arg(target->id);
    const DatasetEntry *trainedOn = m_contents.dataset(model->datasetId);
    if (trainedOn && trainedOn->format != target->format)
        text += QLatin1Char('\n')
                + tr("The model was trained on a '%1' data set and this one is '%2': scoring fails if it lacks a column "
                     "the model encodes.").arg(trainedOn->format, target->format);
    m_note->setText(text);
}

} // namespace vigil::ui
