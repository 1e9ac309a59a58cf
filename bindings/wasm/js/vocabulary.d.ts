// Types of natverk/vocabulary: every word the widget shows, by language.

/** Flat key → text, e.g. "money.fees" → "Avgifter"; `{name}` marks a value to insert. */
export type Words = Readonly<Record<string, string>>;

/** Swedish and English texts with the same keys. */
export declare const VOCABULARY: Readonly<{ sv: Words; en: Words }>;
