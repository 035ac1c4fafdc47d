import { createApp } from 'vue';
import './element-plus-styles';
import App from './App.vue';
import { i18n } from './locales';
import { router } from './router';
import { prefetchRouteChunk } from './router/prefetch';
import './styles.css';

// Fetch the opened page's code while the session is being checked, not after.
prefetchRouteChunk(location.pathname);
createApp(App).use(i18n).use(router).mount('#app');
