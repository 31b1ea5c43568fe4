import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type HtmlTagDescriptor, type Plugin } from 'vite';
import { DEFAULT_EMBED_OPTIONS, formatEmbedSearch, oembedFor } from '../src/lib/embed.ts';

/** Where the host's script comes from, and the name it is served under (never hashed). */
const ENTRY = 'src/embed/host.ts';
const FILE_NAME = 'embed.js';

/**
 * Bundles the host page's embed script (src/embed/host.ts) as one classic script: host pages load
 * it with `<script async src=".../embed.js">`, which can import nothing, and a snippet pasted into
 * an article cannot follow a hash in its name. A build of its own, since the app's build writes
 * ES modules that share chunks.
 */
async function bundleHostScript(root: string): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      lib: {
        entry: resolve(root, ENTRY),
        formats: ['iife'],
        name: 'KabulAtlasEmbed',
        fileName: () => FILE_NAME,
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`${ENTRY}: the embed script's build gave no code`);
}

/** The static oEmbed answer for the atlas's default state, for hosts with no server of ours. */
const OEMBED_FILE = 'oembed.json';

/**
 * Emits embed.js into the build (and serves it during development), and oembed.json: the oEmbed
 * answer for the default state at `publicUrl`, where the built atlas will be served (an oEmbed
 * answer's HTML needs absolute addresses), which index.html names for discovery. `npm start`'s
 * server answers for any state at /oembed?url=.
 */
export function embedScriptPlugin({
  dataFolder,
  publicUrl,
}: {
  dataFolder: string;
  publicUrl: string;
}): Plugin {
  // Addresses are joined to it: it names a folder.
  const atlasUrl = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  let root = process.cwd();
  let base = '/';
  const title = () =>
    (JSON.parse(readFileSync(join(dataFolder, 'meta.json'), 'utf8')) as { title: string }).title;
  return {
    name: 'atlas-embed-script',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: FILE_NAME, source: await bundleHostScript(root) });
      const answer = oembedFor(
        { url: `${atlasUrl}${formatEmbedSearch('', DEFAULT_EMBED_OPTIONS)}` },
        atlasUrl,
        title(),
      );
      if ('status' in answer) throw new Error(`oembed.json: ${answer.reason}`);
      this.emitFile({
        type: 'asset',
        fileName: OEMBED_FILE,
        source: `${JSON.stringify(answer, null, 2)}\n`,
      });
    },
    transformIndexHtml(html): HtmlTagDescriptor[] {
      // The app's page only: an embed is not itself something to embed.
      if (html.includes('data-page="embed"')) return [];
      return [
        {
          tag: 'link',
          attrs: {
            rel: 'alternate',
            type: 'application/json+oembed',
            href: `${base}${OEMBED_FILE}`,
            title: title(),
          },
          injectTo: 'head',
        },
      ];
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${FILE_NAME}`) return next();
        bundleHostScript(root).then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(code);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
