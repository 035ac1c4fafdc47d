import type { ParsePool } from '../definitions/index.js';
import type { RouteSpec } from '../http/route.js';
import { auditRoutes } from '../routes/audit.js';
import { calendarRoutes } from '../routes/calendar.js';
import { connectorRoutes } from '../routes/connectors.js';
import { definitionRoutes } from '../routes/definitions.js';
import { departmentRoutes } from '../routes/departments.js';
import { healthRoutes } from '../routes/health.js';
import { incidentRoutes } from '../routes/incidents.js';
import { instanceRoutes } from '../routes/instances.js';
import { reportRoutes } from '../routes/reports.js';
import { sessionRoutes } from '../routes/session.js';
import { startFormRoutes } from '../routes/start-form.js';
import { taskRoutes } from '../routes/tasks.js';
import { taskActionRoutes } from '../routes/task-actions.js';
import { userRoutes } from '../routes/users.js';
import type { Services } from './services.js';

/** Every route of the API, in the order the OpenAPI document lists them. */
export function allRoutes(s: Services, deps: { pool: ParsePool; ready: () => boolean }): RouteSpec[] {
  return [
    ...healthRoutes(s, { ready: deps.ready }),
    ...sessionRoutes(s),
    ...departmentRoutes(s),
    ...userRoutes(s),
    ...incidentRoutes(s),
    ...definitionRoutes(s, deps.pool),
    ...startFormRoutes(s),
    ...instanceRoutes(s),
    ...taskRoutes(s),
    ...taskActionRoutes(s),
    ...connectorRoutes(s),
    ...reportRoutes(s),
    ...calendarRoutes(s),
    ...auditRoutes(s),
  ];
}
