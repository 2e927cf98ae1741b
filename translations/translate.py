#!/usr/bin/env python3
"""Fills translations/vigil_{de,es}.ts (and the English plural forms) from the tables below.

Every source string needs an entry: the script lists the ones it could not translate and exits 1,
and tests/ui/tst_translations fails on any unfinished entry. Run from the repository root after
the sources changed, then let lupdate normalise the files:
    cmake --build --preset dev --target update_translations
    python3 translations/translate.py
    cmake --build --preset dev --target update_translations
"""
import sys
import xml.etree.ElementTree as ET

GLOSSARY = {
    # source: (German, Spanish)
    "&File": ("&Datei", "&Archivo"),
    "&Model": ("&Modell", "&Modelo"),
    "&Report": ("&Bericht", "&Informe"),
    "&View": ("&Ansicht", "&Ver"),
    "&Help": ("&Hilfe", "A&yuda"),
    "&New Project…": ("&Neues Projekt…", "&Nuevo proyecto…"),
    "&Open Project…": ("Projekt ö&ffnen…", "&Abrir proyecto…"),
    "Open &Recent": ("&Zuletzt geöffnet", "Abrir &reciente"),
    "&Import Logs or Data Sets…": ("Logs oder Datensätze &importieren…", "&Importar registros o conjuntos de datos…"),
    "&Close Project": ("Projekt &schließen", "&Cerrar proyecto"),
    "E&xport Case Bundle…": ("Fallpaket e&xportieren…", "E&xportar paquete del caso…"),
    "I&mport Case Bundle…": ("Fallpaket i&mportieren…", "I&mportar paquete del caso…"),
    "&Quit": ("&Beenden", "&Salir"),
    "&Train Model…": ("Modell &trainieren…", "&Entrenar modelo…"),
    "&Score Data Set…": ("Datensatz &bewerten…", "&Puntuar conjunto de datos…"),
    "This project has no scoring run %1.": ("Dieses Projekt hat keinen Bewertungslauf %1.", "Este proyecto no tiene la ejecución de puntuación %1."),
    "This project has no scoring run yet: score a data set with Model ▸ Score Data Set…": (
        "Dieses Projekt hat noch keinen Bewertungslauf: bewerten Sie einen Datensatz mit Modell ▸ Datensatz bewerten…",
        "Este proyecto aún no tiene ejecuciones de puntuación: puntúe un conjunto de datos con Modelo ▸ Puntuar conjunto de datos…"),
    "&Export Report…": ("Bericht &exportieren…", "&Exportar informe…"),
    "&About Vigil": ("&Über Vigil", "&Acerca de Vigil"),
    "Clear List": ("Liste leeren", "Vaciar lista"),
    "Overview": ("Übersicht", "Resumen"),
    "Project": ("Projekt", "Proyecto"),
    "Inspector": ("Inspektor", "Inspector"),
    "Jobs": ("Aufgaben", "Tareas"),
    "Device: %1 · %2 threads": ("Gerät: %1 · %2 Threads", "Dispositivo: %1 · %2 hilos"),
    "Jobs running: %1": ("Laufende Aufgaben: %1", "Tareas en curso: %1"),
    "No project open": ("Kein Projekt geöffnet", "Ningún proyecto abierto"),
    "Welcome to Vigil": ("Willkommen bei Vigil", "Bienvenido a Vigil"),
    "Find what is abnormal in web logs, Zeek sensors and IDS data sets.":
        ("Finden Sie Auffälliges in Web-Logs, Zeek-Sensoren und IDS-Datensätzen.",
         "Encuentre lo anómalo en registros web, sensores Zeek y conjuntos de datos IDS."),
    "Long work runs in the Jobs panel; Esc cancels it.":
        ("Lange Arbeiten laufen im Aufgabenbereich; Esc bricht sie ab.",
         "Los trabajos largos se ejecutan en el panel de tareas; Esc los cancela."),
    "Datasets": ("Datensätze", "Conjuntos de datos"),
    "Models": ("Modelle", "Modelos"),
    "Scoring runs": ("Bewertungsläufe", "Ejecuciones de puntuación"),
    "Labelled items": ("Markierte Einträge", "Elementos etiquetados"),
    "Created": ("Erstellt", "Creado"),
    "Created by": ("Erstellt von", "Creado por"),
    "Project schema": ("Projektschema", "Esquema del proyecto"),
    "File": ("Datei", "Archivo"),
    "Name": ("Name", "Nombre"),
    "Format": ("Format", "Formato"),
    "Rows": ("Zeilen", "Filas"),
    "Bad lines": ("Fehlerhafte Zeilen", "Líneas erróneas"),
    "unknown": ("unbekannt", "desconocido"),
    "New Project": ("Neues Projekt", "Nuevo proyecto"),
    "Open Project": ("Projekt öffnen", "Abrir proyecto"),
    "Import": ("Importieren", "Importar"),
    "Export Report": ("Bericht exportieren", "Exportar informe"),
    "Train Model": ("Modell trainieren", "Entrenar modelo"),
    "Score Data Set": ("Datensatz bewerten", "Puntuar conjunto de datos"),
    "Model:": ("Modell:", "Modelo:"),
    "Quit Vigil": ("Vigil beenden", "Salir de Vigil"),
    "Jobs still running: %1. Cancel them and quit?":
        ("Noch laufende Aufgaben: %1. Abbrechen und beenden?", "Tareas aún en curso: %1. ¿Cancelarlas y salir?"),
    "Run %1": ("Lauf %1", "Ejecución %1"),
    "Item": ("Eintrag", "Elemento"),
    "Details": ("Details", "Detalles"),
    "%1 rows": ("%1 Zeilen", "%1 filas"),
    "Running": ("Läuft", "En curso"),
    "Done": ("Fertig", "Hecho"),
    "Failed: %1": ("Fehlgeschlagen: %1", "Error: %1"),
    "Cancelled": ("Abgebrochen", "Cancelado"),
    "Job": ("Aufgabe", "Tarea"),
    "Progress": ("Fortschritt", "Progreso"),
    "Status": ("Status", "Estado"),
    "Time": ("Zeit", "Tiempo"),
    "&Cancel": ("&Abbrechen", "&Cancelar"),
    # Main window, menus, jobs
    "Select a record, session or model to inspect it here.":
        ("Wählen Sie einen Eintrag, eine Sitzung oder ein Modell, um die Details hier zu sehen.",
         "Seleccione un registro, una sesión o un modelo para inspeccionarlo aquí."),
    "Vigil projects (*.vigil);;All files (*)": ("Vigil-Projekte (*.vigil);;Alle Dateien (*)", "Proyectos de Vigil (*.vigil);;Todos los archivos (*)"),
    "LibTorch %1\nBLAS: %2": ("LibTorch %1\nBLAS: %2", "LibTorch %1\nBLAS: %2"),
    "Create a new investigation file (*.vigil)": ("Eine neue Untersuchungsdatei anlegen (*.vigil)", "Crear un nuevo archivo de investigación (*.vigil)"),
    "Open an existing investigation file": ("Eine vorhandene Untersuchungsdatei öffnen", "Abrir un archivo de investigación existente"),
    "Access logs, Zeek logs, flow CSVs (NSL-KDD, KDD'99, UNSW-NB15, CIC-IDS), gzip-compressed too":
        ("Access-Logs, Zeek-Logs, Flow-CSVs (NSL-KDD, KDD'99, UNSW-NB15, CIC-IDS), auch gzip-komprimiert",
         "Registros de acceso, registros de Zeek, CSV de flujos (NSL-KDD, KDD'99, UNSW-NB15, CIC-IDS), también comprimidos con gzip"),
    "One file with the data, schema, models, thresholds, labels and report, for a colleague":
        ("Eine Datei mit Daten, Schema, Modellen, Schwellenwerten, Einstufungen und Bericht für Kolleginnen und Kollegen",
         "Un único archivo con los datos, el esquema, los modelos, los umbrales, las etiquetas y el informe, para un colega"),
    "Train an anomaly model on the selected data set (live loss curves, Cancel keeps the best epoch)":
        ("Ein Anomaliemodell auf dem gewählten Datensatz trainieren (Verlustkurven live, Abbrechen behält die beste Epoche)",
         "Entrenar un modelo de anomalías con el conjunto de datos seleccionado (curvas de pérdida en vivo; Cancelar conserva la mejor época)"),
    "Score a data set with a trained model (its schema is reused, never refitted)":
        ("Einen Datensatz mit einem trainierten Modell bewerten (sein Schema wird wiederverwendet, nie neu angepasst)",
         "Puntuar un conjunto de datos con un modelo entrenado (se reutiliza su esquema, nunca se reajusta)"),
    "HTML or PDF report of a scoring run, or CSV/JSON of the labelled items":
        ("HTML- oder PDF-Bericht eines Bewertungslaufs oder CSV/JSON der eingestuften Einträge",
         "Informe HTML o PDF de una ejecución de puntuación, o CSV/JSON de los elementos etiquetados"),
    "Cannot replace %1.": ("%1 kann nicht ersetzt werden.", "No se puede reemplazar %1."),
    "Creating %1": ("%1 wird angelegt", "Creando %1"),
    "Opening %1": ("%1 wird geöffnet", "Abriendo %1"),
    "Creating": ("Anlegen", "Creando"),
    "Opening": ("Öffnen", "Abriendo"),
    "Vigil": ("Vigil", "Vigil"),
    "%1 — Vigil": ("%1 — Vigil", "%1 — Vigil"),
    "File ▸ New Project (Ctrl+N) starts an investigation file.":
        ("Datei ▸ Neues Projekt (Strg+N) legt eine Untersuchungsdatei an.",
         "Archivo ▸ Nuevo proyecto (Ctrl+N) crea un archivo de investigación."),
    "File ▸ Open Project (Ctrl+O), or drop a .vigil file here, opens one.":
        ("Datei ▸ Projekt öffnen (Strg+O) oder eine hierher gezogene .vigil-Datei öffnet eine.",
         "Archivo ▸ Abrir proyecto (Ctrl+O), o soltar aquí un archivo .vigil, abre uno."),
    "Vigil %1": ("Vigil %1", "Vigil %1"),
    "About Vigil": ("Über Vigil", "Acerca de Vigil"),
    "<h3>Vigil %1</h3><p>Anomaly-detection workbench for security analysts.</p><p>LibTorch %2 on %3, %4 threads.<br>Qt %5.</p>":
        ("<h3>Vigil %1</h3><p>Werkbank zur Anomalieerkennung für Sicherheitsanalysten.</p><p>LibTorch %2 auf %3, %4 Threads.<br>Qt %5.</p>",
         "<h3>Vigil %1</h3><p>Banco de trabajo de detección de anomalías para analistas de seguridad.</p><p>LibTorch %2 en %3, %4 hilos.<br>Qt %5.</p>"),
    "Exporting %1": ("%1 wird exportiert", "Exportando %1"),
    "Collecting": ("Sammeln", "Recopilando"),
    "Rendering": ("Ausgeben", "Generando"),
    "Wrote %1": ("%1 geschrieben", "Se escribió %1"),
    "Export Case Bundle": ("Fallpaket exportieren", "Exportar paquete del caso"),
    "Vigil case bundles (*.vigilcase)": ("Vigil-Fallpakete (*.vigilcase)", "Paquetes de caso de Vigil (*.vigilcase)"),
    "Exporting case %1": ("Fall %1 wird exportiert", "Exportando el caso %1"),
    "Snapshot": ("Momentaufnahme", "Instantánea"),
    "Wrote case bundle %1": ("Fallpaket %1 geschrieben", "Se escribió el paquete del caso %1"),
    "Import Case Bundle": ("Fallpaket importieren", "Importar paquete del caso"),
    "Vigil case bundles (*.vigilcase);;All files (*)": ("Vigil-Fallpakete (*.vigilcase);;Alle Dateien (*)", "Paquetes de caso de Vigil (*.vigilcase);;Todos los archivos (*)"),
    "Save Imported Case As": ("Importierten Fall speichern unter", "Guardar el caso importado como"),
    "Vigil projects (*.vigil)": ("Vigil-Projekte (*.vigil)", "Proyectos de Vigil (*.vigil)"),
    "Importing case %1": ("Fall %1 wird importiert", "Importando el caso %1"),
    "Drop log files to import them, or a .vigil project to open it.":
        ("Log-Dateien hier ablegen, um sie zu importieren, oder ein .vigil-Projekt, um es zu öffnen.",
         "Suelte archivos de registro para importarlos, o un proyecto .vigil para abrirlo."),
    "New Project for the Import": ("Neues Projekt für den Import", "Nuevo proyecto para la importación"),
    "Importing %1": ("%1 wird importiert", "Importando %1"),
    "Importing %1 files": ("%1 Dateien werden importiert", "Importando %1 archivos"),
    "%1: %2": ("%1: %2", "%1: %2"),
    "reading": ("lesen", "leyendo"),
    "%1 → dataset #%2: %3 rows (%4), %5 bad lines":
        ("%1 → Datensatz #%2: %3 Zeilen (%4), %5 fehlerhafte Zeilen", "%1 → conjunto de datos n.º %2: %3 filas (%4), %5 líneas erróneas"),
    " — already imported, not stored again": (" — bereits importiert, nicht erneut gespeichert", " — ya importado, no se guarda de nuevo"),
    "Import report\n\n": ("Importbericht\n\n", "Informe de importación\n\n"),
    "dataset %1": ("Datensatz %1", "conjunto de datos %1"),
    "Schema saved": ("Schema gespeichert", "Esquema guardado"),
    "Schema — %1": ("Schema — %1", "Esquema — %1"),
    "%1 on %2": ("%1 auf %2", "%1 sobre %2"),
    "Training — %1": ("Training — %1", "Entrenamiento — %1"),
    "Training %1 on %2": ("%1 wird auf %2 trainiert", "Entrenando %1 sobre %2"),
    "Training failed: %1": ("Training fehlgeschlagen: %1", "Error en el entrenamiento: %1"),
    "%1 in %2 s (best epoch %3). Threshold %4: %5 of %6 records flagged.":
        ("%1 in %2 s (beste Epoche %3). Schwellenwert %4: %5 von %6 Einträgen markiert.",
         "%1 en %2 s (mejor época %3). Umbral %4: %5 de %6 registros señalados."),
    "Cancelled, best epoch kept,": ("Abgebrochen, beste Epoche behalten,", "Cancelado, se conservó la mejor época,"),
    "Trained": ("Trainiert", "Entrenado"),
    "#%1 %2": ("#%1 %2", "n.º %1 %2"),
    "Data set to score:": ("Zu bewertender Datensatz:", "Conjunto de datos que puntuar:"),
    "Scoring %1 with %2": ("%1 wird mit %2 bewertet", "Puntuando %1 con %2"),
    "Failed": ("Fehlgeschlagen", "Error"),
    "Cancel the selected job, or the newest running one (Esc)":
        ("Die gewählte Aufgabe abbrechen oder die neueste laufende (Esc)", "Cancelar la tarea seleccionada o la más reciente en curso (Esc)"),
    "%1\nFormat: %2\n%3 rows, %4 bad lines": ("%1\nFormat: %2\n%3 Zeilen, %4 fehlerhafte Zeilen", "%1\nFormato: %2\n%3 filas, %4 líneas erróneas"),
    # Command line and start-up
    "Anomaly-detection workbench for security analysts.":
        ("Werkbank zur Anomalieerkennung für Sicherheitsanalysten.", "Banco de trabajo de detección de anomalías para analistas de seguridad."),
    "Open the demo project built from the bundled web-server log.":
        ("Das Demoprojekt öffnen, das aus dem mitgelieferten Webserver-Log erstellt wird.",
         "Abrir el proyecto de demostración creado a partir del registro de servidor web incluido."),
    "Compute device: auto, cpu or cuda.": ("Rechengerät: auto, cpu oder cuda.", "Dispositivo de cálculo: auto, cpu o cuda."),
    "Intra-op threads (0 = all cores).": ("Intra-op-Threads (0 = alle Kerne).", "Hilos intra-op (0 = todos los núcleos)."),
    "Project file to open (*.vigil).": ("Zu öffnende Projektdatei (*.vigil).", "Archivo de proyecto que abrir (*.vigil)."),
    "%1\nVigil will use the CPU.": ("%1\nVigil verwendet die CPU.", "%1\nVigil usará la CPU."),
    "Preparing the demo project": ("Demoprojekt wird vorbereitet", "Preparando el proyecto de demostración"),
    "Demo": ("Demo", "Demostración"),
    "&Language": ("&Sprache", "&Idioma"),
    "System default": ("Systemstandard", "Predeterminado del sistema"),
    "The language is applied the next time Vigil starts.":
        ("Die Sprache wird beim nächsten Start von Vigil übernommen.", "El idioma se aplicará la próxima vez que se inicie Vigil."),
    # Import
    "Import %1": ("%1 importieren", "Importar %1"),
    "Import %1 files": ("%1 Dateien importieren", "Importar %1 archivos"),
    "Add files…": ("Dateien hinzufügen…", "Añadir archivos…"),
    "Remove": ("Entfernen", "Quitar"),
    "Detect from content": ("Aus dem Inhalt erkennen", "Detectar por el contenido"),
    "The log_format line of the nginx configuration that wrote the log.":
        ("Die log_format-Zeile der nginx-Konfiguration, die das Log geschrieben hat.",
         "La línea log_format de la configuración de nginx que escribió el registro."),
    "the file name": ("der Dateiname", "el nombre del archivo"),
    "Files": ("Dateien", "Archivos"),
    "nginx log_format": ("nginx log_format", "log_format de nginx"),
    "Dataset name": ("Name des Datensatzes", "Nombre del conjunto de datos"),
    "Preview (first %1 records of the first file)": ("Vorschau (erste %1 Einträge der ersten Datei)", "Vista previa (primeros %1 registros del primer archivo)"),
    "Import logs or data sets": ("Logs oder Datensätze importieren", "Importar registros o conjuntos de datos"),
    "Logs and data sets (*.log *.txt *.csv *.json *.gz);;All files (*)":
        ("Logs und Datensätze (*.log *.txt *.csv *.json *.gz);;Alle Dateien (*)",
         "Registros y conjuntos de datos (*.log *.txt *.csv *.json *.gz);;Todos los archivos (*)"),
    "Add a log or data-set file (plain or gzip).": ("Eine Log- oder Datensatzdatei hinzufügen (unkomprimiert oder gzip).", "Añadir un archivo de registro o de conjunto de datos (sin comprimir o gzip)."),
    "Reading the first records…": ("Die ersten Einträge werden gelesen…", "Leyendo los primeros registros…"),
    "Preview %1": ("Vorschau %1", "Vista previa de %1"),
    "Cannot read this file: %1": ("Diese Datei kann nicht gelesen werden: %1", "No se puede leer este archivo: %1"),
    "Format: %1 — %2 columns; %3 of the first %4 lines are bad.":
        ("Format: %1 — %2 Spalten; %3 der ersten %4 Zeilen sind fehlerhaft.", "Formato: %1 — %2 columnas; %3 de las primeras %4 líneas son erróneas."),
    "Most common: %1.": ("Am häufigsten: %1.", "Lo más frecuente: %1."),
    "missing": ("fehlt", "falta"),
    "%1 (%2)": ("%1 (%2)", "%1 (%2)"),
    "Bad lines by reason / example": ("Fehlerhafte Zeilen nach Grund / Beispiel", "Líneas erróneas por motivo / ejemplo"),
    "Count / line": ("Anzahl / Zeile", "Cantidad / línea"),
    "No import yet.": ("Noch kein Import.", "Aún no hay importaciones."),
    "%1 — already imported (same content); nothing stored again":
        ("%1 — bereits importiert (gleicher Inhalt); nichts erneut gespeichert", "%1 — ya importado (mismo contenido); no se guarda nada de nuevo"),
    "%1 — %2 lines, %3 rows, %4 bad": ("%1 — %2 Zeilen gelesen, %3 übernommen, %4 fehlerhaft", "%1 — %2 líneas, %3 filas, %4 erróneas"),
    "line %1": ("Zeile %1", "línea %1"),
    # Explorer
    "Drag a rectangle to filter on a region; click a point to filter on its cluster":
        ("Ein Rechteck ziehen, um nach einem Bereich zu filtern; einen Punkt anklicken, um nach seinem Cluster zu filtern",
         "Arrastre un rectángulo para filtrar por una región; haga clic en un punto para filtrar por su clúster"),
    "no cluster": ("kein Cluster", "sin clúster"),
    "cluster %1": ("Cluster %1", "clúster %1"),
    "severity %1": ("Schweregrad %1", "gravedad %1"),
    "other": ("sonstige", "otros"),
    "Clusters (2-D projection, %L1 sampled points)": ("Cluster (2-D-Projektion, %L1 Stichprobenpunkte)", "Clústeres (proyección 2D, %L1 puntos muestreados)"),
    "Reset zoom": ("Zoom zurücksetzen", "Restablecer zoom"),
    "Colour by:": ("Färben nach:", "Colorear por:"),
    "Cluster": ("Cluster", "Clúster"),
    "Label": ("Einstufung", "Etiqueta"),
    "Severity": ("Schweregrad", "Gravedad"),
    "Size": ("Größe", "Tamaño"),
    "Anomalies": ("Anomalien", "Anomalías"),
    "Min score": ("Min. Bewertung", "Puntuación mín."),
    "Mean": ("Mittelwert", "Media"),
    "Max score": ("Max. Bewertung", "Puntuación máx."),
    "Dominant values": ("Vorherrschende Werte", "Valores dominantes"),
    "Double-click a cluster to filter the triage table on it":
        ("Doppelklick auf einen Cluster filtert die Triage-Tabelle danach", "Haga doble clic en un clúster para filtrar la tabla de triaje por él"),
    "Threshold %1 · ≈%L2 records above (%3%) · expected FPR ≈ %4% (%5)":
        ("Schwellenwert %1 · ≈%L2 Einträge darüber (%3 %) · erwartete FPR ≈ %4 % (%5)",
         "Umbral %1 · ≈%L2 registros por encima (%3 %) · FPR esperada ≈ %4 % (%5)"),
    "from benign labels": ("aus harmlosen Einstufungen", "según las etiquetas benignas"),
    "share of all records; label benign rows to refine":
        ("Anteil aller Einträge; harmlose Zeilen einstufen, um ihn zu verfeinern", "proporción de todos los registros; etiquete filas benignas para afinarla"),
    "Loading charts…": ("Diagramme werden geladen…", "Cargando gráficos…"),
    "Explorer: aggregate scores": ("Explorer: Bewertungen zusammenfassen", "Explorador: agregar puntuaciones"),
    "%L1 scores · %L2 points in the scatter sample": ("%L1 Bewertungen · %L2 Punkte in der Streudiagramm-Stichprobe", "%L1 puntuaciones · %L2 puntos en la muestra de dispersión"),
    "Explorer: timeline at threshold %1": ("Explorer: Zeitverlauf bei Schwellenwert %1", "Explorador: cronología con umbral %1"),
    "Explorer: cluster summary": ("Explorer: Cluster-Übersicht", "Explorador: resumen de clústeres"),
    "score histogram": ("Bewertungshistogramm", "histograma de puntuaciones"),
    "timeline": ("Zeitverlauf", "cronología"),
    "Cancelled.": ("Abgebrochen.", "Cancelado."),
    "cluster sample": ("Cluster-Stichprobe", "muestra de clústeres"),
    "done": ("fertig", "hecho"),
    "Score distribution": ("Verteilung der Bewertungen", "Distribución de puntuaciones"),
    "records": ("Einträge", "registros"),
    "threshold": ("Schwellenwert", "umbral"),
    "score": ("Bewertung", "puntuación"),
    "records (log)": ("Einträge (log.)", "registros (log.)"),
    "Top contributing feature": ("Stärkstes Merkmal", "Característica que más contribuye"),
    "Contribution": ("Beitrag", "Contribución"),
    "Share": ("Anteil", "Parte"),
    "Share of the record's anomaly score": ("Anteil am Anomaliewert des Eintrags", "Parte de la puntuación de anomalía del registro"),
    "The features whose reconstruction loss makes up most of the record's score": (
        "Die Merkmale, deren Rekonstruktionsfehler den größten Teil des Werts ausmacht",
        "Las características cuya pérdida de reconstrucción forma la mayor parte de la puntuación del registro"),
    "Drag the red line to move the threshold": ("Die rote Linie ziehen, um den Schwellenwert zu verschieben", "Arrastre la línea roja para mover el umbral"),
    "Events and anomalies over time (UTC)": ("Ereignisse und Anomalien im Zeitverlauf (UTC)", "Eventos y anomalías a lo largo del tiempo (UTC)"),
    "events": ("Ereignisse", "eventos"),
    "anomalies": ("Anomalien", "anomalías"),
    "events / bin": ("Ereignisse / Intervall", "eventos / intervalo"),
    "anomalies / bin": ("Anomalien / Intervall", "anomalías / intervalo"),
    "Wheel: zoom · drag: pan · Shift+drag: select a time range":
        ("Mausrad: Zoom · Ziehen: Verschieben · Umschalt+Ziehen: Zeitraum auswählen", "Rueda: zoom · arrastrar: desplazar · Mayús+arrastrar: seleccionar un intervalo de tiempo"),
    # Filter bar
    "Filter, e.g. score > 80 and status = 404 and ip in 10.0.0.0/8":
        ("Filter, z. B. score > 80 and status = 404 and ip in 10.0.0.0/8", "Filtro, p. ej. score > 80 and status = 404 and ip in 10.0.0.0/8"),
    "Fields with = != < <= > >=, in (a, b) or in 10.0.0.0/8, contains \"text\", between a and b; combine with and, or, not and parentheses. Press Enter to apply.":
        ("Felder mit = != < <= > >=, in (a, b) oder in 10.0.0.0/8, contains \"Text\", between a and b; verknüpfen mit and, or, not und Klammern. Eingabetaste wendet den Filter an.",
         "Campos con = != < <= > >=, in (a, b) o in 10.0.0.0/8, contains \"texto\", between a and b; combínelos con and, or, not y paréntesis. Pulse Intro para aplicar."),
    "Saved filters": ("Gespeicherte Filter", "Filtros guardados"),
    "Save…": ("Speichern…", "Guardar…"),
    "Save the current filter under a name": ("Den aktuellen Filter unter einem Namen speichern", "Guardar el filtro actual con un nombre"),
    "✓ valid filter": ("✓ gültiger Filter", "✓ filtro válido"),
    "Saved filters…": ("Gespeicherte Filter…", "Filtros guardados…"),
    "Save filter": ("Filter speichern", "Guardar filtro"),
    "Name:": ("Name:", "Nombre:"),
    # Schema
    "(none: unseen or missing)": ("(keine: unbekannt oder fehlend)", "(ninguno: no visto o ausente)"),
    "%1 features; the 1 marks %2": ("%1 Merkmale; die 1 markiert %2", "%1 características; el 1 marca %2"),
    "nothing": ("nichts", "nada"),
    "Block": ("Block", "Bloque"),
    "Feature": ("Merkmal", "Característica"),
    "Encoded": ("Kodiert", "Codificado"),
    "all": ("alle", "todas"),
    "%1 categories kept%2": ("%1 Kategorien behalten%2", "%1 categorías conservadas%2"),
    " + OTHER": (" + SONSTIGE", " + OTRAS"),
    "Column": ("Spalte", "Columna"),
    "Type": ("Typ", "Tipo"),
    "Role": ("Rolle", "Función"),
    "Encoding": ("Kodierung", "Codificación"),
    "Transform": ("Transformation", "Transformación"),
    "Top-K": ("Top-K", "Top-K"),
    "Distinct": ("Verschieden", "Distintos"),
    "Width": ("Breite", "Ancho"),
    "Missing": ("Fehlend", "Ausentes"),
    "Top values": ("Häufigste Werte", "Valores más frecuentes"),
    "(empty)": ("(leer)", "(vacío)"),
    "Save schema": ("Schema speichern", "Guardar esquema"),
    "record ": ("Eintrag ", "registro "),
    "sample record ": ("Stichprobeneintrag ", "registro de muestra "),
    "<br>Fitted on a uniform sample of %L1 of the %L2 records, as training does; counts are the sample's.": (
        "<br>Angepasst an eine gleichverteilte Stichprobe von %L1 der %L2 Einträge, wie beim Training; die Zählungen sind die der Stichprobe.",
        "<br>Ajustado sobre una muestra uniforme de %L1 de los %L2 registros, como en el entrenamiento; los recuentos son de la muestra."),
    "Non-zero features of the chosen record": ("Von null verschiedene Merkmale des gewählten Eintrags", "Características distintas de cero del registro elegido"),
    "Encoded vector of": ("Kodierter Vektor von", "Vector codificado del"),
    "Inferring the schema…": ("Schema wird abgeleitet…", "Infiriendo el esquema…"),
    "Infer schema": ("Schema ableiten", "Inferir esquema"),
    "Loading dataset %1…": ("Datensatz %1 wird geladen…", "Cargando el conjunto de datos %1…"),
    "Load dataset %1 for the schema": ("Datensatz %1 für das Schema laden", "Cargar el conjunto de datos %1 para el esquema"),
    "<b>Total width %1</b> — %2 one-hot + %3 numeric features from %4 of %5 columns%6":
        ("<b>Gesamtbreite %1</b> — %2 One-Hot- + %3 numerische Merkmale aus %4 von %5 Spalten%6",
         "<b>Ancho total %1</b> — %2 características one-hot + %3 numéricas de %4 de %5 columnas%6"),
    ", profile %1": (", Profil %1", ", perfil %1"),
    "Re-fitting the schema…": ("Schema wird neu angepasst…", "Reajustando el esquema…"),
    "Re-fit schema": ("Schema neu anpassen", "Reajustar esquema"),
    "Encode record %1": ("Eintrag %1 kodieren", "Codificar el registro %1"),
    "Record %1 (id %2): %3 non-zero features": ("Eintrag %1 (ID %2): %3 von null verschiedene Merkmale", "Registro %1 (id %2): %3 características distintas de cero"),
    "Save schema of dataset %1": ("Schema von Datensatz %1 speichern", "Guardar el esquema del conjunto de datos %1"),
    "Schema saved (#%1).": ("Schema gespeichert (#%1).", "Esquema guardado (n.º %1)."),
    # Record inspector
    "Select a record to inspect it.": ("Wählen Sie einen Eintrag, um ihn zu untersuchen.", "Seleccione un registro para inspeccionarlo."),
    "Field": ("Feld", "Campo"),
    "Value": ("Wert", "Valor"),
    "Loading record %1…": ("Eintrag %1 wird geladen…", "Cargando el registro %1…"),
    "Record %1": ("Eintrag %1", "Registro %1"),
    "Record %1 · %2 = %3": ("Eintrag %1 · %2 = %3", "Registro %1 · %2 = %3"),
    "contribution": ("Beitrag", "contribución"),
    # Report dialog
    "&Open the file when it is written": ("Datei nach dem Schreiben &öffnen", "&Abrir el archivo cuando esté escrito"),
    "Run %1 — %2 on %3": ("Lauf %1 — %2 auf %3", "Ejecución %1 — %2 sobre %3"),
    "HTML report (one self-contained file)": ("HTML-Bericht (eine eigenständige Datei)", "Informe HTML (un único archivo autónomo)"),
    "PDF report": ("PDF-Bericht", "Informe PDF"),
    "CSV of labelled items": ("CSV der eingestuften Einträge", "CSV de los elementos etiquetados"),
    "JSON of labelled items": ("JSON der eingestuften Einträge", "JSON de los elementos etiquetados"),
    "&Browse…": ("&Durchsuchen…", "Exa&minar…"),
    "&Run:": ("&Lauf:", "&Ejecución:"),
    "&Format:": ("&Format:", "&Formato:"),
    "&Save to:": ("&Speichern unter:", "&Guardar en:"),
    "&Export": ("&Exportieren", "E&xportar"),
    "%1 files (*.%2)": ("%1-Dateien (*.%2)", "Archivos %1 (*.%2)"),
    "Choose a run and a file to write.": ("Wählen Sie einen Lauf und eine Zieldatei.", "Elija una ejecución y un archivo de destino."),
    # Training
    "Train on rows labelled normal only": ("Nur auf als normal eingestuften Zeilen trainieren", "Entrenar solo con filas etiquetadas como normales"),
    "Train Model — %1": ("Modell trainieren — %1", "Entrenar modelo — %1"),
    "Autoencoder (unsupervised, default)": ("Autoencoder (unüberwacht, Standard)", "Autocodificador (no supervisado, predeterminado)"),
    "Categorical VAE, Gumbel-softmax (unsupervised)": ("Kategorialer VAE, Gumbel-Softmax (unüberwacht)", "VAE categórico, Gumbel-softmax (no supervisado)"),
    "Supervised classifier (uses the data set's labels)": ("Überwachter Klassifikator (nutzt die Labels des Datensatzes)", "Clasificador supervisado (usa las etiquetas del conjunto de datos)"),
    "Unsupervised models learn what normal looks like and need no labels.":
        ("Unüberwachte Modelle lernen, wie Normalverhalten aussieht, und brauchen keine Labels.",
         "Los modelos no supervisados aprenden cómo es lo normal y no necesitan etiquetas."),
    "Share of the training rows held out for early stopping and threshold calibration.":
        ("Anteil der Trainingszeilen, der für frühes Stoppen und die Kalibrierung des Schwellenwerts zurückgehalten wird.",
         "Proporción de filas de entrenamiento reservada para la parada temprana y la calibración del umbral."),
    "off": ("aus", "desactivado"),
    "Stop when the validation loss has not improved for this many epochs.":
        ("Anhalten, wenn sich der Validierungsverlust so viele Epochen lang nicht verbessert hat.",
         "Detener cuando la pérdida de validación no haya mejorado durante este número de épocas."),
    "The alert threshold is set so that this share of clean held-out rows would be flagged.":
        ("Der Alarmschwellenwert wird so gesetzt, dass dieser Anteil sauberer zurückgehaltener Zeilen markiert würde.",
         "El umbral de alerta se fija de modo que se señalaría esta proporción de filas limpias reservadas."),
    "&Model:": ("&Modell:", "&Modelo:"),
    "&Epochs:": ("&Epochen:", "Ép&ocas:"),
    "&Batch size:": ("&Batchgröße:", "Tamaño de &lote:"),
    "&Learning rate:": ("&Lernrate:", "Tasa de &aprendizaje:"),
    "&Validation share:": ("&Validierungsanteil:", "Proporción de &validación:"),
    "Early-stopping &patience:": ("&Geduld für frühes Stoppen:", "&Paciencia de parada temprana:"),
    "Target &false-positive rate:": ("Angestrebte &Falsch-Positiv-Rate:", "Tasa de &falsos positivos objetivo:"),
    "&Seed:": ("&Startwert:", "&Semilla:"),
    "&Train": ("&Trainieren", "&Entrenar"),
    "&Cancel Training": ("Training &abbrechen", "&Cancelar entrenamiento"),
    "training loss": ("Trainingsverlust", "pérdida de entrenamiento"),
    "validation loss": ("Validierungsverlust", "pérdida de validación"),
    "epoch": ("Epoche", "época"),
    "loss": ("Verlust", "pérdida"),
    "Preparing data…": ("Daten werden vorbereitet…", "Preparando los datos…"),
    "epoch %v of %m": ("Epoche %v von %m", "época %v de %m"),
    "Epoch %1 of %2 · training loss %3 · validation loss %4 (best %5) · %6 rows/s · about %7 s left":
        ("Epoche %1 von %2 · Trainingsverlust %3 · Validierungsverlust %4 (bester %5) · %6 Zeilen/s · noch etwa %7 s",
         "Época %1 de %2 · pérdida de entrenamiento %3 · pérdida de validación %4 (mejor %5) · %6 filas/s · quedan unos %7 s"),
    "n/a": ("k. A.", "n/d"),
    # Triage
    "Suppressed by a \"never flag this value\" rule": ("Unterdrückt durch eine Regel „diesen Wert nie markieren“", "Suprimido por una regla «no señalar nunca este valor»"),
    "Tags: %1\nNote: %2": ("Tags: %1\nNotiz: %2", "Marcas: %1\nNota: %2"),
    "suppressed": ("unterdrückt", "suprimido"),
    "Filter field: %1": ("Filterfeld: %1", "Campo de filtro: %1"),
    "Events": ("Ereignisse", "Eventos"),
    "First seen": ("Zuerst gesehen", "Visto por primera vez"),
    "Last seen": ("Zuletzt gesehen", "Visto por última vez"),
    "Score": ("Bewertung", "Puntuación"),
    "record %1": ("Eintrag %1", "registro %1"),
    "Hide suppressed": ("Unterdrückte ausblenden", "Ocultar suprimidos"),
    "Undo label": ("Einstufung rückgängig", "Deshacer etiqueta"),
    "Redo label": ("Einstufung wiederholen", "Rehacer etiqueta"),
    "Records": ("Einträge", "Registros"),
    "Entities": ("Entitäten", "Entidades"),
    "Show single records, or one row per entity (e.g. client address)":
        ("Einzelne Einträge zeigen oder eine Zeile pro Entität (z. B. Client-Adresse)", "Mostrar registros individuales o una fila por entidad (p. ej. dirección del cliente)"),
    "Entity column: groups the Entities view; entity labels apply to its records":
        ("Entitätsspalte: gruppiert die Entitätenansicht; Einstufungen einer Entität gelten für ihre Einträge",
         "Columna de entidad: agrupa la vista de entidades; las etiquetas de una entidad se aplican a sus registros"),
    "Columns": ("Spalten", "Columnas"),
    "Hide rows matched by \"never flag this value\" rules": ("Zeilen ausblenden, die von Regeln „diesen Wert nie markieren“ erfasst werden", "Ocultar las filas que coinciden con reglas «no señalar nunca este valor»"),
    "View:": ("Ansicht:", "Vista:"),
    "Entity:": ("Entität:", "Entidad:"),
    "Malicious (1)": ("Bösartig (1)", "Malicioso (1)"),
    "Label the selection malicious": ("Auswahl als bösartig einstufen", "Etiquetar la selección como maliciosa"),
    "Benign (2)": ("Harmlos (2)", "Benigno (2)"),
    "Label the selection benign": ("Auswahl als harmlos einstufen", "Etiquetar la selección como benigna"),
    "Review (3)": ("Prüfen (3)", "Revisar (3)"),
    "Mark the selection for review": ("Auswahl zur Prüfung vormerken", "Marcar la selección para revisión"),
    "Clear (0)": ("Löschen (0)", "Borrar (0)"),
    "Remove the verdict of the selection": ("Einstufung der Auswahl entfernen", "Quitar el veredicto de la selección"),
    "Label cluster…": ("Cluster einstufen…", "Etiquetar clúster…"),
    "Label every record of the current row's cluster malicious":
        ("Alle Einträge des Clusters der aktuellen Zeile als bösartig einstufen", "Etiquetar como maliciosos todos los registros del clúster de la fila actual"),
    "Never flag this value": ("Diesen Wert nie markieren", "No señalar nunca este valor"),
    "Suppress rows whose value in the current column equals the current cell's":
        ("Zeilen unterdrücken, deren Wert in der aktuellen Spalte dem der aktuellen Zelle entspricht",
         "Suprimir las filas cuyo valor en la columna actual es igual al de la celda actual"),
    "tags, comma-separated": ("Tags, durch Kommas getrennt", "marcas, separadas por comas"),
    "note": ("Notiz", "nota"),
    "Set tags/note": ("Tags/Notiz setzen", "Asignar marcas/nota"),
    "Store the tags and note on the selection": ("Tags und Notiz an der Auswahl speichern", "Guardar las marcas y la nota en la selección"),
    "%L1 %2 · %3 ms": ("%L1 %2 · %3 ms", "%L1 %2 · %3 ms"),
    "entities": ("Entitäten", "entidades"),
    "rows": ("Zeilen", "filas"),
    "Undo %1": ("%1 rückgängig machen", "Deshacer: %1"),
    "Redo %1": ("%1 wiederholen", "Rehacer: %1"),
    "No further anomaly in this direction.": ("Keine weitere Anomalie in dieser Richtung.", "No hay más anomalías en esta dirección."),
    "Select rows to label.": ("Wählen Sie Zeilen zum Einstufen.", "Seleccione filas para etiquetar."),
    "The current row has no cluster.": ("Die aktuelle Zeile hat keinen Cluster.", "La fila actual no tiene clúster."),
    "Pick a data cell (e.g. a user agent or path) to suppress its value.":
        ("Wählen Sie eine Datenzelle (z. B. einen User-Agent oder Pfad), um ihren Wert zu unterdrücken.",
         "Elija una celda de datos (p. ej. un agente de usuario o una ruta) para suprimir su valor."),
    "from the triage table": ("aus der Triage-Tabelle", "desde la tabla de triaje"),
    "Cluster %1 has no records.": ("Cluster %1 hat keine Einträge.", "El clúster %1 no tiene registros."),
    "Undone: %1": ("Rückgängig gemacht: %1", "Deshecho: %1"),
    "Redone: %1": ("Wiederholt: %1", "Rehecho: %1"),
    "Label %1 malicious": ("%1 als bösartig einstufen", "Etiquetar %1 como malicioso"),
    "Label %1 benign": ("%1 als harmlos einstufen", "Etiquetar %1 como benigno"),
    "Mark %1 for review": ("%1 zur Prüfung vormerken", "Marcar %1 para revisión"),
    "Clear the verdict of %1": ("Einstufung von %1 entfernen", "Quitar el veredicto de %1"),
    "%1 countries kept%2; ": ("%1 Länder behalten%2; ", "%1 países conservados%2; "),
    "&Re-rank from Labels": ("Nach &Labels neu ordnen", "&Reordenar según etiquetas"),
    ", %1 – %2": (", %1 – %2", ", %1 – %2"),
    "Cluster map": ("Cluster-Karte", "Mapa de clústeres"),
    "Cluster summary": ("Cluster-Übersicht", "Resumen de clústeres"),
    "Moving the threshold of run %1": ("Schwelle von Lauf %1 wird verschoben", "Moviendo el umbral de la ejecución %1"),
    "No entity column: no session to show.": ("Keine Entitätsspalte: keine Sitzung anzuzeigen.", "Sin columna de entidad: no hay sesión que mostrar."),
    "Re-rank from Labels": ("Nach Labels neu ordnen", "Reordenar según etiquetas"),
    "Re-ranking run %1 from labels": ("Lauf %1 wird nach Labels neu geordnet", "Reordenando la ejecución %1 según las etiquetas"),
    "Run %1 re-ranked from labels of run %2\n\nTrained on %3 malicious and %4 benign labelled records, plus %5 unlabelled records below the old threshold as benign examples.\n%6 records have P(malicious) ≥ 0.5, %7 of them not labelled yet: filter with  label = none  and sort by score to triage them first.": (
        "Lauf %1 nach den Labels von Lauf %2 neu geordnet\n\nTrainiert mit %3 als bösartig und %4 als harmlos eingestuften Einträgen sowie %5 nicht eingestuften Einträgen unter der alten Schwelle als harmlose Beispiele.\n%6 Einträge haben P(bösartig) ≥ 0,5, davon %7 noch nicht eingestuft: mit  label = none  filtern und nach Bewertung sortieren, um sie zuerst zu prüfen.",
        "Ejecución %1 reordenada según las etiquetas de la ejecución %2\n\nEntrenado con %3 registros etiquetados como maliciosos y %4 como benignos, más %5 registros sin etiquetar bajo el umbral anterior como ejemplos benignos.\n%6 registros tienen P(malicioso) ≥ 0,5, %7 de ellos aún sin etiquetar: filtre con  label = none  y ordene por puntuación para revisarlos primero."),
    "Session (%1 · start)": ("Sitzung (%1 · Beginn)", "Sesión (%1 · inicio)"),
    "Session events: %L1%2 (showing %L3; %5 events in all: %L4)": (
        "Ereignisse der Sitzung: %L1%2 (%L3 angezeigt; Ereignisse dieser %5 insgesamt: %L4)",
        "Eventos de la sesión: %L1%2 (se muestran %L3; eventos de esta %5 en total: %L4)"),
    "Sessions": ("Sitzungen", "Sesiones"),
    "Show single records, one row per entity (e.g. client address), or one row per session (an entity's events with no pause over 30 minutes); labelling a session labels its records": (
        "Einzelne Einträge, eine Zeile je Entität (z. B. Client-Adresse) oder eine Zeile je Sitzung (Ereignisse einer Entität ohne Pause über 30 Minuten) anzeigen; eine Sitzung einzustufen stuft ihre Einträge ein",
        "Mostrar registros individuales, una fila por entidad (p. ej. dirección del cliente) o una fila por sesión (eventos de una entidad sin pausas de más de 30 minutos); etiquetar una sesión etiqueta sus registros"),
    "Show the whole time span again (drag on the timeline to zoom in and filter)": (
        "Wieder den ganzen Zeitraum zeigen (auf der Zeitleiste ziehen, um zu zoomen und zu filtern)",
        "Mostrar de nuevo todo el intervalo (arrastre en la línea de tiempo para ampliar y filtrar)"),
    "Threshold": ("Schwelle", "Umbral"),
    "Train the supervised classifier on your malicious/benign labels of this run and re-score every record, so what is left to triage comes first": (
        "Den überwachten Klassifikator mit Ihren Einstufungen (bösartig/harmlos) dieses Laufs trainieren und alle Einträge neu bewerten, damit das noch zu Prüfende zuerst kommt",
        "Entrenar el clasificador supervisado con sus etiquetas malicioso/benigno de esta ejecución y volver a puntuar cada registro, para que lo que queda por revisar aparezca primero"),
    "With a project: open its scoring run <id> (0 = the newest).": (
        "Mit einem Projekt: dessen Bewertungslauf <id> öffnen (0 = der neueste).",
        "Con un proyecto: abrir su ejecución de puntuación <id> (0 = la más reciente)."),
    "score (last bar also counts scores up to %1)": ("Bewertung (der letzte Balken zählt auch Werte bis %1)", "puntuación (la última barra también cuenta valores hasta %1)"),
    "sessions": ("Sitzungen", "sesiones"),
    # Evaluation of a run (ui/explorer/evaluationview.cpp)
    "%1 (normal traffic: flagged rows are false alarms)": ("%1 (normaler Verkehr: markierte Zeilen sind Fehlalarme)", "%1 (tráfico normal: las filas marcadas son falsas alarmas)"),
    "&Evaluate Run Against Labels": ("Lauf gegen Labels &auswerten", "&Evaluar ejecución contra etiquetas"),
    "AUROC %1 · average precision %2": ("AUROC %1 · mittlere Präzision %2", "AUROC %1 · precisión media %2"),
    "At the run's threshold %1: %L2 of %L3 attacks flagged (TPR %4 %), %L5 false alarms (FPR %6 %), precision %7 %": (
        "An der Schwelle des Laufs %1: %L2 von %L3 Angriffen markiert (TPR %4 %), %L5 Fehlalarme (FPR %6 %), Präzision %7 %",
        "En el umbral de la ejecución %1: %L2 de %L3 ataques marcados (TPR %4 %), %L5 falsas alarmas (FPR %6 %), precisión %7 %"),
    "Attack family / class": ("Angriffsfamilie / Klasse", "Familia de ataque / clase"),
    "Calibrated for %1 % FPR on held-out clean rows (threshold %2): TPR %3 %, realized FPR %4 %": (
        "Kalibriert auf %1 % FPR an zurückgehaltenen sauberen Zeilen (Schwelle %2): TPR %3 %, erreichte FPR %4 %",
        "Calibrado para %1 % FPR con filas limpias reservadas (umbral %2): TPR %3 %, FPR obtenida %4 %"),
    "Detected": ("Erkannt", "Detectado"),
    "Evaluating run %1": ("Lauf %1 wird ausgewertet", "Evaluando la ejecución %1"),
    "Evaluating run %1 against its data set's labels…": ("Lauf %1 wird gegen die Labels seines Datensatzes ausgewertet…", "Evaluando la ejecución %1 contra las etiquetas de su conjunto de datos…"),
    "Evaluation of run %1": ("Auswertung von Lauf %1", "Evaluación de la ejecución %1"),
    "Flagged": ("Markiert", "Marcadas"),
    "Precision against recall": ("Präzision gegen Trefferquote", "Precisión frente a exhaustividad"),
    "ROC and precision/recall curves, AUROC, detection per attack class of the current run, against the label column of its data set": (
        "ROC- und Präzision/Trefferquote-Kurven, AUROC, Erkennung je Angriffsklasse des aktuellen Laufs, gegen die Label-Spalte seines Datensatzes",
        "Curvas ROC y de precisión/exhaustividad, AUROC, detección por clase de ataque de la ejecución actual, contra la columna de etiquetas de su conjunto de datos"),
    "ROC: detected attacks against false alarms": ("ROC: erkannte Angriffe gegen Fehlalarme", "ROC: ataques detectados frente a falsas alarmas"),
    "Read off the ROC (uses these labels): TPR %1 % at 1 % FPR, %2 % at 5 % FPR": (
        "An der ROC abgelesen (nutzt diese Labels): TPR %1 % bei 1 % FPR, %2 % bei 5 % FPR",
        "Leído de la ROC (usa estas etiquetas): TPR %1 % con 1 % FPR, %2 % con 5 % FPR"),
    "Rows flagged at the run's threshold; families first, then classes with the most missed rows first": (
        "An der Schwelle des Laufs markierte Zeilen; zuerst Familien, dann Klassen mit den meisten verpassten Zeilen zuerst",
        "Filas marcadas en el umbral de la ejecución; primero las familias, luego las clases con más filas no detectadas primero"),
    "Run %1 against its data set's labels: %L2 rows (%L3 attacks, %L4 normal)": (
        "Lauf %1 gegen die Labels seines Datensatzes: %L2 Zeilen (%L3 Angriffe, %L4 normal)",
        "Ejecución %1 contra las etiquetas de su conjunto de datos: %L2 filas (%L3 ataques, %L4 normales)"),
    "calibrated thresholds": ("kalibrierte Schwellen", "umbrales calibrados"),
    "chance": ("Zufall", "azar"),
    "false-positive rate (log scale)": ("Falsch-positiv-Rate (logarithmisch)", "tasa de falsos positivos (escala logarítmica)"),
    "family: %1": ("Familie: %1", "familia: %1"),
    "model": ("Modell", "modelo"),
    "precision": ("Präzision", "precisión"),
    "recall (true-positive rate)": ("Trefferquote (Richtig-positiv-Rate)", "exhaustividad (tasa de verdaderos positivos)"),
    "run threshold": ("Schwelle des Laufs", "umbral de la ejecución"),
    "score > %1: TPR %2 %, FPR %3 %": ("Bewertung > %1: TPR %2 %, FPR %3 %", "puntuación > %1: TPR %2 %, FPR %3 %"),
    "true-positive rate": ("Richtig-positiv-Rate", "tasa de verdaderos positivos"),
    "from the data set's %L1 normal rows": ("aus den %L1 normalen Zeilen des Datensatzes", "de las %L1 filas normales del conjunto de datos"),
    "No timeline: %1": ("Keine Zeitleiste: %1", "Sin línea de tiempo: %1"),
    "External TorchScript model (.pt file, not trained here)": ("Externes TorchScript-Modell (.pt-Datei, hier nicht trainiert)", "Modelo TorchScript externo (archivo .pt, no se entrena aquí)"),
    "TorchScript module saved with torch.jit.save": ("Mit torch.jit.save gespeichertes TorchScript-Modul", "Módulo TorchScript guardado con torch.jit.save"),
    "A module mapping an [N, width] batch of this data set's encoded rows to a score per row or to a reconstruction; its threshold is calibrated on the data set's normal rows (all rows without labels).": ("Ein Modul, das einen [N, Breite]-Stapel kodierter Zeilen dieses Datensatzes auf eine Bewertung je Zeile oder eine Rekonstruktion abbildet; sein Schwellenwert wird an den normalen Zeilen des Datensatzes kalibriert (ohne Labels an allen Zeilen).", "Un módulo que transforma un lote [N, ancho] de filas codificadas de este conjunto de datos en una puntuación por fila o en una reconstrucción; su umbral se calibra con las filas normales del conjunto de datos (con todas las filas si no hay etiquetas)."),
    "TorchScript Model": ("TorchScript-Modell", "Modelo TorchScript"),
    "TorchScript modules (*.pt *.pth *.ts);;All files (*)": ("TorchScript-Module (*.pt *.pth *.ts);;Alle Dateien (*)", "Módulos TorchScript (*.pt *.pth *.ts);;Todos los archivos (*)"),
    "Module &file:": ("Modul&datei:", "&Archivo del módulo:"),
    "&Load": ("&Laden", "&Cargar"),
    "Choose the TorchScript module file to load.": ("Wählen Sie die zu ladende TorchScript-Moduldatei.", "Elija el archivo del módulo TorchScript que se cargará."),
    "There is no file %1.": ("Die Datei %1 gibt es nicht.", "No existe el archivo %1."),
    "The alert threshold is set so that this share of the data set's normal rows (all rows without labels) would be flagged.": ("Der Alarmschwellenwert wird so gesetzt, dass dieser Anteil der normalen Zeilen des Datensatzes (ohne Labels aller Zeilen) markiert würde.", "El umbral de alerta se fija para que se marque esta proporción de las filas normales del conjunto de datos (de todas las filas si no hay etiquetas)."),
    "TorchScript model loaded and calibrated. Threshold %1: %2 of %3 records flagged.": ("TorchScript-Modell geladen und kalibriert. Schwellenwert %1: %2 von %3 Einträgen markiert.", "Modelo TorchScript cargado y calibrado. Umbral %1: %2 de %3 registros marcados."),
}

