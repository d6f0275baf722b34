#!/usr/bin/env node
/**
 * Finds a Chromium for the end-to-end tests, installing Debian's package when it can.
 * Order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser; if none and we are
 * root, `apt-get install -y chromium`; otherwise stop with a message saying how.
 * Prints the path on stdout (as a module: `findChromium()` returns it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function findChromium() {
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.error('Chromium not found: installing Debian’s chromium package (apt-get install -y chromium)…');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      throw new Error(`Installing chromium with apt-get failed (${error.message}). Install it by hand: apt-get install -y chromium`);
    }
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'The end-to-end tests need Chromium, and none was found. Install Debian’s package as root ' +
      '(apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
