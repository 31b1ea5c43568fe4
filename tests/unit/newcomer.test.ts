/**
 * The README's first command, as a newcomer meets it: `npm install` warns about nothing that is
 * not theirs to fix, and `npm start` ends on the URL to open, with nothing yellow before it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/dataset-files.ts';

const readJson = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8'));

describe('npm install', () => {
  test('every package with an install script is approved or denied, so npm does not warn', () => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.split('node_modules/').at(-1)!);
    const decided = Object.keys(
      (readJson('package.json') as { allowScripts?: object }).allowScripts ?? {},
    );
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !decided.includes(name))).toEqual([]);
  });
});

/** The `npm start` of the test, stopped after it whatever happened (a timeout included). */
let started: ChildProcess | null = null;
afterEach(() => {
  if (started?.pid && started.exitCode === null) {
    try {
      process.kill(-started.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  started = null;
});

/** Runs `npm start` until it prints the app's URL (and a moment after), then stops it. */
function npmStart(): Promise<{ output: string; url: string; status: number }> {
  return new Promise((done, fail) => {
    // Its own process group, so the server npm starts stops with it.
    const child = (started = spawn('npm', ['start'], {
      cwd: REPO_ROOT,
      detached: true,
      // A port of its own, so a server the browser tests left running does not answer instead.
      env: { ...process.env, PORT: '4391', FORCE_COLOR: '1' },
    }));
    let output = '';
    const stop = () => process.kill(-child.pid!, 'SIGTERM');
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Kabul Engagement Atlas: (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout.off('data', onData);
      // Whatever comes within half a second of the URL counts as printed after it.
      setTimeout(() => {
        get(url, (res) => {
          res.resume();
          stop();
          done({ output, url, status: res.statusCode ?? 0 });
        }).on('error', (error) => {
          stop();
          fail(error);
        });
      }, 500);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (!/Kabul Engagement Atlas: http/.test(output))
        fail(new Error(`npm start exited ${code}:\n${output}`));
    });
  });
}

describe('npm start', () => {
  test(
    'builds, serves the app, and ends on its URL with nothing yellow before it',
    { timeout: 180_000 },
    async () => {
      const { output, url, status } = await npmStart();
      const lines = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      expect(lines.at(-1)).toBe(`Kabul Engagement Atlas: ${url}`);
      expect(status).toBe(200);
      // Yellow is how npm and Vite colour a warning (ESC [33m), and their warnings say "warn";
      // npm's echo of the script ("> vite build --logLevel warn …") is not one.
      expect(output).not.toContain('\u001b[33m');
      expect(lines.filter((l) => !l.startsWith('>') && /\bwarn(ing)?\b/i.test(l))).toEqual([]);
      // A few lines: what is built and where it is served, not the build's file list.
      expect(lines.length).toBeLessThanOrEqual(8);
    },
  );
});
