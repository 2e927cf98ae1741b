<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QObject</name>
    <message>
        <source>Import %1</source>
        <translation>Importar %1</translation>
    </message>
    <message>
        <source>Import %1 files</source>
        <translation>Importar %1 archivos</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Anomaly-detection workbench for security analysts.</source>
        <translation>Banco de trabajo de detección de anomalías para analistas de seguridad.</translation>
    </message>
    <message>
        <source>Open the demo project built from the bundled web-server log.</source>
        <translation>Abrir el proyecto de demostración creado a partir del registro de servidor web incluido.</translation>
    </message>
    <message>
        <source>Compute device: auto, cpu or cuda.</source>
        <translation>Dispositivo de cálculo: auto, cpu o cuda.</translation>
    </message>
    <message>
        <source>Intra-op threads (0 = all cores).</source>
        <translation>Hilos intra-op (0 = todos los núcleos).</translation>
    </message>
    <message>
        <source>Project file to open (*.vigil).</source>
        <translation>Archivo de proyecto que abrir (*.vigil).</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>%1
Vigil will use the CPU.</source>
        <translation>%1
Vigil usará la CPU.</translation>
    </message>
    <message>
        <source>Preparing the demo project</source>
        <translation>Preparando el proyecto de demostración</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>With a project: open its scoring run &lt;id&gt; (0 = the newest).</source>
        <translation>Con un proyecto: abrir su ejecución de puntuación &lt;id&gt; (0 = la más reciente).</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ClusterScatterView</name>
    <message>
        <source>Drag a rectangle to filter on a region; click a point to filter on its cluster</source>
        <translation>Arrastre un rectángulo para filtrar por una región; haga clic en un punto para filtrar por su clúster</translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation>sin clúster</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>clúster %1</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>gravedad %1</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otros</translation>
    </message>
    <message>
        <source>Clusters (2-D projection, %L1 sampled points)</source>
        <translation>Clústeres (proyección 2D, %L1 puntos muestreados)</translation>
    </message>
    <message>
        <source>No cluster map: this run&apos;s records have no 2-D projection (only the autoencoder and the VAE give one).</source>
        <translation>Sin mapa de clústeres: los registros de esta ejecución no tienen proyección 2-D (solo el autoencoder y el VAE la dan).</translation>
    </message>
    <message>
        <source>Clusters (%L1 points)</source>
        <translation>Clústeres (%L1 puntos)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EncodedRowModel</name>
    <message>
        <source>(none: unseen or missing)</source>
        <translation>(ninguno: no visto o ausente)</translation>
    </message>
    <message>
        <source>%1 features; the 1 marks %2</source>
        <translation>%1 características; el 1 marca %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloque</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Característica</translation>
    </message>
    <message>
        <source>Encoded</source>
        <translation>Codificado</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EvaluationView</name>
    <message>
        <source>ROC: detected attacks against false alarms</source>
        <translation>ROC: ataques detectados frente a falsas alarmas</translation>
    </message>
    <message>
        <source>Precision against recall</source>
        <translation>Precisión frente a exhaustividad</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>azar</translation>
    </message>
    <message>
        <source>calibrated thresholds</source>
        <translation>umbrales calibrados</translation>
    </message>
    <message>
        <source>run threshold</source>
        <translation>umbral de la ejecución</translation>
    </message>
    <message>
        <source>false-positive rate (log scale)</source>
        <translation>tasa de falsos positivos (escala logarítmica)</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>tasa de verdaderos positivos</translation>
    </message>
    <message>
        <source>recall (true-positive rate)</source>
        <translation>exhaustividad (tasa de verdaderos positivos)</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>Attack family / class</source>
        <translation>Familia de ataque / clase</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcadas</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Detectado</translation>
    </message>
    <message>
        <source>Rows flagged at the run&apos;s threshold; families first, then classes with the most missed rows first</source>
        <translation>Filas marcadas en el umbral de la ejecución; primero las familias, luego las clases con más filas no detectadas primero</translation>
    </message>
    <message>
        <source>score &gt; %1: TPR %2 %, FPR %3 %</source>
        <translation>puntuación &gt; %1: TPR %2 %, FPR %3 %</translation>
    </message>
    <message>
        <source>Evaluating run %1 against its data set&apos;s labels…</source>
        <translation>Evaluando la ejecución %1 contra las etiquetas de su conjunto de datos…</translation>
    </message>
    <message>
        <source>Evaluating run %1</source>
        <translation>Evaluando la ejecución %1</translation>
    </message>
    <message>
        <source>Run %1 against its data set&apos;s labels: %L2 rows (%L3 attacks, %L4 normal)</source>
        <translation>Ejecución %1 contra las etiquetas de su conjunto de datos: %L2 filas (%L3 ataques, %L4 normales)</translation>
    </message>
    <message>
        <source>AUROC %1 · average precision %2</source>
        <translation>AUROC %1 · precisión media %2</translation>
    </message>
    <message>
        <source>At the run&apos;s threshold %1: %L2 of %L3 attacks flagged (TPR %4 %), %L5 false alarms (FPR %6 %), precision %7 %</source>
        <translation>En el umbral de la ejecución %1: %L2 de %L3 ataques marcados (TPR %4 %), %L5 falsas alarmas (FPR %6 %), precisión %7 %</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on held-out clean rows (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation>Calibrado para %1 % FPR con filas limpias reservadas (umbral %2): TPR %3 %, FPR obtenida %4 %</translation>
    </message>
    <message>
        <source>Read off the ROC (uses these labels): TPR %1 % at 1 % FPR, %2 % at 5 % FPR</source>
        <translation>Leído de la ROC (usa estas etiquetas): TPR %1 % con 1 % FPR, %2 % con 5 % FPR</translation>
    </message>
    <message>
        <source>family: %1</source>
        <translation>familia: %1</translation>
    </message>
    <message>
        <source>%1 (normal traffic: flagged rows are false alarms)</source>
        <translation>%1 (tráfico normal: las filas marcadas son falsas alarmas)</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on the normal rows of the data set the model was loaded for (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation>Calibrado para un %1 % de FPR en las filas normales del conjunto de datos para el que se cargó el modelo (umbral %2): TPR %3 %, FPR obtenida %4 %</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on the records of held-out sessions (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation>Calibrado para un %1 % de FPR en los registros de sesiones reservadas (umbral %2): TPR %3 %, FPR obtenida %4 %</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on held-out clean sessions, each counted once (threshold %2): TPR %3 %, realized FPR %4 % of the records</source>
        <translation>Calibrado para un %1 % de FPR en sesiones limpias reservadas, cada una contada una vez (umbral %2): TPR %3 %, FPR obtenida %4 % de los registros</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ExplorerView</name>
    <message>
        <source>Reset zoom</source>
        <translation>Restablecer zoom</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Colorear por:</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalías</translation>
    </message>
    <message>
        <source>Min score</source>
        <translation>Puntuación mín.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>Puntuación máx.</translation>
    </message>
    <message>
        <source>Dominant values</source>
        <translation>Valores dominantes</translation>
    </message>
    <message>
        <source>Double-click a cluster to filter the triage table on it</source>
        <translation>Haga doble clic en un clúster para filtrar la tabla de triaje por él</translation>
    </message>
    <message>
        <source>from benign labels</source>
        <translation>según las etiquetas benignas</translation>
    </message>
    <message>
        <source>share of all records; label benign rows to refine</source>
        <translation>proporción de todos los registros; etiquete filas benignas para afinarla</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>Cargando gráficos…</translation>
    </message>
    <message>
        <source>Explorer: aggregate scores</source>
        <translation>Explorador: agregar puntuaciones</translation>
    </message>
    <message>
        <source>%L1 scores · %L2 points in the scatter sample</source>
        <translation>%L1 puntuaciones · %L2 puntos en la muestra de dispersión</translation>
    </message>
    <message>
        <source>Explorer: timeline at threshold %1</source>
        <translation>Explorador: cronología con umbral %1</translation>
    </message>
    <message>
        <source>Explorer: cluster summary</source>
        <translation>Explorador: resumen de clústeres</translation>
    </message>
    <message>
        <source>score histogram</source>
        <translation>histograma de puntuaciones</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>cronología</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>cluster sample</source>
        <translation>muestra de clústeres</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>Show the whole time span again (drag on the timeline to zoom in and filter)</source>
        <translation>Mostrar de nuevo todo el intervalo (arrastre en la línea de tiempo para ampliar y filtrar)</translation>
    </message>
    <message>
        <source>Cluster map</source>
        <translation>Mapa de clústeres</translation>
    </message>
    <message>
        <source>Cluster summary</source>
        <translation>Resumen de clústeres</translation>
    </message>
    <message>
        <source>from the data set&apos;s %L1 normal rows</source>
        <translation>de las %L1 filas normales del conjunto de datos</translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation>Sin línea de tiempo: %1</translation>
    </message>
    <message>
        <source>, ≈%L1 a day</source>
        <translation>, ≈%L1 al día</translation>
    </message>
    <message>
        <source>Threshold %1 · ≈%L2 records above (%3%%6) · expected FPR ≈ %4% (%5)</source>
        <translation>Umbral %1 · ≈%L2 registros por encima (%3 %%6) · FPR esperada ≈ %4 % (%5)</translation>
    </message>
    <message>
        <source>share of all sessions; label benign sessions to refine</source>
        <translation>proporción de todas las sesiones; etiquete sesiones benignas para afinarla</translation>
    </message>
    <message>
        <source>from the data set&apos;s %L1 normal sessions</source>
        <translation>de las %L1 sesiones normales del conjunto de datos</translation>
    </message>
    <message>
        <source>%L1 sessions · %L2 points in the scatter sample</source>
        <translation>%L1 sesiones · %L2 puntos en la muestra de dispersión</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Flagged sessions</source>
        <translation>Sesiones señaladas</translation>
    </message>
    <message>
        <source>Threshold %1 · %L2 sessions above (%3%%6) · expected FPR ≈ %4% (%5)</source>
        <translation>Umbral %1 · %L2 sesiones por encima (%3 %%6) · FPR esperada ≈ %4 % (%5)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::FilterBar</name>
    <message>
        <source>Filter, e.g. score &gt; 80 and status = 404 and ip in 10.0.0.0/8</source>
        <translation>Filtro, p. ej. score &gt; 80 and status = 404 and ip in 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Fields with = != &lt; &lt;= &gt; &gt;=, in (a, b) or in 10.0.0.0/8, contains &quot;text&quot;, between a and b; combine with and, or, not and parentheses. Press Enter to apply.</source>
        <translation>Campos con = != &lt; &lt;= &gt; &gt;=, in (a, b) o in 10.0.0.0/8, contains &quot;texto&quot;, between a and b; combínelos con and, or, not y paréntesis. Pulse Intro para aplicar.</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtros guardados</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Save the current filter under a name</source>
        <translation>Guardar el filtro actual con un nombre</translation>
    </message>
    <message>
        <source>✓ valid filter</source>
        <translation>✓ filtro válido</translation>
    </message>
    <message>
        <source>Saved filters…</source>
        <translation>Filtros guardados…</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Guardar filtro</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Detect from content</source>
        <translation>Detectar por el contenido</translation>
    </message>
    <message>
        <source>The log_format line of the nginx configuration that wrote the log.</source>
        <translation>La línea log_format de la configuración de nginx que escribió el registro.</translation>
    </message>
    <message>
        <source>the file name</source>
        <translation>el nombre del archivo</translation>
    </message>
    <message>
        <source>Preview (first %1 records of the first file)</source>
        <translation>Vista previa (primeros %1 registros del primer archivo)</translation>
    </message>
    <message>
        <source>Import logs or data sets</source>
        <translation>Importar registros o conjuntos de datos</translation>
    </message>
    <message>
        <source>Logs and data sets (*.log *.txt *.csv *.json *.gz);;All files (*)</source>
        <translation>Registros y conjuntos de datos (*.log *.txt *.csv *.json *.gz);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Add a log or data-set file (plain or gzip).</source>
        <translation>Añadir un archivo de registro o de conjunto de datos (sin comprimir o gzip).</translation>
    </message>
    <message>
        <source>Reading the first records…</source>
        <translation>Leyendo los primeros registros…</translation>
    </message>
    <message>
        <source>Preview %1</source>
        <translation>Vista previa de %1</translation>
    </message>
    <message>
        <source>Cannot read this file: %1</source>
        <translation>No se puede leer este archivo: %1</translation>
    </message>
    <message>
        <source>Format: %1 — %2 columns; %3 of the first %4 lines are bad.</source>
        <translation>Formato: %1 — %2 columnas; %3 de las primeras %4 líneas son erróneas.</translation>
    </message>
    <message>
        <source>Most common: %1.</source>
        <translation>Lo más frecuente: %1.</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Añadir archivos…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>nginx &amp;log_format:</source>
        <translation>&amp;log_format de nginx:</translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation>&amp;Nombre del conjunto de datos:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>File&amp;s:</source>
        <translation>Archi&amp;vos:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportPreviewModel</name>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportReportWidget</name>
    <message>
        <source>Bad lines by reason / example</source>
        <translation>Líneas erróneas por motivo / ejemplo</translation>
    </message>
    <message>
        <source>Count / line</source>
        <translation>Cantidad / línea</translation>
    </message>
    <message>
        <source>No import yet.</source>
        <translation>Aún no hay importaciones.</translation>
    </message>
    <message>
        <source>%1 — already imported (same content); nothing stored again</source>
        <translation>%1 — ya importado (mismo contenido); no se guarda nada de nuevo</translation>
    </message>
    <message>
        <source>%1 — %2 lines, %3 rows, %4 bad</source>
        <translation>%1 — %2 líneas, %3 filas, %4 erróneas</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobRunner</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobsModel</name>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobsPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Cancel the selected job, or the newest running one (Esc)</source>
        <translation>Cancelar la tarea seleccionada o la más reciente en curso (Esc)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Vigil projects (*.vigil);;All files (*)</source>
        <translation>Proyectos de Vigil (*.vigil);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Device: %1 · %2 threads</source>
        <translation>Dispositivo: %1 · %2 hilos</translation>
    </message>
    <message>
        <source>LibTorch %1
BLAS: %2</source>
        <translation>LibTorch %1
BLAS: %2</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>Tareas en curso: %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>Select a record, session or model to inspect it here.</source>
        <translation>Seleccione un registro, una sesión o un modelo para inspeccionarlo aquí.</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>Create a new investigation file (*.vigil)</source>
        <translation>Crear un nuevo archivo de investigación (*.vigil)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open an existing investigation file</source>
        <translation>Abrir un archivo de investigación existente</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Import Logs or Data Sets…</source>
        <translation>&amp;Importar registros o conjuntos de datos…</translation>
    </message>
    <message>
        <source>Access logs, Zeek logs, flow CSVs (NSL-KDD, KDD&apos;99, UNSW-NB15, CIC-IDS), gzip-compressed too</source>
        <translation>Registros de acceso, registros de Zeek, CSV de flujos (NSL-KDD, KDD&apos;99, UNSW-NB15, CIC-IDS), también comprimidos con gzip</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>&amp;Cerrar proyecto</translation>
    </message>
    <message>
        <source>E&amp;xport Case Bundle…</source>
        <translation>E&amp;xportar paquete del caso…</translation>
    </message>
    <message>
        <source>One file with the data, schema, models, thresholds, labels and report, for a colleague</source>
        <translation>Un único archivo con los datos, el esquema, los modelos, los umbrales, las etiquetas y el informe, para un colega</translation>
    </message>
    <message>
        <source>I&amp;mport Case Bundle…</source>
        <translation>I&amp;mportar paquete del caso…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Train Model…</source>
        <translation>&amp;Entrenar modelo…</translation>
    </message>
    <message>
        <source>Train an anomaly model on the selected data set (live loss curves, Cancel keeps the best epoch)</source>
        <translation>Entrenar un modelo de anomalías con el conjunto de datos seleccionado (curvas de pérdida en vivo; Cancelar conserva la mejor época)</translation>
    </message>
    <message>
        <source>&amp;Score Data Set…</source>
        <translation>&amp;Puntuar conjunto de datos…</translation>
    </message>
    <message>
        <source>Score a data set with a trained model (its schema is reused, never refitted)</source>
        <translation>Puntuar un conjunto de datos con un modelo entrenado (se reutiliza su esquema, nunca se reajusta)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Informe</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>&amp;Exportar informe…</translation>
    </message>
    <message>
        <source>HTML or PDF report of a scoring run, or CSV/JSON of the labelled items</source>
        <translation>Informe HTML o PDF de una ejecución de puntuación, o CSV/JSON de los elementos etiquetados</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>&amp;Acerca de Vigil</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vaciar lista</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>No se puede reemplazar %1.</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Creando %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Abriendo %1</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Creando</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Abriendo</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>%1 — Vigil</source>
        <translation>%1 — Vigil</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Ningún proyecto abierto</translation>
    </message>
    <message>
        <source>Welcome to Vigil</source>
        <translation>Bienvenido a Vigil</translation>
    </message>
    <message>
        <source>Find what is abnormal in web logs, Zeek sensors and IDS data sets.</source>
        <translation>Encuentre lo anómalo en registros web, sensores Zeek y conjuntos de datos IDS.</translation>
    </message>
    <message>
        <source>File ▸ New Project (Ctrl+N) starts an investigation file.</source>
        <translation>Archivo ▸ Nuevo proyecto (Ctrl+N) crea un archivo de investigación.</translation>
    </message>
    <message>
        <source>File ▸ Open Project (Ctrl+O), or drop a .vigil file here, opens one.</source>
        <translation>Archivo ▸ Abrir proyecto (Ctrl+O), o soltar aquí un archivo .vigil, abre uno.</translation>
    </message>
    <message>
        <source>Long work runs in the Jobs panel; Esc cancels it.</source>
        <translation>Los trabajos largos se ejecutan en el panel de tareas; Esc los cancela.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Creado por</translation>
    </message>
    <message>
        <source>Vigil %1</source>
        <translation>Vigil %1</translation>
    </message>
    <message>
        <source>Project schema</source>
        <translation>Esquema del proyecto</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Conjuntos de datos</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Scoring runs</source>
        <translation>Ejecuciones de puntuación</translation>
    </message>
    <message>
        <source>Labelled items</source>
        <translation>Elementos etiquetados</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Bad lines</source>
        <translation>Líneas erróneas</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>Acerca de Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Anomaly-detection workbench for security analysts.&lt;/p&gt;&lt;p&gt;LibTorch %2 on %3, %4 threads.&lt;br&gt;Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Banco de trabajo de detección de anomalías para analistas de seguridad.&lt;/p&gt;&lt;p&gt;LibTorch %2 en %3, %4 hilos.&lt;br&gt;Qt %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exportando %1</translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation>Recopilando</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Generando</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Se escribió %1</translation>
    </message>
    <message>
        <source>Export Case Bundle</source>
        <translation>Exportar paquete del caso</translation>
    </message>
    <message>
        <source>Vigil case bundles (*.vigilcase)</source>
        <translation>Paquetes de caso de Vigil (*.vigilcase)</translation>
    </message>
    <message>
        <source>Exporting case %1</source>
        <translation>Exportando el caso %1</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantánea</translation>
    </message>
    <message>
        <source>Wrote case bundle %1</source>
        <translation>Se escribió el paquete del caso %1</translation>
    </message>
    <message>
        <source>Import Case Bundle</source>
        <translation>Importar paquete del caso</translation>
    </message>
    <message>
        <source>Vigil case bundles (*.vigilcase);;All files (*)</source>
        <translation>Paquetes de caso de Vigil (*.vigilcase);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save Imported Case As</source>
        <translation>Guardar el caso importado como</translation>
    </message>
    <message>
        <source>Vigil projects (*.vigil)</source>
        <translation>Proyectos de Vigil (*.vigil)</translation>
    </message>
    <message>
        <source>Importing case %1</source>
        <translation>Importando el caso %1</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Salir de Vigil</translation>
    </message>
    <message>
        <source>Jobs still running: %1. Cancel them and quit?</source>
        <translation>Tareas aún en curso: %1. ¿Cancelarlas y salir?</translation>
    </message>
    <message>
        <source>Drop log files to import them, or a .vigil project to open it.</source>
        <translation>Suelte archivos de registro para importarlos, o un proyecto .vigil para abrirlo.</translation>
    </message>
    <message>
        <source>New Project for the Import</source>
        <translation>Nuevo proyecto para la importación</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importando %1</translation>
    </message>
    <message>
        <source>Importing %1 files</source>
        <translation>Importando %1 archivos</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>leyendo</translation>
    </message>
    <message>
        <source>%1 → dataset #%2: %3 rows (%4), %5 bad lines</source>
        <translation>%1 → conjunto de datos n.º %2: %3 filas (%4), %5 líneas erróneas</translation>
    </message>
    <message>
        <source> — already imported, not stored again</source>
        <translation> — ya importado, no se guarda de nuevo</translation>
    </message>
    <message>
        <source>Import report

</source>
        <translation>Informe de importación

</translation>
    </message>
    <message>
        <source>dataset %1</source>
        <translation>conjunto de datos %1</translation>
    </message>
    <message>
        <source>Schema saved</source>
        <translation>Esquema guardado</translation>
    </message>
    <message>
        <source>Schema — %1</source>
        <translation>Esquema — %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sobre %2</translation>
    </message>
    <message>
        <source>Training — %1</source>
        <translation>Entrenamiento — %1</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>Entrenando %1 sobre %2</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Error en el entrenamiento: %1</translation>
    </message>
    <message>
        <source>Train Model</source>
        <translation>Entrenar modelo</translation>
    </message>
    <message>
        <source>%1 in %2 s (best epoch %3). Threshold %4: %5 of %6 records flagged.</source>
        <translation>%1 en %2 s (mejor época %3). Umbral %4: %5 de %6 registros señalados.</translation>
    </message>
    <message>
        <source>Cancelled, best epoch kept,</source>
        <translation>Cancelado, se conservó la mejor época,</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Entrenado</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>n.º %1 %2</translation>
    </message>
    <message>
        <source>Score Data Set</source>
        <translation>Puntuar conjunto de datos</translation>
    </message>
    <message>
        <source>Scoring %1 with %2</source>
        <translation>Puntuando %1 con %2</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Ejecución %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The language is applied the next time Vigil starts.</source>
        <translation>El idioma se aplicará la próxima vez que se inicie Vigil.</translation>
    </message>
    <message>
        <source>&amp;Re-rank from Labels</source>
        <translation>&amp;Reordenar según etiquetas</translation>
    </message>
    <message>
        <source>Train the supervised classifier on your malicious/benign labels of this run and re-score every record, so what is left to triage comes first</source>
        <translation>Entrenar el clasificador supervisado con sus etiquetas malicioso/benigno de esta ejecución y volver a puntuar cada registro, para que lo que queda por revisar aparezca primero</translation>
    </message>
    <message>
        <source>Moving the threshold of run %1</source>
        <translation>Moviendo el umbral de la ejecución %1</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message numerus="yes">
        <source>Threshold %1 saved: %n record(s) flagged</source>
        <translation>
            <numerusform>Umbral %1 guardado: %n registro marcado</numerusform>
            <numerusform>Umbral %1 guardado: %n registros marcados</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-ranking run %1 from labels</source>
        <translation>Reordenando la ejecución %1 según las etiquetas</translation>
    </message>
    <message>
        <source>Re-rank from Labels</source>
        <translation>Reordenar según etiquetas</translation>
    </message>
    <message>
        <source>Run %1 re-ranked from labels of run %2

Trained on %3 malicious and %4 benign labelled records, plus %5 unlabelled records below the old threshold as benign examples.
%6 records have P(malicious) ≥ 0.5, %7 of them not labelled yet: filter with  label = none  and sort by score to triage them first.</source>
        <translation>Ejecución %1 reordenada según las etiquetas de la ejecución %2

Entrenado con %3 registros etiquetados como maliciosos y %4 como benignos, más %5 registros sin etiquetar bajo el umbral anterior como ejemplos benignos.
%6 registros tienen P(malicioso) ≥ 0,5, %7 de ellos aún sin etiquetar: filtre con  label = none  y ordene por puntuación para revisarlos primero.</translation>
    </message>
    <message>
        <source>This project has no scoring run yet: score a data set with Model ▸ Score Data Set…</source>
        <translation>Este proyecto aún no tiene ejecuciones de puntuación: puntúe un conjunto de datos con Modelo ▸ Puntuar conjunto de datos…</translation>
    </message>
    <message>
        <source>This project has no scoring run %1.</source>
        <translation>Este proyecto no tiene la ejecución de puntuación %1.</translation>
    </message>
    <message>
        <source>&amp;Evaluate Run Against Labels</source>
        <translation>&amp;Evaluar ejecución contra etiquetas</translation>
    </message>
    <message>
        <source>ROC and precision/recall curves, AUROC, detection per attack class of the current run, against the label column of its data set</source>
        <translation>Curvas ROC y de precisión/exhaustividad, AUROC, detección por clase de ataque de la ejecución actual, contra la columna de etiquetas de su conjunto de datos</translation>
    </message>
    <message>
        <source>Evaluation of run %1</source>
        <translation>Evaluación de la ejecución %1</translation>
    </message>
    <message>
        <source>TorchScript model loaded and calibrated. Threshold %1: %2 of %3 records flagged.</source>
        <translation>Modelo TorchScript cargado y calibrado. Umbral %1: %2 de %3 registros marcados.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Proyectos recientes</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (no encontrado)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <source>data set %1</source>
        <translation>conjunto de datos %1</translation>
    </message>
    <message>
        <source>Click a data set for its feature schema, a run for its explorer and triage.</source>
        <translation>Haga clic en un conjunto de datos para ver su esquema de características, en una ejecución para su explorador y clasificación.</translation>
    </message>
    <message>
        <source>Caution: the threshold rests on %L1 calibration sessions, of which %2 are expected above it at a %3 % target: too few to set it closely, so other data may be flagged at quite another rate (%L4 or more sessions would put %L5 above it).</source>
        <translation>Precaución: el umbral se apoya en %L1 sesiones de calibración, de las que se esperan %2 por encima con un objetivo del %3 %: demasiado pocas para fijarlo con precisión; otros datos pueden marcarse con una tasa muy distinta (con %L4 sesiones o más quedarían %L5 por encima).</translation>
    </message>
    <message>
        <source>Caution: the threshold rests on %L1 calibration rows, of which %2 are expected above it at a %3 % target: too few to set it closely, so other data may be flagged at quite another rate (%L4 or more rows would put %L5 above it).</source>
        <translation>Precaución: el umbral se apoya en %L1 filas de calibración, de las que se esperan %2 por encima con un objetivo del %3 %: demasiado pocas para fijarlo con precisión; otros datos pueden marcarse con una tasa muy distinta (con %L4 filas o más quedarían %L5 por encima).</translation>
    </message>
    <message>
        <source>Batches of %1 rows instead of %2: the training data is small, and %2-row batches would have made too few optimizer steps to learn it.</source>
        <translation>Lotes de %1 filas en lugar de %2: los datos de entrenamiento son pocos, y con lotes de %2 filas habría muy pocos pasos de optimización para aprenderlos.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ProjectTreeModel</name>
    <message>
        <source>Datasets</source>
        <translation>Conjuntos de datos</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Scoring runs</source>
        <translation>Ejecuciones de puntuación</translation>
    </message>
    <message>
        <source>%1
Format: %2
%3 rows, %4 bad lines</source>
        <translation>%1
Formato: %2
%3 filas, %4 líneas erróneas</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 filas</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Ejecución %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RecordInspector</name>
    <message>
        <source>Select a record to inspect it.</source>
        <translation>Seleccione un registro para inspeccionarlo.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Loading record %1…</source>
        <translation>Cargando el registro %1…</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Registro %1</translation>
    </message>
    <message>
        <source>Record %1 · %2 = %3</source>
        <translation>Registro %1 · %2 = %3</translation>
    </message>
    <message>
        <source>No entity column: no session to show.</source>
        <translation>Sin columna de entidad: no hay sesión que mostrar.</translation>
    </message>
    <message>
        <source>, %1 – %2</source>
        <translation>, %1 – %2</translation>
    </message>
    <message>
        <source>Top contributing feature</source>
        <translation>Característica que más contribuye</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Contribución</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Share of the record&apos;s anomaly score</source>
        <translation>Parte de la puntuación de anomalía del registro</translation>
    </message>
    <message>
        <source>The features whose reconstruction loss makes up most of the record&apos;s score</source>
        <translation>Las características cuya pérdida de reconstrucción forma la mayor parte de la puntuación del registro</translation>
    </message>
    <message>
        <source>Session events: %L1%2 (showing %L3; %5 events in all: %L4)</source>
        <translation>Eventos de la sesión: %L1%2 (se muestran %L3; eventos de esta %5 en total: %L4)</translation>
    </message>
    <message>
        <source>Top feature</source>
        <translation>Característica</translation>
    </message>
    <message>
        <source>A session: events of one %1 with no pause over %L2 minutes, as the triage&apos;s Sessions view groups them</source>
        <translation>Una sesión: eventos de un %1 sin pausas de más de %L2 minutos, como los agrupa la vista Sesiones de la clasificación</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReportDialog</name>
    <message>
        <source>&amp;Open the file when it is written</source>
        <translation>&amp;Abrir el archivo cuando esté escrito</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>Run %1 — %2 on %3</source>
        <translation>Ejecución %1 — %2 sobre %3</translation>
    </message>
    <message>
        <source>HTML report (one self-contained file)</source>
        <translation>Informe HTML (un único archivo autónomo)</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <source>CSV of labelled items</source>
        <translation>CSV de los elementos etiquetados</translation>
    </message>
    <message>
        <source>JSON of labelled items</source>
        <translation>JSON de los elementos etiquetados</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Exam&amp;inar…</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Ejecución:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>Archivos %1 (*.%2)</translation>
    </message>
    <message>
        <source>Choose a run and a file to write.</source>
        <translation>Elija una ejecución y un archivo de destino.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SchemaColumnsModel</name>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>%1 categories kept%2</source>
        <translation>%1 categorías conservadas%2</translation>
    </message>
    <message>
        <source> + OTHER</source>
        <translation> + OTRAS</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transformación</translation>
    </message>
    <message>
        <source>Top-K</source>
        <translation>Top-K</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Distintos</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Ausentes</translation>
    </message>
    <message>
        <source>Top values</source>
        <translation>Valores más frecuentes</translation>
    </message>
    <message>
        <source>%1 countries kept%2; </source>
        <translation>%1 países conservados%2; </translation>
    </message>
</context>
<context>
    <name>vigil::ui::SchemaPreviewWidget</name>
    <message>
        <source>Save schema</source>
        <translation>Guardar esquema</translation>
    </message>
    <message>
        <source>record </source>
        <translation>registro </translation>
    </message>
    <message>
        <source>Non-zero features of the chosen record</source>
        <translation>Características distintas de cero del registro elegido</translation>
    </message>
    <message>
        <source>Encoded vector of</source>
        <translation>Vector codificado del</translation>
    </message>
    <message>
        <source>Inferring the schema…</source>
        <translation>Infiriendo el esquema…</translation>
    </message>
    <message>
        <source>Infer schema</source>
        <translation>Inferir esquema</translation>
    </message>
    <message>
        <source>Loading dataset %1…</source>
        <translation>Cargando el conjunto de datos %1…</translation>
    </message>
    <message>
        <source>Load dataset %1 for the schema</source>
        <translation>Cargar el conjunto de datos %1 para el esquema</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total width %1&lt;/b&gt; — %2 one-hot + %3 numeric features from %4 of %5 columns%6</source>
        <translation>&lt;b&gt;Ancho total %1&lt;/b&gt; — %2 características one-hot + %3 numéricas de %4 de %5 columnas%6</translation>
    </message>
    <message>
        <source>, profile %1</source>
        <translation>, perfil %1</translation>
    </message>
    <message>
        <source>Re-fitting the schema…</source>
        <translation>Reajustando el esquema…</translation>
    </message>
    <message>
        <source>Re-fit schema</source>
        <translation>Reajustar esquema</translation>
    </message>
    <message>
        <source>Encode record %1</source>
        <translation>Codificar el registro %1</translation>
    </message>
    <message>
        <source>Record %1 (id %2): %3 non-zero features</source>
        <translation>Registro %1 (id %2): %3 características distintas de cero</translation>
    </message>
    <message>
        <source>Save schema of dataset %1</source>
        <translation>Guardar el esquema del conjunto de datos %1</translation>
    </message>
    <message>
        <source>Schema saved (#%1).</source>
        <translation>Esquema guardado (n.º %1).</translation>
    </message>
    <message>
        <source>&lt;br&gt;Fitted on a uniform sample of %L1 of the %L2 records, as training does; counts are the sample&apos;s.</source>
        <translation>&lt;br&gt;Ajustado sobre una muestra uniforme de %L1 de los %L2 registros, como en el entrenamiento; los recuentos son de la muestra.</translation>
    </message>
    <message>
        <source>sample record </source>
        <translation>registro de muestra </translation>
    </message>
</context>
<context>
    <name>vigil::ui::ScoreDialog</name>
    <message>
        <source>Score Data Set</source>
        <translation>Puntuar conjunto de datos</translation>
    </message>
    <message>
        <source>trained on #%1 %2</source>
        <translation>entrenado con #%1 %2</translation>
    </message>
    <message>
        <source>its data set was removed</source>
        <translation>su conjunto de datos fue eliminado</translation>
    </message>
    <message>
        <source>#%1 %2 (%3, %4)</source>
        <translation>#%1 %2 (%3, %4)</translation>
    </message>
    <message>
        <source>#%1 %2 (%3 rows, %4)</source>
        <translation>#%1 %2 (%3 filas, %4)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>&amp;Data set to score:</source>
        <translation>&amp;Conjunto de datos a puntuar:</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>&amp;Puntuar</translation>
    </message>
    <message>
        <source>This project has no model yet: train one with Model ▸ Train Model.</source>
        <translation>Este proyecto aún no tiene modelos: entrene uno con Modelo ▸ Entrenar modelo.</translation>
    </message>
    <message>
        <source>This project has no data set to score.</source>
        <translation>Este proyecto no tiene ningún conjunto de datos que puntuar.</translation>
    </message>
    <message>
        <source>A new run: every record of #%1 scored with the model&apos;s own schema and threshold; the explorer opens on it.</source>
        <translation>Una nueva ejecución: cada registro de #%1 se puntúa con el esquema y el umbral del propio modelo; el explorador la abre.</translation>
    </message>
    <message>
        <source>The model was trained on a &apos;%1&apos; data set and this one is &apos;%2&apos;: scoring fails if it lacks a column the model encodes.</source>
        <translation>El modelo se entrenó con un conjunto de datos &apos;%1&apos; y este es &apos;%2&apos;: la puntuación falla si le falta una columna que el modelo codifica.</translation>
    </message>
    <message>
        <source>Suggest k (best silhouette)</source>
        <translation>Sugerir k (mejor silueta)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>k-means clusters of the model&apos;s latent codes, shown in the cluster map and summary. Suggest tries k = 2…8 on a sample of 2,000 points and keeps the best silhouette.</source>
        <translation>Clústeres k-means de los códigos latentes del modelo, mostrados en el mapa y el resumen de clústeres. Sugerir prueba k = 2…8 en una muestra de 2.000 puntos y conserva la mejor silueta.</translation>
    </message>
    <message>
        <source>C&amp;lusters:</source>
        <translation>C&amp;lústeres:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ScoreHistogramView</name>
    <message>
        <source>Score distribution</source>
        <translation>Distribución de puntuaciones</translation>
    </message>
    <message>
        <source>records</source>
        <translation>registros</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>umbral</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>Drag the red line to move the threshold</source>
        <translation>Arrastre la línea roja para mover el umbral</translation>
    </message>
    <message>
        <source>score (last bar also counts scores up to %1)</source>
        <translation>puntuación (la última barra también cuenta valores hasta %1)</translation>
    </message>
    <message>
        <source>records (log)</source>
        <translation>registros (log.)</translation>
    </message>
    <message>
        <source>sessions (log)</source>
        <translation>sesiones (log.)</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
    <message>
        <source>score (last bar: to %1)</source>
        <translation>puntuación (última barra: hasta %1)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TimelineView</name>
    <message>
        <source>Events and anomalies over time (UTC)</source>
        <translation>Eventos y anomalías a lo largo del tiempo (UTC)</translation>
    </message>
    <message>
        <source>events</source>
        <translation>eventos</translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation>anomalías</translation>
    </message>
    <message>
        <source>events / bin</source>
        <translation>eventos / intervalo</translation>
    </message>
    <message>
        <source>anomalies / bin</source>
        <translation>anomalías / intervalo</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag: select a time range</source>
        <translation>Rueda: zoom · arrastrar: desplazar · Mayús+arrastrar: seleccionar un intervalo de tiempo</translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation>Sin línea de tiempo: %1</translation>
    </message>
    <message>
        <source>flagged sessions / bin</source>
        <translation>sesiones señaladas / intervalo</translation>
    </message>
    <message>
        <source>flagged sessions</source>
        <translation>sesiones señaladas</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TopValuesDelegate</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrainDialog</name>
    <message>
        <source>Train on rows labelled normal only</source>
        <translation>Entrenar solo con filas etiquetadas como normales</translation>
    </message>
    <message>
        <source>Train Model — %1</source>
        <translation>Entrenar modelo — %1</translation>
    </message>
    <message>
        <source>Autoencoder (unsupervised, default)</source>
        <translation>Autocodificador (no supervisado, predeterminado)</translation>
    </message>
    <message>
        <source>Categorical VAE, Gumbel-softmax (unsupervised)</source>
        <translation>VAE categórico, Gumbel-softmax (no supervisado)</translation>
    </message>
    <message>
        <source>Supervised classifier (uses the data set&apos;s labels)</source>
        <translation>Clasificador supervisado (usa las etiquetas del conjunto de datos)</translation>
    </message>
    <message>
        <source>Share of the training rows held out for early stopping and threshold calibration.</source>
        <translation>Proporción de filas de entrenamiento reservada para la parada temprana y la calibración del umbral.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs.</source>
        <translation>Detener cuando la pérdida de validación no haya mejorado durante este número de épocas.</translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of clean held-out rows would be flagged.</source>
        <translation>El umbral de alerta se fija de modo que se señalaría esta proporción de filas limpias reservadas.</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>Ép&amp;ocas:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>Tamaño de &amp;lote:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>Tasa de &amp;aprendizaje:</translation>
    </message>
    <message>
        <source>&amp;Validation share:</source>
        <translation>Proporción de &amp;validación:</translation>
    </message>
    <message>
        <source>Early-stopping &amp;patience:</source>
        <translation>&amp;Paciencia de parada temprana:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Semilla:</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Entrenar</translation>
    </message>
    <message>
        <source>External TorchScript model (.pt file, not trained here)</source>
        <translation>Modelo TorchScript externo (archivo .pt, no se entrena aquí)</translation>
    </message>
    <message>
        <source>TorchScript module saved with torch.jit.save</source>
        <translation>Módulo TorchScript guardado con torch.jit.save</translation>
    </message>
    <message>
        <source>A module mapping an [N, width] batch of this data set&apos;s encoded rows to a score per row or to a reconstruction; its threshold is calibrated on the data set&apos;s normal rows (all rows without labels).</source>
        <translation>Un módulo que transforma un lote [N, ancho] de filas codificadas de este conjunto de datos en una puntuación por fila o en una reconstrucción; su umbral se calibra con las filas normales del conjunto de datos (con todas las filas si no hay etiquetas).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Exam&amp;inar…</translation>
    </message>
    <message>
        <source>TorchScript Model</source>
        <translation>Modelo TorchScript</translation>
    </message>
    <message>
        <source>TorchScript modules (*.pt *.pth *.ts);;All files (*)</source>
        <translation>Módulos TorchScript (*.pt *.pth *.ts);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Module &amp;file:</source>
        <translation>&amp;Archivo del módulo:</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Cargar</translation>
    </message>
    <message>
        <source>Choose the TorchScript module file to load.</source>
        <translation>Elija el archivo del módulo TorchScript que se cargará.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of the data set&apos;s normal rows (all rows without labels) would be flagged.</source>
        <translation>El umbral de alerta se fija para que se marque esta proporción de las filas normales del conjunto de datos (de todas las filas si no hay etiquetas).</translation>
    </message>
    <message>
        <source>Bi&amp;directional (predict each event from both sides)</source>
        <translation>Bi&amp;direccional (predecir cada evento desde ambos lados)</translation>
    </message>
    <message>
        <source>Sequence model over sessions, GRU or LSTM (events of one entity in time order)</source>
        <translation>Modelo de secuencias sobre sesiones, GRU o LSTM (eventos de una entidad en orden temporal)</translation>
    </message>
    <message>
        <source>the schema&apos;s entity key, else remote_addr, id.orig_h or src_ip</source>
        <translation>la clave de entidad del esquema, si no remote_addr, id.orig_h o src_ip</translation>
    </message>
    <message>
        <source>The column whose values own the sessions, e.g. the client address.</source>
        <translation>La columna a cuyos valores pertenecen las sesiones, p. ej. la dirección del cliente.</translation>
    </message>
    <message>
        <source>automatic: method, file type, status (access logs); proto, service, state (Zeek)</source>
        <translation>automático: método, tipo de archivo, estado (registros de acceso); protocolo, servicio, estado (Zeek)</translation>
    </message>
    <message>
        <source>Comma-separated columns whose values, joined, make an event, e.g. method,path_ext,status. Empty: up to three categorical columns of the schema.</source>
        <translation>Columnas separadas por comas cuyos valores, unidos, forman un evento, p. ej. method,path_ext,status. Vacío: hasta tres columnas categóricas del esquema.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A longer pause between an entity&apos;s events starts a new session.</source>
        <translation>Una pausa más larga entre los eventos de una entidad inicia una nueva sesión.</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Session e&amp;ntity:</source>
        <translation>E&amp;ntidad de sesión:</translation>
    </message>
    <message>
        <source>Event t&amp;okens:</source>
        <translation>Tokens de even&amp;to:</translation>
    </message>
    <message>
        <source>Session &amp;gap:</source>
        <translation>&amp;Intervalo de sesión:</translation>
    </message>
    <message>
        <source>Recurrent &amp;cell:</source>
        <translation>&amp;Celda recurrente:</translation>
    </message>
    <message>
        <source>Applies where the data set has a label column; a log without labels trains on every row.</source>
        <translation>Se aplica cuando el conjunto de datos tiene una columna de etiquetas; un registro sin etiquetas entrena con todas las filas.</translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation>Tasa de falsos positivos</translation>
    </message>
    <message>
        <source>Alerts per day</source>
        <translation>Alertas por día</translation>
    </message>
    <message>
        <source>Set the threshold by the share of clean rows it may flag, or by how many alerts a day you can triage (needs a timestamp column: the data set&apos;s records a day turn the budget into a share).</source>
        <translation>Fijar el umbral por la proporción de filas limpias que puede marcar, o por cuántas alertas al día puede revisar (necesita una columna de marca de tiempo: los registros diarios del conjunto de datos convierten el presupuesto en una proporción).</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> al día</translation>
    </message>
    <message>
        <source>The threshold flags this many records a day at the data set&apos;s rate of records.</source>
        <translation>El umbral marca tantos registros al día según el ritmo de registros del conjunto de datos.</translation>
    </message>
    <message>
        <source>Alert t&amp;hreshold by:</source>
        <translation>Um&amp;bral de alerta según:</translation>
    </message>
    <message>
        <source>Autoencoder: train this many networks side by side and score with their mean. On a 1M-line web log three networks flagged 43-45 % of the attacks instead of 37 % at the same false-positive rate, and varied less with the seed; training and scoring take that many times longer.</source>
        <translation>Autoencoder: entrenar tantas redes en paralelo y puntuar con su media. En un registro web de 1 M de líneas, tres redes marcaron el 43-45 % de los ataques en lugar del 37 % con la misma tasa de falsos positivos y variaron menos con la semilla; el entrenamiento y la puntuación tardan otras tantas veces más.</translation>
    </message>
    <message>
        <source>Net&amp;works in the ensemble:</source>
        <translation>&amp;Redes del conjunto:</translation>
    </message>
    <message>
        <source>Session autoencoder (each session&apos;s events, rate, distinct paths, errors, bytes)</source>
        <translation>Autoencoder de sesiones (eventos, ritmo, rutas distintas, errores y bytes de cada sesión)</translation>
    </message>
    <message>
        <source>Unsupervised models learn what normal looks like and need no labels. The sequence model learns which event follows which within a session (one entity&apos;s events with no longer pause than the session gap); a session&apos;s score is its mean per-event loss. The session autoencoder learns what a session does in all (how many events, how fast, how many distinct paths, how many errors): bursts such as password guessing or scanning stand out; its threshold flags a share of sessions, and every record of a session carries the session&apos;s score.</source>
        <translation>Los modelos no supervisados aprenden cómo es lo normal y no necesitan etiquetas. El modelo de secuencias aprende qué evento sigue a cuál dentro de una sesión (los eventos de una entidad sin pausas más largas que el intervalo de sesión); la puntuación de una sesión es su pérdida media por evento. El autoencoder de sesiones aprende lo que hace una sesión en conjunto (cuántos eventos, a qué ritmo, cuántas rutas distintas, cuántos errores): destacan ráfagas como la adivinación de contraseñas o los escaneos; su umbral marca una parte de las sesiones y cada registro de una sesión lleva la puntuación de esta.</translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of clean held-out sessions would be flagged.</source>
        <translation>El umbral de alerta se fija para que se marque esta proporción de sesiones limpias reservadas.</translation>
    </message>
    <message>
        <source>The threshold flags this many sessions a day at the data set&apos;s rate of sessions.</source>
        <translation>El umbral marca tantas sesiones al día según el ritmo de sesiones del conjunto de datos.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrainingView</name>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>&amp;Cancelar entrenamiento</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>pérdida de validación</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>Preparing data…</source>
        <translation>Preparando los datos…</translation>
    </message>
    <message>
        <source>epoch %v of %m</source>
        <translation>época %v de %m</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · training loss %3 · validation loss %4 (best %5) · %6 rows/s · about %7 s left</source>
        <translation>Época %1 de %2 · pérdida de entrenamiento %3 · pérdida de validación %4 (mejor %5) · %6 filas/s · quedan unos %7 s</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageTableModel</name>
    <message>
        <source>Suppressed by a &quot;never flag this value&quot; rule</source>
        <translation>Suprimido por una regla «no señalar nunca este valor»</translation>
    </message>
    <message>
        <source>Tags: %1
Note: %2</source>
        <translation>Marcas: %1
Nota: %2</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>suprimido</translation>
    </message>
    <message>
        <source>Filter field: %1</source>
        <translation>Campo de filtro: %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>Puntuación máx.</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalías</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Visto por primera vez</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>registro %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entidad</numerusform>
            <numerusform>%n entidades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit tags/note of %n item(s)</source>
        <translation>
            <numerusform>Editar marcas/nota de %n elemento</numerusform>
            <numerusform>Editar marcas/nota de %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>Session (%1 · start)</source>
        <translation>Sesión (%1 · inicio)</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Events per minute between first and last seen (a shorter span counts as one minute): bursts such as password guessing or directory scans sort to the top</source>
        <translation>Eventos por minuto entre la primera y la última aparición (un intervalo más corto cuenta como un minuto): las ráfagas como la adivinación de contraseñas o los escaneos de directorios quedan arriba</translation>
    </message>
    <message>
        <source>Events/min</source>
        <translation>Eventos/min</translation>
    </message>
    <message>
        <source>The most failures in one minute: HTTP 4xx/5xx answers (client_errors_1m) or failed connection attempts (orig_failed_1m), as counted at import; empty for data without them</source>
        <translation>El máximo de fallos en un minuto: respuestas HTTP 4xx/5xx (client_errors_1m) o intentos de conexión fallidos (orig_failed_1m), contados al importar; vacío para datos sin ellos</translation>
    </message>
    <message>
        <source>Peak failures/min</source>
        <translation>Pico de fallos/min</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageView</name>
    <message>
        <source>Hide suppressed</source>
        <translation>Ocultar suprimidos</translation>
    </message>
    <message>
        <source>Undo label</source>
        <translation>Deshacer etiqueta</translation>
    </message>
    <message>
        <source>Redo label</source>
        <translation>Rehacer etiqueta</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entidades</translation>
    </message>
    <message>
        <source>Entity column: groups the Entities view; entity labels apply to its records</source>
        <translation>Columna de entidad: agrupa la vista de entidades; las etiquetas de una entidad se aplican a sus registros</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Hide rows matched by &quot;never flag this value&quot; rules</source>
        <translation>Ocultar las filas que coinciden con reglas «no señalar nunca este valor»</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Vista:</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Entidad:</translation>
    </message>
    <message>
        <source>Malicious (1)</source>
        <translation>Malicioso (1)</translation>
    </message>
    <message>
        <source>Label the selection malicious</source>
        <translation>Etiquetar la selección como maliciosa</translation>
    </message>
    <message>
        <source>Benign (2)</source>
        <translation>Benigno (2)</translation>
    </message>
    <message>
        <source>Label the selection benign</source>
        <translation>Etiquetar la selección como benigna</translation>
    </message>
    <message>
        <source>Review (3)</source>
        <translation>Revisar (3)</translation>
    </message>
    <message>
        <source>Mark the selection for review</source>
        <translation>Marcar la selección para revisión</translation>
    </message>
    <message>
        <source>Clear (0)</source>
        <translation>Borrar (0)</translation>
    </message>
    <message>
        <source>Remove the verdict of the selection</source>
        <translation>Quitar el veredicto de la selección</translation>
    </message>
    <message>
        <source>Label cluster…</source>
        <translation>Etiquetar clúster…</translation>
    </message>
    <message>
        <source>Label every record of the current row&apos;s cluster malicious</source>
        <translation>Etiquetar como maliciosos todos los registros del clúster de la fila actual</translation>
    </message>
    <message>
        <source>Never flag this value</source>
        <translation>No señalar nunca este valor</translation>
    </message>
    <message>
        <source>Suppress rows whose value in the current column equals the current cell&apos;s</source>
        <translation>Suprimir las filas cuyo valor en la columna actual es igual al de la celda actual</translation>
    </message>
    <message>
        <source>tags, comma-separated</source>
        <translation>marcas, separadas por comas</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>Set tags/note</source>
        <translation>Asignar marcas/nota</translation>
    </message>
    <message>
        <source>Store the tags and note on the selection</source>
        <translation>Guardar las marcas y la nota en la selección</translation>
    </message>
    <message>
        <source>%L1 %2 · %3 ms</source>
        <translation>%L1 %2 · %3 ms</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>entidades</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <source>No further anomaly in this direction.</source>
        <translation>No hay más anomalías en esta dirección.</translation>
    </message>
    <message numerus="yes">
        <source>%n suppression rule(s) active.</source>
        <translation>
            <numerusform>%n regla de supresión activa.</numerusform>
            <numerusform>%n reglas de supresión activas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select rows to label.</source>
        <translation>Seleccione filas para etiquetar.</translation>
    </message>
    <message>
        <source>The current row has no cluster.</source>
        <translation>La fila actual no tiene clúster.</translation>
    </message>
    <message>
        <source>Pick a data cell (e.g. a user agent or path) to suppress its value.</source>
        <translation>Elija una celda de datos (p. ej. un agente de usuario o una ruta) para suprimir su valor.</translation>
    </message>
    <message>
        <source>from the triage table</source>
        <translation>desde la tabla de triaje</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Show single records, one row per entity (e.g. client address), or one row per session (an entity&apos;s events with no pause over 30 minutes); labelling a session labels its records</source>
        <translation>Mostrar registros individuales, una fila por entidad (p. ej. dirección del cliente) o una fila por sesión (eventos de una entidad sin pausas de más de 30 minutos); etiquetar una sesión etiqueta sus registros</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageWorker</name>
    <message>
        <source>Cluster %1 has no records.</source>
        <translation>El clúster %1 no tiene registros.</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Deshecho: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Rehecho: %1</translation>
    </message>
    <message>
        <source>Label %1 malicious</source>
        <translation>Etiquetar %1 como malicioso</translation>
    </message>
    <message>
        <source>Label %1 benign</source>
        <translation>Etiquetar %1 como benigno</translation>
    </message>
    <message>
        <source>Mark %1 for review</source>
        <translation>Marcar %1 para revisión</translation>
    </message>
    <message>
        <source>Clear the verdict of %1</source>
        <translation>Quitar el veredicto de %1</translation>
    </message>
    <message numerus="yes">
        <source>cluster %1 (%n record(s))</source>
        <translation>
            <numerusform>clúster %1 (%n registro)</numerusform>
            <numerusform>clúster %1 (%n registros)</numerusform>
        </translation>
    </message>
</context>
</TS>
