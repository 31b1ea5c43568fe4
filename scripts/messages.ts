/**
 * Compiles the interface's messages (src/i18n/messages/<area>/<locale>.json) into typed
 * functions with Paraglide: one inlang project per area (src/i18n/projects/<area>.inlang), each
 * compiled to src/i18n/paraglide/<area>/, one module per language. `tsx scripts/messages.ts`; the
 * build, the dev server and the tests compile through `messagesPlugin` (vite.config.ts), and
 * `npm run check` runs this before checking the types. The output is not kept in git.
 *
 * Areas, not one project: a module per language holds every message of its project, and the
 * English of the panels, the table and the dialogs would otherwise ride in the first script,
 * where only the shell's words are needed. Each area's modules load with the code that uses them.
 */
import { compile, type CompilerOptions } from '@inlang/paraglide-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { isMain } from './is-main.ts';

export const MESSAGE_AREAS = ['shell', 'panel', 'views', 'publish'] as const;

/** Paraglide's options for one area. */
export function messagesOptions(area: (typeof MESSAGE_AREAS)[number]) {
  return {
    project: `./src/i18n/projects/${area}.inlang`,
    outdir: `./src/i18n/paraglide/${area}`,
    // One module per language: the app imports English with the code that uses it, and another
    // language only when a reader asks for it (src/i18n/catalog.svelte.ts). Paraglide's default,
    // a module per message, would put every language of each message beside its English.
    outputStructure: 'locale-modules',
    emitTsDeclarations: true,
    emitGitIgnore: false,
    emitPrettierIgnore: false,
    emitReadme: false,
  } satisfies CompilerOptions;
}

/**
 * Each edition's digits for the numbers in its messages: Arabic-Indic for Arabic (CLDR gives bare
 * `ar` Latin digits), Persian for Dari and Pashto (Chromium's ICU has no Pashto, and would write
 * it as English). The same digits as the dates (src/lib/calendars.ts).
 */
const NUMBERING = { ar: 'arab', 'fa-AF': 'arabext', ps: 'arabext' };

/**
 * Paraglide's number formatter takes the locale as it is, and a message's declarations are shared
 * by all its languages, so the digits cannot be chosen per language in the message files: they
 * are chosen here, in the one place every compiled number goes through.
 */
function chooseDigits(area: (typeof MESSAGE_AREAS)[number]) {
  const path = join(messagesOptions(area).outdir, 'registry.js');
  const source = readFileSync(path, 'utf8');
  // Another compile of the same area (vitest's projects each start the plugin) got here first.
  if (source.startsWith('const NUMBERING')) return;
  const call = 'new Intl.NumberFormat(locale, options)';
  if (!source.includes(call)) throw new Error(`${path}: Paraglide's number formatter changed`);
  writeFileSync(
    path,
    `const NUMBERING = ${JSON.stringify(NUMBERING)};\n${source.replace(
      call,
      'new Intl.NumberFormat(locale, { numberingSystem: NUMBERING[locale], ...options })',
    )}`,
  );
}

/** Compiles every area. */
export async function compileMessages(): Promise<void> {
  await Promise.all(
    MESSAGE_AREAS.map(async (area) => {
      await compile(messagesOptions(area));
      chooseDigits(area);
    }),
  );
}

/** Compiles the messages when the build or the dev server starts, and again when a file changes. */
export function messagesPlugin(): Plugin {
  return {
    name: 'atlas-messages',
    async buildStart() {
      await compileMessages();
    },
    // The server's own watcher, closed with it (a watcher of ours would keep vitest alive).
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (/[\\/]src[\\/]i18n[\\/]messages[\\/]/.test(file)) void compileMessages();
      });
    },
  };
}

if (isMain(import.meta.url)) await compileMessages();
