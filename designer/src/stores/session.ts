import { reactive } from 'vue';
import { ApiClient, ApiError, createApi, type Role, type User } from '../api';
import { currentLocale } from '../locales';

/** The signed-in user, shared by the router guard, the layout and the pages. */
export const session = reactive({ user: undefined as User | undefined, checked: false });

export const api = createApi(new ApiClient(currentLocale));

export async function signIn(username: string, password: string): Promise<User> {
  const view = await api.signIn(username, password);
  api.client.setCsrfToken(view.csrfToken);
  session.user = view.user;
  return view.user;
}

/** Asks the server once whether the cookie still holds a session (a reload keeps the user signed in). */
export async function restoreSession(): Promise<void> {
  if (session.checked) return;
  try {
    const view = await api.session();
    api.client.setCsrfToken(view.csrfToken);
    session.user = view.user;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  } finally {
    session.checked = true;
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } finally {
    api.client.setCsrfToken(undefined);
    session.user = undefined;
  }
}

export function hasRole(...roles: readonly Role[]): boolean {
  return session.user?.roles.some((r) => roles.includes(r)) ?? false;
}
