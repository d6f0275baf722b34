#!/usr/bin/env node
/**
 * A minimal static server for the built site, used by the end-to-end tests and the widget
 * benchmark (astro preview allows one server per project, which would clash with a learner's
 * own `npm start`). Serves dist/ like a static host: /path/ → /path/index.html, /path →
 * redirect to /path/ when that folder exists, anything else → 404.html with status 404.
 *
 *   node scripts/serve-dist.mjs [port]   (default 4322)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve('dist');
const port = Number(process.argv[2] ?? 4322);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.png': 'image/png', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

const isFile = (path) => existsSync(path) && statSync(path).isFile();

createServer((request, response) => {
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
  response.writeHead(status, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file)
    .on('error', () => {
      // the file went away (a rebuild in progress): answer rather than crash
      if (!response.headersSent) response.writeHead(500);
      response.end();
    })
    .pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`Serving dist/ at http://127.0.0.1:${port}/`));
