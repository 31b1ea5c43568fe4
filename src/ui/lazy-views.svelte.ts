import type { Day } from '../lib/dates.ts';
import { dateWords } from '../i18n/catalog.svelte.ts';
import type { Dossier } from '../lib/dossier.ts';
import type { EngagementIndex } from '../lib/engagement.ts';
import type { Geography } from '../lib/geography.ts';
import type { Dataset } from '../lib/schema.ts';

/**
 * The views not on screen at first (the country panel, the table, the presentation's card, the
 * page on the method): their code is fetched when one is first wanted, or when the page is idle
 * after the map is drawn, so the first picture does not wait for it and a first click rarely does.
 */
export interface Panels {
  CountryPanel: typeof import('./CountryPanel.svelte').default;
  TableView: typeof import('./TableView.svelte').default;
  PresentationView: typeof import('./PresentationView.svelte').default;
  dossierOf: typeof import('../lib/dossier.ts').dossierOf;
  uncoveredDossier: typeof import('../lib/dossier.ts').uncoveredDossier;
  tableRows: typeof import('../lib/table.ts').tableRows;
}

export class LazyViews {
  /** The panels' code, once loaded. */
  panels = $state.raw<Panels | null>(null);
  /** The method page, once first opened. */
  MethodView = $state.raw<typeof import('./MethodView.svelte').default | null>(null);
  #loading: Promise<void> | null = null;

  /** Loads the panels' code (once). */
  loadPanels(): Promise<void> {
    this.#loading ??= Promise.all([
      import('./CountryPanel.svelte'),
      import('./TableView.svelte'),
      import('./PresentationView.svelte'),
      import('../lib/dossier.ts'),
      import('../lib/table.ts'),
    ]).then(([country, table, presentation, dossiers, tables]) => {
      this.panels = {
        CountryPanel: country.default,
        TableView: table.default,
        PresentationView: presentation.default,
        dossierOf: dossiers.dossierOf,
        uncoveredDossier: dossiers.uncoveredDossier,
        tableRows: tables.tableRows,
      };
    });
    return this.#loading;
  }

  /**
   * The panel of the selected actor on `date`, once the panels' code is in (`null` till then, or
   * with nothing selected). A country of the map the sources do not cover gets a panel that says so.
   */
  dossierFor(
    dataset: Dataset,
    index: EngagementIndex,
    geography: Pick<Geography, 'names' | 'countryById'>,
    id: string | null,
    date: Day,
  ): Dossier | null {
    const { panels } = this;
    if (id === null || !panels) return null;
    // Dates in the reader's language and calendar (read here, so a change of either redraws).
    if (geography.names.has(id)) return panels.dossierOf(dataset, index, id, date, dateWords);
    const name = geography.countryById.get(id)?.properties.name;
    return name ? panels.uncoveredDossier(dataset, id, name, date, dateWords) : null;
  }

  /** Loads the panels' code once the page has nothing else to do (Safari has no idle callback). */
  loadPanelsWhenIdle() {
    const load = () => void this.loadPanels();
    if ('requestIdleCallback' in window) requestIdleCallback(load);
    else setTimeout(load, 200);
  }

  /** Loads the method page's code (once). */
  loadMethod() {
    if (this.MethodView) return;
    void import('./MethodView.svelte').then((m) => (this.MethodView = m.default));
  }
}
