/**
 * What the optimiser says when a request cannot be met — a path, a range, a metric or a
 * limit it cannot read — in English and in Russian, so that the command line and the
 * workbench answer in the user's language.
 */
export class OptimiseError extends Error {
  override readonly name: string = 'OptimiseError';
  constructor(
    message: string,
    readonly ru: string,
  ) {
    super(message);
  }

  text(lang: 'en' | 'ru'): string {
    return lang === 'ru' ? this.ru : this.message;
  }
}

export function fail(en: string, ru: string): never {
  throw new OptimiseError(en, ru);
}
