import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist',
      'bench/dist',
      'node_modules',
      'public/geo',
      'test-results',
      'playwright-report',
      '.cache',
      'src/i18n/paraglide',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // The state replaces its Sets and Maps wholesale under $state.raw and never mutates one that
    // has been published, so Svelte's reactive collections would only add cost.
    files: ['src/state/**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // Pure modules: data in, data out. No map engine, no UI framework.
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/**/*.svelte.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'svelte', 'svelte/*', '*.svelte'],
              message: 'src/lib is pure: no MapLibre or Svelte here.',
            },
          ],
        },
      ],
    },
  },
);
