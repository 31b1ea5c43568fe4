import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { datasetPlugin } from './scripts/vite-dataset-plugin.ts';

// Dates in the data are calendar days; pin the zone so no test depends on the machine's.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [svelte(), datasetPlugin({ folder: 'data', urlPath: '/data/' })],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      output: {
        // maplibre-gl gets its own chunk so the app's own bytes can be measured against the budget.
        manualChunks: (id) => (id.includes('node_modules/maplibre-gl') ? 'maplibre' : undefined),
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
