// Every page renderer, for the templates in site/.

export { callSheetPage, callSheetsPage, planPage, plansPage } from './plans.js';
export { contactPage, contactsPage } from './contacts.js';
export { dashboardPage } from './dashboard.js';
export { facetPage, incidentsPage } from './incidents.js';
export { feed } from './feed.js';
export { incidentPage } from './incident.js';
export { lessonsPage } from './lessons.js';
export { metricsPage } from './metrics.js';
export { buildIncidentReport } from '../../core/brief/incident-report.js';
export { searchPage } from './search.js';
export { calendar } from './calendar.js';
export { notFoundPage } from './layout.js';
