/// <reference types="vitest/config" />
// Vite builds the app with relative URLs (base './') so it runs from any static host or sub-folder.
// Vitest runs two projects: the pure layers in Node (no DOM, as the simulator must run there too),
// and the React layers in jsdom.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    // Generous per-test limits: several tests run whole scenarios (RSA key generation included) on a 2-core CI machine.
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{sim,client,content,store,lib,testing}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{ui,app}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-dom.ts'],
        },
      },
    ],
  },
});
