import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist', sourcemap: true },
});
