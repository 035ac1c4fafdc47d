export { REPORT_INSTANCE_CAP, reportQuery, type ReportData, type ReportQuery } from './report-query.js';
export { applicationLimits, type ApplicationLimits, type LimitView, type LimitSource } from './application-limits.js';
export { measure, type Measured } from './measure.js';
export { processReports, type ProcessReports, type ProcessMeasurement, type VersionDesign } from './process-report.js';
export { csvCell, csvDocument, type Cell } from './csv.js';
export { instanceRows, departmentRows, type CsvLanguage, type CsvRows } from './report-csv.js';
