#include "ui/report/pdfreport.h"

#include "core/report/render.h"

#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace vigil {

namespace {

QImage renderSvg(const QString &svg)
{
    QSvgRenderer renderer(svg.toUtf8());
    const QSize size = renderer.defaultSize();
    // Twice the nominal size: sharp when the PDF is zoomed or printed.
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    renderer.render(&p);
    return image;
}

} // namespace

Result<void> writePdfReport(const ReportData &data, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(ErrorCode::Internal, QStringLiteral("PDF reports need a QGuiApplication."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setTitle(QStringLiteral("Vigil report — %1").arg(data.datasetName));
        writer.setCreator(QStringLiteral("Vigil %1").arg(QStringLiteral(VIGIL_VERSION)));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(150);

        QTextDocument doc;
        const auto addChart = [&](const char *name, const QString &svg) {
            QImage img = renderSvg(svg);
            // Scale to the printable width at 150 dpi (A4 minus margins ≈ 1063 px).
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:") + QLatin1String(name)),
                            img.scaledToWidth(std::min(img.width() / 2, 1000), Qt::SmoothTransformation));
        };
        addChart("histogram", svgHistogram(data));
        addChart("timeline", svgTimeline(data));
        addChart("scatter", svgScatter(data));
        if (!reportEvaluation(data).isEmpty())
            addChart("roc", svgRoc(data));
        doc.setHtml(renderHtml(data, ChartMode::ImageReferences));
        doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        doc.print(&writer);
    }
    if (!file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot finish writing %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace vigil
