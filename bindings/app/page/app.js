// The official's app (SPEC §12): lays out what the WebAssembly module
// (bindings/app) returns. No rule of natverk is here: every figure, check,
// message and label comes from the module; this script only reads files,
// builds the options object from the form and puts text into the page.
// Every string from a file is set as text (textContent), never as markup.
/* global wasm_bindgen, natverkLzmaDecode */
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };

  let lang = 'sv';
  let L = {};
  let app = null;
  let oldApp = null; // last year's file, to compare with (SPEC §14)
  let choicesShown = false;
  const today = () => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  };
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  const t = (key, values) => fill(L[key] ?? key, values || {});

  function base64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  // A download is a data: link while its URL stays well under Chromium's
  // limit on URLs (2 MB), else a blob: link to the bytes (a national
  // inventory's workbook is tens of MB). Neither is a network request.
  const DATA_URL_MAX = 1024 * 1024;
  function setDownload(a, bytes, type, name) {
    if (a.dataset.blob) {
      URL.revokeObjectURL(a.dataset.blob);
      delete a.dataset.blob;
    }
    if (!bytes || bytes.length === 0) {
      a.removeAttribute('href');
      a.setAttribute('aria-disabled', 'true');
      return;
    }
    a.removeAttribute('aria-disabled');
    if (bytes.length * 4 / 3 < DATA_URL_MAX) {
      a.href = `data:${type};base64,${base64(bytes)}`;
    } else {
      a.href = URL.createObjectURL(new Blob([bytes], { type }));
      a.dataset.blob = a.href;
    }
    a.download = name;
  }
  const utf8 = (s) => new TextEncoder().encode(s);

  function say(text) { $('status').textContent = text; }
  function alarm(text) { $('alert').textContent = text; }
  function guard(fn) {
    return async (...args) => {
      try {
        await fn(...args);
      } catch (e) {
        alarm(t('app.unexpected', { error: (e && e.message) || String(e) }));
        // Start afresh (no panic is expected; if one happened, the last
        // file's state is not to be trusted): the page stays usable.
        try {
          app = new wasm_bindgen.App();
          oldApp = new wasm_bindgen.App();
          $('old-findings').replaceChildren();
          $('old-status').textContent = '';
          $('report-section').hidden = true;
          $('download-section').hidden = true;
        } catch (_) { /* the alarm above says it */ }
      }
    };
  }

  // ---- words ---------------------------------------------------------
  function applyLang() {
    L = JSON.parse(wasm_bindgen.labels(lang));
    document.documentElement.lang = lang;
    document.title = t('app.title');
    $('title').textContent = t('app.title');
    for (const e of document.querySelectorAll('[data-l]')) e.textContent = t(e.dataset.l);
    const sw = $('lang');
    sw.textContent = t('app.lang_switch');
    sw.setAttribute('lang', t('app.lang_switch_lang'));
    const tpl = wasm_bindgen.template(lang);
    setDownload($('dl-template'), tpl, XLSX, t('app.template_file'));
    example = wasm_bindgen.example(lang);
    setDownload($('dl-example'), example, XLSX, t('app.example_file'));
  }
  let example = null;

  // Once the page is usable: read the example once, in the background, so
  // that the browser has compiled the reader (WebAssembly functions are
  // compiled on their first call) before the official's file comes: the
  // first file then reads as fast as the next ones.
  function warmUp() {
    const w = new wasm_bindgen.App();
    try {
      w.open('example.xlsx', example, '', '');
      const y = new Date().getFullYear();
      w.report(JSON.stringify({ from: y, to: y }), lang, today());
      w.checks(lang, today());
    } finally {
      w.free();
    }
    document.body.dataset.warm = 'true';
    performance.mark('natverk-warm');
  }

  // ---- findings ------------------------------------------------------
  function findingsView(view, container) {
    container.replaceChildren();
    const box = el('div', { class: 'findings' });
    box.append(el('p', { class: 'findings-summary', text: view.summary }));
    for (const g of view.groups) {
      box.append(el('h3', { text: g.title }));
      const ul = el('ul');
      for (const f of g.items) {
        const li = el('li', { class: 'finding' });
        li.append(el('span', { class: `sev-${f.severity}`, text: f.severity_label }), ' ');
        const where = f.place || f.path;
        if (where) li.append(el('span', { class: 'place', text: where }), ': ');
        li.append(el('span', { class: 'message', text: f.message }));
        if (f.network) li.append(' (', el('span', { class: 'network', text: f.network }), ')');
        ul.append(li);
      }
      box.append(ul);
    }
    container.append(box);
  }

  // ---- tables --------------------------------------------------------
  function tableView(tbl, caption) {
    const table = el('table');
    table.append(el('caption', { text: caption || tbl.title }));
    const head = el('tr');
    for (const c of tbl.columns) head.append(el('th', { scope: 'col', class: c.numeric ? 'num' : null, text: c.label }));
    table.append(el('thead', null, head));
    const body = el('tbody');
    const row = (cells, tag) => {
      const tr = el('tr');
      cells.forEach((x, i) => {
        const c = tbl.columns[i] || {};
        const cell = i === 0 && tag === 'tfoot' ? el('th', { scope: 'row', text: x }) : el('td', { text: x });
        if (c.numeric) cell.className = 'num';
        tr.append(cell);
      });
      return tr;
    };
    for (const r of tbl.rows) body.append(row(r, 'tbody'));
    table.append(body);
    if (tbl.footer.length) {
      const foot = el('tfoot');
      for (const r of tbl.footer) foot.append(row(r, 'tfoot'));
      table.append(foot);
    }
    return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption || tbl.title }, table);
  }

  // ---- options -------------------------------------------------------
  function checkboxes(fieldset, name, items, checked) {
    const legend = fieldset.querySelector('legend');
    const keep = new Set([...fieldset.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value));
    const had = fieldset.querySelectorAll(`input[name="${name}"]`).length > 0;
    fieldset.replaceChildren(legend);
    for (const it of items) {
      const input = el('input', { type: 'checkbox', name, value: it.word ?? it.id });
      input.checked = had ? keep.has(input.value) : checked.includes(input.value);
      fieldset.append(el('label', null, input, ' ', it.label ?? `${it.name} (${it.id})`));
    }
  }

  function showChoices() {
    const c = JSON.parse(app.choices(lang, today()));
    if (!choicesShown) {
      $('from').value = c.year;
      $('to').value = c.year;
      choicesShown = true;
    }
    const scope = $('scope');
    const was = scope.value || 'all';
    scope.replaceChildren(...c.scopes.map((s) => el('option', { value: s.word, text: s.label })));
    scope.value = was;
    checkboxes($('by'), 'by', c.keys, ['network']);
    checkboxes($('statuses'), 'status', c.statuses, []);
    checkboxes($('leave-networks'), 'leave-network', c.networks, []);
  }

  function yearOf(input) {
    const v = input.value.trim();
    return /^-?\d+$/.test(v) ? Number(v) : v;
  }

  function options() {
    const o = { from: yearOf($('from')), to: yearOf($('to')), scope: $('scope').value };
    o.by = [...document.querySelectorAll('input[name="by"]:checked')].map((i) => i.value);
    if (o.by.length === 0) delete o.by;
    const st = [...document.querySelectorAll('input[name="status"]:checked')].map((i) => i.value);
    if (st.length) o.statuses = st;
    const leave = document.querySelector('input[name="leave"]:checked').value;
    if (leave === 'recommended') o.leave = 'recommended';
    if (leave === 'chosen') {
      o.leave = [...document.querySelectorAll('input[name="leave-network"]:checked')].map((i) => i.value);
    }
    if (leave && $('leave-from').value.trim() !== '') o.leave_from = yearOf($('leave-from'));
    return o;
  }

  // ---- the report, checks, equality, downloads ----------------------
  let downloadsTimer = 0;
  let opened = 0; // files opened so far
  let inventoryDownloads = '';
  function showReport() {
    const opts = JSON.stringify(options());
    const report = JSON.parse(app.report(opts, lang, today()));
    const box = $('report');
    box.replaceChildren();
    if (report.error) {
      findingsView(report.error, box);
    } else {
      const dl = el('dl', { class: 'shown' });
      for (const [k, v] of report.options) dl.append(el('dt', { text: k }), el('dd', { text: v }));
      box.append(dl, tableView(report.table, report.caption));
    }
    findingsView(JSON.parse(app.checks(lang, today())), $('checks'));
    const o = options();
    const eq = JSON.parse(app.equality(JSON.stringify({ from: o.from, to: o.to, scope: o.scope, statuses: o.statuses }), lang));
    const ebox = $('equality');
    ebox.replaceChildren();
    if (eq.error) findingsView(eq.error, ebox);
    else for (const tb of eq.tables) ebox.append(tableView(tb));
    calendarView(opts);
    diffView(opts);
    // The documents after the table is on screen.
    clearTimeout(downloadsTimer);
    downloadsTimer = setTimeout(guard(() => downloads(opts)), 0);
  }

  // The calendar (SPEC §14) over the report's years: the core's table.
  function calendarView(opts) {
    const box = $('calendar');
    box.replaceChildren();
    const cal = JSON.parse(app.calendar(opts, lang));
    if (cal.error) findingsView(cal.error, box);
    else if (cal.count === 0) box.append(el('p', { text: t('app.calendar_none') }));
    else box.append(tableView(cal.table));
  }

  // The comparison with last year's file (SPEC §14), when it is given.
  function diffView(opts) {
    const box = $('diff');
    box.replaceChildren();
    const has = JSON.parse(oldApp.status()).ok;
    $('diff-part').hidden = !has;
    if (!has) return;
    const d = JSON.parse(app.diff(oldApp, opts, lang));
    if (d.error) {
      findingsView(d.error, box);
      return;
    }
    box.append(el('p', { class: 'diff-title', text: d.title }));
    for (const tb of d.tables) box.append(tableView(tb));
  }

  // The board's downloads: the appendix and the calendar always, the
  // comparison when last year's file is given.
  function boardDownloads(opts) {
    const HTML = 'text/html;charset=utf-8';
    setDownload($('dl-board-html'), utf8(app.boardHtml(oldApp, opts, lang, today())), HTML, `${t('app.board_file')}.html`);
    setDownload($('dl-calendar-ics'), utf8(app.calendarIcs(opts, lang)), 'text/calendar;charset=utf-8', `${t('app.calendar_file')}.ics`);
    const has = JSON.parse(oldApp.status()).ok;
    $('dl-diff-html').parentElement.hidden = !has;
    if (has) setDownload($('dl-diff-html'), utf8(app.diffHtml(oldApp, opts, lang, today())), HTML, `${t('app.diff_file')}.html`);
  }

  function downloads(opts) {
    const base = t('app.report_file');
    setDownload($('dl-report-xlsx'), app.reportXlsx(opts, lang, today()), XLSX, `${base}.xlsx`);
    setDownload($('dl-report-html'), utf8(app.reportHtml(opts, lang, today())), 'text/html;charset=utf-8', `${base}.html`);
    // The inventory's own downloads depend only on the file and the
    // language: made once for each.
    const key = `${opened}:${lang}`;
    if (inventoryDownloads !== key) {
      const inv = t('app.inventory_file');
      setDownload($('dl-inventory-xlsx'), app.inventoryXlsx(lang), XLSX, `${inv}.xlsx`);
      setDownload($('dl-inventory-json'), utf8(app.inventoryJson()), 'application/json', `${inv}.json`);
      setDownload($('dl-public-json'), utf8(app.publicJson()), 'application/json', `${t('app.public_file')}.json`);
      inventoryDownloads = key;
    }
    boardDownloads(opts);
    document.body.dataset.downloads = 'ready';
  }

  function showAll() {
    const st = JSON.parse(app.status());
    if (!st.name) {
      say(t('app.no_file'));
      return;
    }
    findingsView(JSON.parse(app.findings(lang)), $('findings'));
    if (st.errors === 0 && st.warnings === 0) $('findings').replaceChildren();
    if (st.merged) {
      say(st.ok ? t('app.merged_ok', { count: st.files, networks: st.networks }) : t('app.merge_failed', { count: st.files }));
    } else {
      say(st.ok ? t('app.read_ok', { name: st.name, networks: st.networks }) : t('app.read_failed', { name: st.name }));
    }
    const comp = JSON.parse(app.completeness(lang));
    const cbox = $('completeness');
    cbox.replaceChildren();
    if (comp) {
      cbox.append(tableView(comp.table));
      if (comp.missing) cbox.append(el('p', { class: 'missing', text: comp.missing }));
    }
    showOld();
    $('report-section').hidden = !st.ok;
    $('download-section').hidden = !st.ok;
    if (st.ok) {
      showChoices();
      showReport();
    }
    performance.mark('natverk-shown');
  }

  // ---- files ---------------------------------------------------------
  async function openFiles(files) {
    alarm('');
    if (!files || files.length === 0) return;
    const file = files[0];
    performance.mark('natverk-file');
    delete document.body.dataset.downloads;
    if (files.length > 1) {
      await mergeFiles(files);
      return;
    }
    say(t('app.reading', { name: file.name }));
    if (file.size > wasm_bindgen.App.maxBytes()) {
      app.refuse(file.name, file.size);
    } else {
      let bytes;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        app = new wasm_bindgen.App();
        $('report-section').hidden = true;
        $('download-section').hidden = true;
        $('findings').replaceChildren();
        say('');
        alarm(t('app.not_read', { name: file.name, error: (e && e.message) || String(e) }));
        return;
      }
      app.open(file.name, bytes, csvOptions());
      opened += 1;
    }
    showAll();
  }

  // What the command line's options give a CSV sheet; the module checks
  // them (and says which field is wrong).
  function csvOptions() {
    return JSON.stringify({
      organisation: $('csv-org').value,
      currency: $('csv-cur').value,
      code: $('csv-code').value,
      population: $('csv-population').value,
      rates: $('csv-rates').value.split(/[\s;]+/),
    });
  }

  // Several files at once (SPEC §15): each is read, then the module
  // merges them; the merged inventory is what every view shows.
  async function mergeFiles(files) {
    say(t('app.reading', { name: [...files].map((f) => f.name).join(', ') }));
    app.begin();
    // The files together are one input (SPEC §9): past the limit, the
    // rest are refused unread.
    let left = wasm_bindgen.App.maxBytes();
    for (const f of files) {
      if (f.size > left) {
        app.addRefused(f.name, f.size);
        continue;
      }
      left -= f.size;
      let bytes;
      try {
        bytes = new Uint8Array(await f.arrayBuffer());
      } catch (e) {
        app.addRefused(f.name, f.size);
        alarm(t('app.not_read', { name: f.name, error: (e && e.message) || String(e) }));
        continue;
      }
      app.add(f.name, bytes, csvOptions());
    }
    app.merge();
    opened += 1;
    showAll();
  }

  // Last year's file: read into its own App, shown with its findings;
  // the comparison is made by the module (app.diff).
  async function openOld(files) {
    if (!files || files.length === 0) return;
    const file = files[0];
    if (file.size > wasm_bindgen.App.maxBytes()) {
      oldApp.refuse(file.name, file.size);
    } else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      oldApp.open(file.name, bytes, csvOptions());
    }
    showOld();
    if (JSON.parse(app.status()).ok) showReport();
  }

  function showOld() {
    const st = JSON.parse(oldApp.status());
    const box = $('old-findings');
    box.replaceChildren();
    if (!st.name) {
      $('old-status').textContent = '';
      return;
    }
    $('old-status').textContent = st.ok
      ? t('app.old_read_ok', { name: st.name, networks: st.networks })
      : t('app.old_read_failed', { name: st.name });
    if (st.errors + st.warnings > 0) findingsView(JSON.parse(oldApp.findings(lang)), box);
  }

  function wire() {
    $('lang').addEventListener('click', guard(() => {
      lang = lang === 'sv' ? 'en' : 'sv';
      applyLang();
      showAll();
    }));
    $('file').addEventListener('change', guard(async (e) => {
      await openFiles(e.target.files);
      e.target.value = '';
    }));
    $('old-file').addEventListener('change', guard(async (e) => {
      await openOld(e.target.files);
      e.target.value = '';
    }));
    const drop = $('drop');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', guard(async (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      await openFiles(e.dataTransfer && e.dataTransfer.files);
    }));
    // A file dropped beside the area is not opened by the browser (which
    // would leave the app).
    window.addEventListener('dragover', (e) => e.preventDefault());
    window.addEventListener('drop', (e) => e.preventDefault());
    $('options').addEventListener('submit', guard((e) => {
      e.preventDefault();
      alarm('');
      showReport();
    }));
    for (const a of document.querySelectorAll('a[download]')) {
      a.addEventListener('click', (e) => { if (!a.getAttribute('href') || a.getAttribute('href') === '#') e.preventDefault(); });
    }
  }

  async function start() {
    const block = $('natverk-wasm');
    const packed = Uint8Array.from(atob(block.textContent.trim()), (c) => c.charCodeAt(0));
    // LZMA, a fifth smaller than gzip (page/lzma.js, checked at every build)
    const bytes = natverkLzmaDecode(packed, Number(block.dataset.size));
    await wasm_bindgen({ module_or_path: bytes });
    app = new wasm_bindgen.App();
    oldApp = new wasm_bindgen.App();
    applyLang();
    wire();
    $('loading').remove();
    $('lang').hidden = false;
    $('app').hidden = false;
    document.body.dataset.ready = 'true';
    performance.mark('natverk-ready');
    setTimeout(guard(warmUp), 0);
  }

  start().catch((e) => {
    $('loading').textContent = `natverk: ${(e && e.message) || e}`;
  });
})();
