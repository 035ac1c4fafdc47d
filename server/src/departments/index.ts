export { departmentsTable, type DepartmentsTable, type DepartmentRecord } from './departments-table.js';
