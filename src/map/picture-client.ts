/**
 * The page's side of the picture worker (picture-worker.ts): a state in, its SVG out, the latest
 * request winning. Started on first use; one worker for the page.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { ArcProps } from '../lib/arcs.ts';
import type { FocusCapitalProps, LabelAnchor, LabelProps } from '../lib/labels.ts';
import type { Levels } from '../lib/schema.ts';
import type { ThemeName } from '../lib/style.ts';
import type { Camera } from '../lib/url-state.ts';
import type { Size } from '../lib/viewport.ts';

/** A state as the worker draws it: plain data, cheap to copy (no geometry: the worker has it). */
export interface PictureRequest {
  size: Size;
  camera: Camera;
  theme: ThemeName;
  levels: Levels;
  levelOf: [string, { level: string }][];
  tensionOf: [string, { tension: 'tension' | 'conflict' | null }][];
  muted: string[];
  highlight: readonly string[] | null;
  selected: string | null;
  arcs: readonly Feature<LineString, ArcProps>[];
  labels: FeatureCollection<Point, LabelProps>;
  capital: FeatureCollection<Point, FocusCapitalProps>;
  labelScale: number;
  labelAnchors: [string, LabelAnchor][];
  labelFont: { regular: string; bold: string; script?: string };
}

export type PictureReply = { id: number; svg: string } | { id: number; error: string };

let worker: Worker | null = null;
let last = 0;
const waiting = new Map<number, (reply: PictureReply) => void>();

/**
 * The SVG of `request`, or `null` when a later request has been made meanwhile (its picture is
 * the one to show).
 * @throws Error when the worker fails to draw it.
 */
export function drawPicture(request: PictureRequest): Promise<string | null> {
  if (!worker) {
    worker = new Worker(new URL('./picture-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<PictureReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    });
  }
  const id = ++last;
  worker.postMessage({ id, request });
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply) => {
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(id === last ? reply.svg : null);
    });
  });
}
