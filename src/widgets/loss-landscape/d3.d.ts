/**
 * The one d3 routine this widget calls directly: d3-contour's marching squares, which
 * Observable Plot depends on (and bundles) for its own contour mark. Declared here because the
 * project has no @types/d3.
 */
declare module 'd3' {
  export interface ContourMultiPolygon {
    type: 'MultiPolygon';
    value: number;
    coordinates: number[][][][];
  }
  export interface Contours {
    size(size: [number, number]): Contours;
    smooth(smooth: boolean): Contours;
    contour(values: ArrayLike<number>, threshold: number): ContourMultiPolygon;
  }
  export function contours(): Contours;
}
