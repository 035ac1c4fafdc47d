import type { Role } from '../accounts/index.js';

export interface DemoDepartment {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

/**
 * Departments of the demo "one thing" services: the ids are the
 * `tb:department` values the packages in `processes/` use.
 */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { id: 'front-desk', name: '政务服务中心综合窗口', nameEn: 'Comprehensive service window' },
  { id: 'market', name: '市场监督管理局', nameEn: 'Market Regulation Administration' },
  { id: 'police', name: '公安局', nameEn: 'Public Security Bureau' },
  { id: 'tax', name: '税务局', nameEn: 'Taxation Bureau' },
  { id: 'hrss', name: '人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau' },
  { id: 'housing-fund', name: '住房公积金管理中心', nameEn: 'Housing Provident Fund Centre' },
  { id: 'medical-insurance', name: '医疗保障局', nameEn: 'Healthcare Security Administration' },
  { id: 'bank', name: '开户银行', nameEn: 'Account bank' },
  { id: 'health', name: '卫生健康委员会', nameEn: 'Health Commission' },
  { id: 'civil-affairs', name: '民政局', nameEn: 'Civil Affairs Bureau' },
  { id: 'disabled-persons-federation', name: '残疾人联合会', nameEn: "Disabled Persons' Federation" },
  { id: 'utilities', name: '水电气网公共服务企业', nameEn: 'Water, power, gas and network utilities' },
  { id: 'natural-resources', name: '自然资源和规划局', nameEn: 'Natural Resources and Planning Bureau' },
  { id: 'housing-construction', name: '住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
  { id: 'fire', name: '消防救援机构', nameEn: 'Fire and Rescue' },
  { id: 'ecology-environment', name: '生态环境局', nameEn: 'Ecology and Environment Bureau' },
];

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly departments: readonly string[];
}

/** `admin`, `designer`, `frontdesk` (the window's own tasks too), `manager`, and one clerk per department (`clerk-<department>`). */
export function demoUsers(departments: readonly DemoDepartment[] = DEMO_DEPARTMENTS): DemoUser[] {
  return [
    { username: 'admin', displayName: '系统管理员', roles: ['admin'], departments: [] },
    { username: 'designer', displayName: '流程设计员', roles: ['designer'], departments: [] },
    { username: 'frontdesk', displayName: '综合窗口受理员', roles: ['frontdesk'], departments: ['front-desk'] },
    { username: 'manager', displayName: '政务服务管理员', roles: ['manager'], departments: [] },
    ...departments.filter((d) => d.id !== 'front-desk').map((d): DemoUser => ({ username: `clerk-${d.id}`, displayName: `${d.name}审批员`, roles: ['clerk'], departments: [d.id] })),
  ];
}
