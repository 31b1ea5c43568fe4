// d3-geo-projection ships no types and there is no @types package; this declares the one function
// geo/build.ts uses.
declare module 'd3-geo-projection' {
  import type { GeoStreamWrapper } from 'd3-geo';
  import type { Feature, GeoJsonProperties, Geometry } from 'geojson';

  /** Projects a feature into planar coordinates, running the projection's clipping. */
  export function geoProject<P extends GeoJsonProperties>(
    object: Feature<Geometry, P>,
    projection: GeoStreamWrapper,
  ): Feature<Geometry | null, P>;
}
