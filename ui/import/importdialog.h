#pragma once

#include "core/io/reader.h"
#include "core/store/datasetstore.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;

namespace vigil::ui {

class JobRunner;

/// What the preview job hands back to the GUI thread: an immutable snapshot.
struct ImportPreview {
    QString file;
    Table table;          ///< the first rows (at most ImportDialog::kPreviewRows)
    ImportReport report;  ///< format detected, bad lines among the lines read
};

/// Table model over an ImportPreview (read-only; headers show the column name and type).
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    explicit ImportPreviewModel(QObject *parent = nullptr);
    void setPreview(std::shared_ptr<const ImportPreview> preview);
    std::shared_ptr<const ImportPreview> preview() const { return m_preview; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ImportPreview> m_preview;
};

/// File ▸ Import: choose files, a format (auto-detected by default) and, for nginx, the
/// server's log_format; the first rows are parsed in the background (JobRunner, newest request
/// wins) and shown with the detected format before anything is stored.
///
/// Usage (lead): `ImportDialog dlg(runner, this); if (dlg.exec() == QDialog::Accepted)
/// startImport(runner, projectPath, dlg.files(), dlg.options(), onDone);`
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    static constexpr int kPreviewRows = 20;

    explicit ImportDialog(JobRunner *runner, QWidget *parent = nullptr);
    ~ImportDialog() override;

    /// The chosen files, in order.
    QStringList files() const;
    void setFiles(const QStringList &files);
    /// Options for importFile(): format, log_format, dataset name (single file only).
    ReadOptions options() const;
    /// Selects a format by name ("auto", "combined", …).
    void setFormat(const QString &format);
    void setLogFormat(const QString &logFormat);

    const ImportPreviewModel *previewModel() const { return m_model; }
    /// The detected format / error line under the preview.
    QString statusText() const;

Q_SIGNALS:
    /// A preview finished (successfully or not); statusText() says which.
    void previewUpdated();

private:
    void onAddFiles();
    void onRemoveFiles();
    void onInputsChanged();
    void startPreview();

    JobRunner *m_runner;
    QListWidget *m_fileList;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QComboBox *m_formatCombo;
    QLineEdit *m_logFormatEdit;
    QLineEdit *m_nameEdit;
    QTableView *m_previewView;
    ImportPreviewModel *m_model;
    QLabel *m_status;
    QPushButton *m_okButton;
    QTimer *m_debounce;
};

/// Imports \a files one after another into the project at \a projectPath on a worker thread
/// (with its own connection), with progress and cancel in the jobs panel. \a done runs on the
/// GUI thread with one ImportResult per file, or the first error (files before it stay imported;
/// the failing one leaves nothing behind). Returns the job id.
int startImport(JobRunner *runner, const QString &projectPath, const QStringList &files, const ReadOptions &options,
                std::function<void(const Result<std::vector<ImportResult>> &)> done);

} // namespace vigil::ui
