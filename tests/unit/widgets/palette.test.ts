/**
 * The chart palette: one colour per loss, readable on both themes' backgrounds, the loss
 * colours far apart, and no widget with colours of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lossColors, roleColors, seriesColors } from '../../../src/widgets/palette';

const root = resolve(import.meta.dirname, '../../..');

/** The page background of the light and the dark theme, read from global.css's `--bg: light-dark(…, …)`. */
function backgrounds(): [string, string] {
  const css = readFileSync(join(root, 'src/styles/global.css'), 'utf8');
  const match = /--bg:\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/i.exec(css);
  if (!match) throw new Error('global.css: --bg is no longer light-dark(#light, #dark)');
  return [match[1]!, match[2]!];
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, (L₁ + 0.05) / (L₂ + 0.05) with L₁ the lighter. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIELAB (D65), for the distance between two colours as the eye sees it (ΔE*ab). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('the chart palette', () => {
  const [light, dark] = backgrounds();
  const all = { ...lossColors, ...roleColors, ...Object.fromEntries(seriesColors.map((color, i) => [`series ${i}`, color])) };

  it('reads the theme backgrounds from global.css', () => {
    expect(contrast(light, dark)).toBeGreaterThan(10);
  });

  it.each(Object.entries(all))('draws %s (%s) with at least 3:1 contrast on the light and the dark background', (_name, color) => {
    expect(contrast(color, light)).toBeGreaterThanOrEqual(3);
    expect(contrast(color, dark)).toBeGreaterThanOrEqual(3);
  });

  it('gives every loss its own colour, far from every other loss colour (ΔE*ab ≥ 20)', () => {
    const entries = Object.entries(lossColors);
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [a, colorA] = entries[i]!;
        const [b, colorB] = entries[j]!;
        expect(deltaE(colorA, colorB), `${a} ${colorA} vs ${b} ${colorB}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('is the only place a widget takes a colour from: no hex colour in any widget file', () => {
    const widgets = join(root, 'src/widgets');
    const offenders: string[] = [];
    for (const entry of readdirSync(widgets, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|astro)$/.test(entry.name) || entry.name === 'palette.ts') continue;
      const path = join(entry.parentPath, entry.name);
      const source = readFileSync(path, 'utf8');
      if (/['"]#[0-9a-f]{3,8}['"]/i.test(source)) offenders.push(path.slice(root.length + 1));
    }
    expect(offenders).toEqual([]);
  });
});