# Plural forms (numerus="yes"): English (one, other), German (one, other), Spanish (one, other).
NUMERUS = {
    "%n session(s)": (["%n session", "%n sessions"], ["%n Sitzung", "%n Sitzungen"], ["%n sesión", "%n sesiones"]),
    "Threshold %1 saved: %n record(s) flagged": (["Threshold %1 saved: %n record flagged", "Threshold %1 saved: %n records flagged"],
                                                 ["Schwelle %1 gespeichert: %n Eintrag markiert", "Schwelle %1 gespeichert: %n Einträge markiert"],
                                                 ["Umbral %1 guardado: %n registro marcado", "Umbral %1 guardado: %n registros marcados"]),
    "%n entities": (["%n entity", "%n entities"], ["%n Entität", "%n Entitäten"], ["%n entidad", "%n entidades"]),
    "%n records": (["%n record", "%n records"], ["%n Eintrag", "%n Einträge"], ["%n registro", "%n registros"]),
    "%n suppression rule(s) active.": (["%n suppression rule active.", "%n suppression rules active."],
                                       ["%n Unterdrückungsregel aktiv.", "%n Unterdrückungsregeln aktiv."],
                                       ["%n regla de supresión activa.", "%n reglas de supresión activas."]),
    "Edit tags/note of %n item(s)": (["Edit tags/note of %n item", "Edit tags/note of %n items"],
                                     ["Tags/Notiz von %n Eintrag bearbeiten", "Tags/Notiz von %n Einträgen bearbeiten"],
                                     ["Editar marcas/nota de %n elemento", "Editar marcas/nota de %n elementos"]),
    "cluster %1 (%n record(s))": (["cluster %1 (%n record)", "cluster %1 (%n records)"],
                                  ["Cluster %1 (%n Eintrag)", "Cluster %1 (%n Einträge)"],
                                  ["clúster %1 (%n registro)", "clúster %1 (%n registros)"]),
}

LANGUAGES = (("en", None), ("de", 0), ("es", 1))

missing = set()
for lang, col in LANGUAGES:
    path = f"translations/vigil_{lang}.ts"
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        tr = message.find("translation")
        if message.get("numerus") == "yes":
            if source not in NUMERUS:
                missing.add(source)
                continue
            forms = NUMERUS[source][{"en": 0, "de": 1, "es": 2}[lang]]
            for child in list(tr):
                tr.remove(child)
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
            tr.text = None
            tr.attrib.pop("type", None)
        elif col is None:
            continue  # English is the source language: an empty translation shows the source text
        elif source in GLOSSARY:
            tr.text = GLOSSARY[source][col]
            tr.attrib.pop("type", None)
        else:
            missing.add(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)

if missing:
    print("untranslated:", *sorted(missing), sep="\n  ")
    sys.exit(1)
