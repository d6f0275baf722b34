#!/usr/bin/env node
/**
 * A minimal static server for the built site, used by the end-to-end tests, the widget
 * benchmark and the Lighthouse run (astro preview allows one server per project, which would
 * clash with a learner's own `npm start`). Serves dist/ like a static host: /path/ →
 * /path/index.html, /path → redirect to /path/ when that folder exists, anything else →
 * 404.html with status 404. With `gzip`, text responses are compressed for clients that
 * accept it, as any real host does (Lighthouse measures what a reader downloads).
 *
 *   node scripts/serve-dist.mjs [port] [--gzip]   (default 4322)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.png': 'image/png', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.ttf']);

const isFile = (path) => existsSync(path) && statSync(path).isFile();

/** Starts serving dist/ on 127.0.0.1:port; resolves to the server once it listens. */
export function serveDist(port = 4322, { gzip = false } = {}) {
  const root = resolve('dist');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(400).end();
      return;
    }
    let file = path;
    if (url.pathname.endsWith('/')) file = join(path, 'index.html');
    else if (!isFile(path) && isFile(join(path, 'index.html'))) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const status = isFile(file) ? 200 : 404;
    if (status === 404) file = join(root, '404.html');
    if (!isFile(file)) {
      response.writeHead(status).end();
      return;
    }
    const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    const compress = gzip && compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (compress) Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    response.writeHead(status, headers);
    const stream = createReadStream(file).on('error', () => {
      // the file went away (a rebuild in progress): answer rather than crash
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
    (compress ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 4322);
  await serveDist(port, { gzip: args.includes('--gzip') });
  console.log(`Serving dist/ at http://127.0.0.1:${port}/`);
}
