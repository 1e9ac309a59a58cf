// The widget's styles, as one constructable stylesheet shared by every
// <natverk-inventory> on the page (adoptedStyleSheets). A stylesheet built
// in script is not inline style, so a page whose Content-Security-Policy has
// `style-src 'self'` (no 'unsafe-inline') shows the widget styled, with no
// violation. No element of the widget carries a `style` attribute; SVG
// geometry is set with attributes.
//
// Layout: the host is a size container. Below 36em of its own width the
// report table becomes one compact card per line (the header row is
// hidden, every amount carries its label); wider, it is a table whose
// amounts the reader chooses. The table scrolls inside its own region, never
// the page.

export const CSS = `
:host { display: block; container: natverk / inline-size; max-width: 100%;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--natverk-text, #1b1f24); background: var(--natverk-bg, #fff); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
section.natverk { min-width: 0; }
h2 { font-size: 1.25em; margin: 0 0 .5em; }
h3 { font-size: 1.05em; margin: 1em 0 .4em; }
.org { display: block; font-size: .8em; font-weight: 500; color: var(--natverk-muted, #4b5563); }
.filter { min-height: 5.3em; }
form { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: end; margin: 0 0 .75em; padding: .5em .75em;
  border: 1px solid var(--natverk-border, #c9ced6); border-radius: 6px; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
form fieldset { display: contents; }
legend { font-weight: 600; padding: 0; margin-right: .5em; float: left; }
label { display: flex; flex-direction: column; font-size: .85em; color: var(--natverk-muted, #4b5563); }
input, select, button { font: inherit; font-size: 1rem; color: inherit; }
input, select { padding: .2em .4em; border: 1px solid #6b7280; border-radius: 4px; background: #fff; }
input[type=number] { width: 6.5em; }
form button, button.more { padding: .3em .9em; border: 1px solid #1f4e8c; border-radius: 4px; background: #1f4e8c;
  color: #fff; cursor: pointer; }
button.more { margin: 0 0 1em; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.status { font-size: .85em; color: var(--natverk-muted, #4b5563); margin: 0 0 .4em; }
.tools { display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: start; margin: 0 0 .5em; }
details > summary { cursor: pointer; font-weight: 600; }
details.columns fieldset { display: flex; flex-wrap: wrap; gap: .2em 1em; padding: .4em 0 .2em; }
details.columns legend { float: none; font-weight: 500; font-size: .85em; color: var(--natverk-muted, #4b5563);
  margin: 0 0 .2em; width: 100%; }
details.columns label { flex-direction: row; align-items: center; gap: .3em; font-size: .9em; color: inherit; }
details.warnings { min-height: 1.6em; }
details.warnings[data-count="0"] > summary { font-weight: 500; }
.warnings ul { margin: .3em 0 .6em; padding-left: 1.2em; }
.warnings li { margin: 0 0 .3em; }
.severity { font-weight: 650; color: #8a3b00; }
.severity.error { color: #b42318; }
.path { display: block; font-size: .8em; color: var(--natverk-muted, #4b5563); overflow-wrap: anywhere; }
code { font-family: ui-monospace, monospace; font-size: .9em; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; max-width: 100%; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: .9em; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4em; }
th, td { padding: .3em .45em; border-bottom: 1px solid var(--natverk-border, #dde1e6); vertical-align: top; }
thead th { border-bottom: 2px solid #6b7280; text-align: left; vertical-align: bottom; font-size: .85em; line-height: 1.25; }
thead th.num, td.num, tfoot td { text-align: right; }
tbody th { font-weight: 500; text-align: left; min-width: 9em; overflow-wrap: anywhere; }
tbody tr:nth-child(even) { background: var(--natverk-stripe, #f5f7fa); }
td.num { white-space: nowrap; }
td.strong { font-weight: 650; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #6b7280; border-bottom: 0; }
tfoot th { text-align: left; }
thead th button { all: unset; cursor: pointer; display: inline-flex; gap: .2em; align-items: end; border-radius: 3px; }
thead th.num button { justify-content: flex-end; text-align: right; }
thead th button:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.arrow { font-size: .8em; color: #4b5563; min-width: 1em; }
.empty { font-style: italic; }
figure { margin: 0 0 1em; }
figcaption { font-weight: 600; margin: 0 0 .3em; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 13px system-ui, sans-serif; fill: #1b1f24; }
svg .bar { fill: var(--natverk-bar, #2f6db5); }
svg .axis { stroke: #6b7280; }
table.equality { width: auto; min-width: min(100%, 36em); }
table.equality td { text-align: right; }
table.equality tbody th { min-width: 0; overflow-wrap: normal; }
.note { font-size: .9em; margin: 0 0 1em; }
.alert { border: 2px solid #b42318; border-radius: 6px; padding: .6em 1em; margin: 0 0 1em; background: #fef3f2;
  color: #3d0c08; overflow-wrap: anywhere; }
.alert h3 { margin: 0 0 .4em; font-size: 1.05em; color: #912018; }
.alert ul { margin: 0; padding-left: 1.2em; }
.alert code { background: #fde2df; padding: 0 .2em; border-radius: 3px; }
details.delegations ul { margin: .3em 0 .6em; padding-left: 1.2em; }
details.delegations h4 { margin: .6em 0 .2em; font-size: 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; margin: -1px; padding: 0; border: 0; }

@container natverk (min-width: 36.01em) and (max-width: 60em) {
  table.lines { font-size: .82em; }
  table.lines th, table.lines td { padding: .3em .3em; }
  table.lines tbody th { min-width: 7em; }
}

@container natverk (max-width: 36em) {
  .filter { min-height: 11.2em; }
  form { padding: .5em; }
  legend { flex-basis: 100%; margin: 0; }
  table.equality { font-size: .85em; }
  table.equality th, table.equality td { padding: .25em .3em; }
  table.lines { font-size: .95em; }
  table.lines caption { display: block; }
  table.lines thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
    white-space: nowrap; margin: -1px; padding: 0; border: 0; }
  table.lines, table.lines tbody, table.lines tfoot { display: block; }
  table.lines tr { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr)); gap: .1em .8em;
    padding: .45em .6em; margin: 0 0 .5em; border: 1px solid var(--natverk-border, #c9ced6); border-radius: 6px; }
  table.lines tbody tr:nth-child(even) { background: var(--natverk-stripe, #f5f7fa); }
  table.lines th, table.lines td { display: block; padding: 0; border: 0; text-align: left; min-width: 0; }
  table.lines tbody th, table.lines tfoot th, table.lines td.key { grid-column: 1 / -1; }
  table.lines tbody th { font-weight: 650; }
  table.lines td.num { display: flex; flex-direction: column; white-space: normal; }
  table.lines td[data-label]::before { content: attr(data-label); font-size: .78em; font-weight: 500;
    color: var(--natverk-muted, #4b5563); }
  table.lines td.key { display: flex; gap: .4em; }
  table.lines td.key::before { content: attr(data-label) ":"; font-size: .85em; }
  table.lines tfoot tr { border-width: 2px; border-color: #6b7280; }
  table.lines tfoot th, table.lines tfoot td { border: 0; }
  .tools { flex-direction: column; }
}
`;

let shared = null;

/** The one stylesheet every widget on the page adopts. */
export function styleSheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
}
