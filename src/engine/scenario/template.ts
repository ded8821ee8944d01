/**
 * Message templates: `{name}` is replaced by the named parameter as `word` writes it (a
 * type name, a weekday, a column role in the reader's language); an unknown name stays as
 * written, so a template and its parameters that drift apart show, not vanish.
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>>,
  word: (name: string, value: string | number) => string,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? word(name, params[name]) : whole));
}
