// Checked by `tsc --noEmit` (never run): the declarations in js/natverk.d.ts
// describe the API as the tests use it, and reject misuse.
import { init, Inventory, InventoryError, version } from '../js/natverk.js';
import type { Report, Equality, Findings, Money, ReportOptions } from '../js/natverk.js';
import { VOCABULARY } from '../js/vocabulary.js';
import type { NatverkInventory } from '../js/widget.js';

async function main(): Promise<void> {
  await init();
  const v: string = version();
  const inv: Inventory = Inventory.fromJson('{}');
  Inventory.fromJson(new Uint8Array([123, 125]));
  const opts: ReportOptions = { from: 2024, to: 2025, scope: 'central', by: ['subject', 'year'], leave: 'recommended', leave_from: 2025 };
  const r: Report = inv.report(opts);
  const net: Money = r.total.net;
  const first: string | null | undefined = r.lines[0]?.subject;
  const year: number | undefined = r.lines[0]?.year;
  const saved: string | undefined = r.savings?.fees;
  const e: Equality = inv.equality({ from: 2024, to: 2025, statuses: ['active'] });
  const balanced: boolean | null | undefined = e.networks[0]?.balanced;
  const seats: number = e.seats_by_side.opposition.woman;
  const f: Findings = inv.check({ today: new Date() });
  const g: Findings = Inventory.checkJson('{}', { today: '2024-01-01', lang: 'sv' });
  const sv: Findings = inv.check({ lang: 'sv' });
  const fees: string | undefined = VOCABULARY.sv['money.fees'];
  void [sv, fees];
  const code: string | undefined = g.findings[0]?.code;
  try {
    Inventory.fromJson('x');
  } catch (err) {
    if (err instanceof InventoryError) {
      const line: number | undefined = err.findings[0]?.line;
      void line;
    }
  }
  const el: NatverkInventory | null = document.querySelector('natverk-inventory');
  el?.addEventListener('natverk-render', (e) => void e.detail.lines);
  const shown: string | undefined = el?.report?.total.net;
  void shown;
  const d = inv.diff(inv, { from: 2024, to: 2025 });
  const change: string = d.total.change.net;
  const path: string | undefined = d.changed[0]?.changes[0]?.path;
  const when: string | undefined = inv.calendar({ from: 2024, to: 2025 }).events[0]?.date;
  const ics: string = inv.calendarIcs({ from: 2024, to: 2025, lang: 'sv' });
  void [change, path, when, ics];
  // @ts-expect-error the kinds of the calendar are three words
  const kind: 'start' | undefined = inv.calendar({ from: 2024, to: 2025 }).events[0]?.kind;
  void kind;
  const board = inv.board({ from: 2024, to: 2025, compare: inv, leave: ['a'], show_names: false, today: new Date(), lang: 'en' });
  const block = board.sections[0]?.blocks[0];
  const cell = block?.type === 'table' ? block.rows[0]?.[1] : block?.text;
  const heading: string | undefined = board.sections[0]?.heading;
  void [cell, heading];
  // @ts-expect-error leave is "recommended" or a list of ids
  inv.board({ from: 2024, to: 2025, leave: 'all' });
  inv.free();
  void [v, net, first, year, saved, balanced, seats, f, code];

  // @ts-expect-error money is a string, never a number
  const wrong: number = r.total.net;
  // @ts-expect-error `from` and `to` are required
  inv.report({ by: ['network'] });
  // @ts-expect-error not a group key
  inv.report({ from: 2024, to: 2025, by: ['colour'] });
  // @ts-expect-error only Swedish and English
  inv.check({ lang: 'de' });
  // @ts-expect-error the constructor is private: use fromJson
  new Inventory();
  void wrong;
}
void main;
