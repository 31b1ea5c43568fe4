/**
 * The deck.gl page: the floor (../shared/base-map.ts) plus the app's motive arcs drawn the way many
 * would reach for: deck.gl's ArcLayer, interleaved into MapLibre through @deck.gl/mapbox's
 * MapboxOverlay. A change of date, selection or motive filter gives the layer new props, as deck.gl
 * intends.
 */
import { ArcLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PageArc } from '../../page-data.ts';
import { startBaseMap } from '../shared/base-map.ts';

void startBaseMap((map, data) => {
  let date = 0;
  let selected: string | null = null;
  const hidden = new Set<string>();

  const arcsLayer = () =>
    new ArcLayer<PageArc>({
      id: 'motive-arcs',
      data: (data.shown[date] ?? [])
        .map((i) => data.arcs[i]!)
        .filter((a) => !hidden.has(a.category)),
      getSourcePosition: (a) => a.from,
      getTargetPosition: (a) => a.to,
      getSourceColor: (a) => a.color,
      getTargetColor: (a) => a.color,
      getWidth: (a) => (a.actor === selected ? 4 : 2.5),
      widthUnits: 'pixels',
      updateTriggers: { getWidth: selected },
    });

  const first = arcsLayer();
  let arcsDrawn: () => void = () => {};
  const drawn = new Promise<void>((resolve) => (arcsDrawn = resolve));
  const overlay = new MapboxOverlay({
    interleaved: true,
    layers: [first],
    // Called after each map frame once deck.gl is initialised; the first layer is loaded once
    // its attributes are built, so the frame after that has the arcs in it.
    onAfterRender: () => {
      if (first.isLoaded) arcsDrawn();
    },
  });
  map.addControl(overlay);
  const update = () => overlay.setProps({ layers: [arcsLayer()] });

  return {
    drawn,
    setDate(i) {
      date = i;
      update();
    },
    select(id) {
      selected = id;
      update();
    },
    toggleMotive(category) {
      if (hidden.has(category)) hidden.delete(category);
      else hidden.add(category);
      update();
    },
  };
});
