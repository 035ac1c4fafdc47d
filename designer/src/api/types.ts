export type Role = 'designer' | 'frontdesk' | 'clerk' | 'manager' | 'admin';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly departments: readonly string[];
}

export interface SessionView {
  readonly user: User;
  readonly csrfToken: string;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface DefinitionSummary {
  readonly processId: string;
  readonly version: number;
  readonly name?: string;
  readonly deployedAt: string;
}

export interface EngineProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly messageEn: string;
  readonly elementId?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface DeployResult {
  readonly deployed: DefinitionSummary[];
  readonly warnings: EngineProblem[];
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}
