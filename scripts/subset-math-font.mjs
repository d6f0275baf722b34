#!/usr/bin/env node
/**
 * Makes src/assets/fonts/stix-two-math.woff2, the math font every page's MathML is set in:
 * STIX Two Math (SIL Open Font License 1.1, from @fontsource/stix-two-math), cut down to the
 * blocks of characters mathematics uses, with its MATH table and the size variants and
 * stretchy pieces that table points to. Writes the list of characters the subset covers next
 * to it (stix-two-math.json); a test checks every character of the built site's math against it.
 *
 *   node scripts/subset-math-font.mjs
 *
 * Needs pyftsubset (Debian: apt-get install -y fonttools python3-brotli). The output is
 * committed: building the site does not need fonttools. Run this again only to change the
 * character set, e.g. when a lesson starts using a block that is not below.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';

const source = 'node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2';
const output = 'src/assets/fonts/stix-two-math.woff2';

/**
 * The characters to keep, each line with what it is for: what the lessons use today, and the
 * alphabets and operators a new lesson most likely reaches for. Anything else is left out
 * to keep the file small (about 52 KB); the test that checks the built site's math against
 * stix-two-math.json names any character missing, and adding it here is the fix.
 */
const ranges = [
  ['0020-007E', 'ASCII'],
  ['00A0, 00AC, 00B0-00B7, 00D7, 00F7', 'no-break space, ¬, °, ±, ², ³, ´, µ, ·, ×, ÷'],
  ['0131, 0237, 02C6-02DC, 0300-0308, 030A-030C', 'dotless i and j, and the accents: ˆ ˇ ˉ ˘ ˙ ˚ ˜ and their combining forms'],
  ['0391-03A9, 03B1-03C9, 03D1, 03D5, 03D6, 03F0, 03F1, 03F5', 'Greek, with the variant forms (ϑ ϕ ϖ ϰ ϱ ϵ)'],
  ['2000-200B, 2016, 2020-2026, 2032-2037, 203E, 2044, 2061-2064', 'spaces, ‖, daggers, bullet, ellipsis, primes, overline, fraction slash, invisible operators'],
  ['20D6-20D7, 20E1', 'arrows over vectors'],
  ['2102, 2107, 210A-2113, 2115, 2118-211D, 2124, 2128, 212C-2131, 2133-2134', 'letterlike symbols: ℓ, ℝ, ℕ, ℤ, ℎ and the script and double-struck capitals'],
  ['2190-2199, 21A6, 21D0-21D5', 'arrows: ← → ↔ ↦ ⇐ ⇒ ⇔'],
  ['2200-2213, 2215-221E, 2223-222B, 223C, 2248, 2260-2265', 'operators: ∀ ∂ ∃ ∅ ∇ ∈ ∉ ∏ ∑ − ∓ ∗ ∘ √ ∝ ∞ ∣ ∥ ∧ ∨ ∩ ∪ ∫ ∼ ≈ ≠ ≡ ≤ ≥'],
  ['226A-226B, 227A-227B, 2282-2287, 2295-2299, 22A4-22A5, 22C0-22C5', '≪ ≫ ≺ ≻ ⊂ ⊃ ⊆ ⊇ ⊕ ⊖ ⊗ ⊘ ⊙ ⊤ ⊥ ⋀ ⋁ ⋂ ⋃ ⋄ ⋅'],
  ['2308-230B, 239B-23B5, 23DC-23E1', 'ceilings, floors, bracket pieces, over- and underbraces'],
  ['27E8-27E9, 27F5-27FF', 'angle brackets, long arrows'],
  ['1D400-1D467', 'bold and italic letters (MathML sets a single-letter identifier in italic)'],
  ['1D49C-1D4B5, 1D538-1D551', 'script and double-struck capitals'],
  ['1D6A4-1D6A5, 1D6E2-1D71B', 'dotless italic i and j, italic Greek'],
  ['1D7CE-1D7E1', 'bold and double-struck digits'],
];

try {
  execFileSync('pyftsubset', ['--help'], { stdio: 'ignore' });
} catch {
  console.error('pyftsubset not found: install Debian’s fonttools (apt-get install -y fonttools python3-brotli).');
  process.exit(1);
}
const unicodes = ranges.map(([list]) => list.replace(/\s/g, '')).join(',');
execFileSync(
  'pyftsubset',
  [source, `--unicodes=${unicodes}`, `--output-file=${output}`, '--flavor=woff2', '--layout-features=*', '--no-hinting', '--desubroutinize', '--name-IDs=*', '--name-languages=*', '--notdef-outline'],
  { stdio: 'inherit' },
);
const covered = execFileSync(
  '/usr/bin/python3',
  ['-c', `from fontTools.ttLib import TTFont; print(" ".join(format(c, "x") for c in sorted(TTFont("${output}").getBestCmap())))`],
  { encoding: 'utf8' },
).trim();
writeFileSync(
  output.replace(/\.woff2$/, '.json'),
  `${JSON.stringify({ source: '@fontsource/stix-two-math 5.3.0 (STIX Two Math, SIL OFL 1.1)', codePoints: covered.split(' ') })}\n`,
);
console.log(`${output}: ${(statSync(output).size / 1024).toFixed(1)} KB, ${covered.split(' ').length} characters`);
