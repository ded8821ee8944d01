/**
 * Text for a terminal: control characters that came from input (a file's first bytes in
 * a JSON error, a shard's fields, a file name) are written as `\u001b`, not sent raw, so
 * a file cannot set the title, move the cursor or clear the screen of whoever reads the
 * message. Line feeds and tabs stay. The escape is JSON's own: a JSON text stays the same
 * JSON (control characters can only stand inside its strings, where `\u001b` means the same).
 * Bidirectional overrides (U+202A–U+202E, U+2066–U+2069) are escaped too: they reorder
 * what a terminal shows.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
