// The atlas's pages: the app (index.html), and the embed for articles (embed.html), whose shell
// loads only there: the app's first load does not carry it.
import Atlas from './Atlas.svelte';
import { boot } from './boot.ts';

if (document.documentElement.dataset.page === 'embed') {
  void import('./EmbedAtlas.svelte').then(({ default: EmbedAtlas }) =>
    boot(EmbedAtlas, { map: 'later' }),
  );
} else {
  boot(Atlas);
}
