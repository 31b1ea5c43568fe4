/** The floor page: the app's geometry and colours on a bare MapLibre map (see ../shared/base-map.ts). */
import { startBaseMap } from '../shared/base-map.ts';

void startBaseMap();
