// Types of natverk/widget: the <natverk-inventory> element (SPEC §8).
import type { Report, Equality, Findings, Finding } from './natverk.js';

/** The element; importing natverk/widget defines it as <natverk-inventory>. */
export declare class NatverkInventory extends HTMLElement {
  /** The report on screen (SPEC §5.1), or null. */
  report: Report | null;
  /** The warnings on screen (SPEC §7.2), or null until they are shown. */
  findings: Findings | null;
  /** The equality statistics on screen (SPEC §7.1), or null until shown. */
  equality: Equality | null;
}

export interface NatverkRenderDetail { lines: number; ms: number }
export interface NatverkErrorDetail { findings: Array<Partial<Finding> & { message: string }> }

declare global {
  interface HTMLElementTagNameMap {
    'natverk-inventory': NatverkInventory;
  }
  interface HTMLElementEventMap {
    'natverk-render': CustomEvent<NatverkRenderDetail>;
    'natverk-error': CustomEvent<NatverkErrorDetail>;
  }
}
