import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

/**
 * The designer is served by the Tongban server at `/`, with the API at
 * `/api` on the same origin (the session cookie is SameSite=Strict), so the
 * dev server proxies `/api` to a running `pnpm start`.
 */
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bpmn-js and the engine make one large lazily loaded chunk: that is expected.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      treeshake: {
        // The engine is pure (no I/O, no globals; its lint rules enforce it), so a module of it
        // whose exports are unused can go: the modeler then loads only the descriptor and the
        // limit grammar, and the parser, linter, compiler and analysis load with the live check.
        moduleSideEffects: (id: string) => !/[\\/]engine[\\/]src[\\/]/.test(id),
      },
    },
  },
  server: {
    proxy: { '/api': process.env.TONGBAN_API ?? 'http://localhost:3000' },
  },
});
