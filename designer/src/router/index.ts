import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '../api';
import { hasRole, restoreSession, session } from '../stores/session';
import { showError } from '../components/show-error';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-in users with one of these roles may open the page; absent: any signed-in user. */
    roles?: readonly Role[];
    public?: boolean;
  }
}

/** Each page is its own chunk: the modeler (bpmn-js, the engine) loads only when its page opens. */
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../views/login/LoginPage.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../views/layout/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../views/home/HomePage.vue') },
      { path: 'definitions', name: 'definitions', component: () => import('../views/definitions/DefinitionsPage.vue') },
      {
        path: 'modeler/:processId?',
        name: 'modeler',
        component: () => import('../views/modeler/ModelerPage.vue'),
        meta: { roles: ['designer', 'admin'] },
      },
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (!session.checked) {
    try {
      await restoreSession();
    } catch (error) {
      showError(error);
    }
  }
  if (to.meta.public) return true;
  if (!session.user) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !hasRole(...to.meta.roles)) return { name: 'home' };
  return true;
});
