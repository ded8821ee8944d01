/** Text to Windows-1251 bytes (Node has no encoder for it): what 1C and Russian banks write. */
const decoder = new TextDecoder('windows-1251');
const table = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);

export function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const b = table.get(ch);
    if (b === undefined) throw new Error(`"${ch}" has no Windows-1251 byte`);
    return b;
  });
}
