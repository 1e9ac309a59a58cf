// A tiny static file server over the repository root, and a headless
// Chromium (playwright-core driving the system /usr/bin/chromium), shared by
// the browser tests and the benchmark.
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The policy a strict city web site sends, as issue 14 gives it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` (default: the repository root) on 127.0.0.1 at a free port.
 * `extra` maps URL paths to in-memory bodies (generated inventories, test
 * pages). Options: `headers(urlPath)` gives extra response headers (a CSP,
 * CORS); `cache` sets `cache-control` (default `no-store`); `memo`
 * (default false) answers a file read once from memory. Every request is
 * counted by path in `hits`. Resolves to {url, origin, hits, close}.
 */
export async function serve(extra = {}, options = {}) {
  const root = options.root ?? ROOT;
  const hits = new Map();
  // `memo`: a file read once is answered from memory afterwards (as a web
  // server answers a hot file from its cache), for measurements.
  const memo = options.memo ? new Map() : null;
  const server = http.createServer(async (req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    hits.set(urlPath, (hits.get(urlPath) ?? 0) + 1);
    const headers = { 'cache-control': options.cache ?? 'no-store', ...(options.headers?.(urlPath) ?? {}) };
    const send = (body, file) => {
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (Object.hasOwn(extra, urlPath)) {
      send(extra[urlPath], urlPath);
      return;
    }
    let file = path.join(root, urlPath);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const kept = memo?.get(file);
      if (kept) {
        send(kept.body, kept.file);
        return;
      }
      const asked = file;
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      memo?.set(asked, { body, file });
      send(body, file);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

/**
 * `serve` on a thread of its own (a worker), for measurements: the
 * harness's own work (Playwright's protocol messages, on this thread) then
 * never delays an answer, as a real web server is not slowed by its
 * visitors' browsers; a file is read from disk once, then answered from
 * memory (Node's file reads are several thread-pool round trips each,
 * which on a busy machine took longer than the answer itself). `extra` and `options.cache` as for `serve` (no
 * `headers`). Resolves to {url, origin, close}.
 */
export async function serveApart(extra = {}, options = {}) {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { extra: Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, Buffer.from(v)])), cache: options.cache },
  });
  const url = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { url, origin: url, close: () => worker.terminate() };
}

if (!isMainThread && workerData?.extra) {
  const srv = await serve(workerData.extra, { cache: workerData.cache, memo: true });
  parentPort.postMessage(srv.url);
}

/** Headless Chromium with a throwaway profile; resolves to {context, close}. */
export async function browser(options = {}) {
  const { chromium } = await import('playwright-core');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'natverk-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a new page of `chrome`, collecting page errors, console
 * errors and Content-Security-Policy violations (console messages and
 * `securitypolicyviolation` events, inside shadow roots too) into
 * `problems`. Resolves to the page.
 */
export async function openPage(chrome, url, problems, options = {}) {
  const p = await chrome.context.newPage();
  if (options.viewport) await p.setViewportSize(options.viewport);
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      true,
    );
  });
  p.on('pageerror', (e) => problems.push(`${url}: page error: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|violates/i.test(m.text())) {
      problems.push(`${url}: console ${m.type()}: ${m.text()}`);
    }
  });
  await p.goto(url);
  return p;
}
