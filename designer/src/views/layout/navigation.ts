import type { Role } from '../../api';

export interface NavItem {
  readonly name: string;
  /** i18n key of the label. */
  readonly label: string;
  readonly roles?: readonly Role[];
}

/** The menu; an entry shows only to the roles that may open its page (the router checks the same). */
export const NAVIGATION: readonly NavItem[] = [
  { name: 'home', label: 'nav.home' },
  { name: 'definitions', label: 'nav.definitions' },
  { name: 'modeler', label: 'nav.modeler', roles: ['designer', 'admin'] },
];
