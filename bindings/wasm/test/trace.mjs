// A Chrome trace of one page load, summed into where the milliseconds
// between navigation start and the first contentful paint go (bench.mjs
// --trace). The trace is recorded through the DevTools protocol
// (`Tracing.start`) around a navigation in a fresh page.

/** The trace categories recorded (the timeline's, Blink's, loading's). */
export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'blink.user_timing',
  'loading',
  'navigation',
  'toplevel',
  'cc',
].join(',');

/**
 * Loads `url` in a new page of `context` with the trace recording, waits
 * for the console message `mark` (see DONE_SCRIPT in pages.mjs), and
 * resolves to the trace's events.
 */
export async function traceLoad(context, url, mark) {
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const done = p.waitForEvent('console', { predicate: (m) => m.text() === mark, timeout: 30000 });
  await p.goto(url, { waitUntil: 'commit' });
  await done;
  // The paint's presentation and the last events reach the trace a moment later.
  await p.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  await p.close();
  return events;
}

// The renderer main thread's work, by kind. Each event's own time is the
// time not covered by a nested event of this list.
const KINDS = [
  [/^ParseHTML$/, 'HTML parsing'],
  [/^(ParseAuthorStyleSheet)$/, 'stylesheet parsing'],
  [/^(UpdateLayoutTree|ScheduleStyleRecalculation)$/, 'style recalculation'],
  [/^Layout$/, 'layout'],
  [/^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|RasterTask)$/, 'pre-paint and paint'],
  [/^(Commit|ProxyMain::BeginMainFrame::commit)$/, 'commit to the compositor'],
  [/^(EvaluateScript|v8\.compile|v8\.compileModule|FunctionCall|v8\.evaluateModule|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|V8\.GC.*|MajorGC|MinorGC|v8\.wasm\..*)$/, 'script (and its compiling)'],
  [/^(RenderFrameImpl::CommitNavigation|FrameLoader::CommitNavigation|DocumentLoader::CommitNavigation|LocalFrame::SwapIn|AgentSchedulingGroup::CreateWebView|RenderFrameImpl::Initialize)$/, 'committing the navigation (new document)'],
];

const kindOf = (name) => KINDS.find(([re]) => re.test(name))?.[1];

/**
 * Sums one load's trace: returns {fcp, t: {...}, work: {...}, resources: [...]}, in ms
 * from navigation start, or null when the trace has no navigation or paint.
 * `path` is the page's path (to find its navigation).
 */
export function summarise(events, path) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.endsWith(path));
  if (!nav) return null;
  const fcpEvent = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid && e.ts > nav.ts);
  if (!fcpEvent) return null;
  const t0 = nav.ts;
  const t1 = fcpEvent.ts;
  const ms = (us) => us / 1000;
  const main = `${nav.pid}:${nav.tid}`;
  const mine = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur > 0 && e.ts < t1 && e.ts + e.dur > t0 && kindOf(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Own time: a sweep over the nested intervals, clipped to [t0, t1].
  const own = new Map();
  const stack = [];
  let at = t0;
  const charge = (until) => {
    const top = stack[stack.length - 1];
    if (top && until > at) own.set(kindOf(top.name), (own.get(kindOf(top.name)) ?? 0) + (until - at));
    at = Math.max(at, until);
  };
  for (const e of mine) {
    const start = Math.max(e.ts, t0);
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= start) {
      const top = stack[stack.length - 1];
      charge(Math.min(top.ts + top.dur, t1));
      stack.pop();
    }
    charge(start);
    stack.push(e);
  }
  while (stack.length) {
    const top = stack[stack.length - 1];
    charge(Math.min(top.ts + top.dur, t1));
    stack.pop();
  }
  const busy = [...own.values()].reduce((a, b) => a + b, 0);
  // The main thread's last commit to the compositor before the paint: what
  // follows it is raster and presentation (other threads).
  const lastCommit = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.name === 'Commit' && e.ts + e.dur <= t1 && e.ts >= t0)
    .reduce((m, e) => Math.max(m, e.ts + e.dur), t0);
  const t = Object.fromEntries([...own].map(([k, v]) => [k, ms(v)]));
  t['after the last commit: raster and presentation'] = ms(t1 - lastCommit);
  t['main thread idle or other work before the last commit'] = ms(lastCommit - t0 - busy);
  // Requests: when each was sent and finished.
  const sent = new Map();
  const resources = [];
  for (const e of events.filter((e) => /^Resource(SendRequest|Finish)$/.test(e.name)).sort((a, b) => a.ts - b.ts)) {
    const d = e.args?.data ?? {};
    if (e.name === 'ResourceSendRequest') sent.set(d.requestId, { url: d.url, sent: ms(e.ts - t0) });
    else if (sent.has(d.requestId)) resources.push({ ...sent.get(d.requestId), finished: ms(e.ts - t0) });
  }
  const commitNav = mine.find((e) => e.name === 'RenderFrameImpl::CommitNavigation');
  // What the browser did, counted (figures that do not depend on the
  // machine's load): elements whose style was computed, layout objects laid
  // out, before the first contentful paint.
  const before = events.filter((e) => e.pid === nav.pid && e.ts > t0 && e.ts < t1);
  const work = {
    'elements styled': before.filter((e) => e.name === 'UpdateLayoutTree').reduce((a, e) => a + (e.args?.elementCount ?? 0), 0),
    'objects laid out': before.filter((e) => e.name === 'Layout').reduce((a, e) => a + (e.args?.beginData?.dirtyObjects ?? 0), 0),
  };
  return { fcp: ms(t1 - t0), commit: commitNav ? ms(commitNav.ts - t0) : null, t, work, resources };
}
