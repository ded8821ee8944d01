/** One line about a scheme for its card: the formula, its gates and the split, in words. */
import { RATE_OF as OF } from '../engine/index.ts';
import type { PayoutFormula, Scheme, Split } from '../engine/index.ts';
import { compactMoney } from '../charts/format.ts';
import { rateToPercent } from './decimal-text.ts';
import { WORDS, type Lang } from './i18n.ts';

const pct = (rate: string, lang: Lang) => `${rateToPercent(rate).replace('.', lang === 'ru' ? ',' : '.')}%`;
const money = (x: string, lang: Lang) => compactMoney(Number(x), lang);

export function formulaText(f: PayoutFormula, lang: Lang, measure: Scheme['measure'] = 'teamCollections'): string {
  const cap = 'cap' in f && f.cap !== undefined ? (lang === 'ru' ? `, не больше ${money(f.cap, lang)}` : `, at most ${money(f.cap, lang)}`) : '';
  switch (f.type) {
    case 'fixed':
      return money(f.amount, lang);
    case 'linear':
      return `${pct(f.rate, lang)} ${OF[lang][measure]}` + cap;
    case 'threshold':
      return `(C − ${money(f.threshold, lang)}) × ${pct(f.rate, lang)}` + cap;
    case 'pieceRate':
      return (
        (lang === 'ru'
          ? `${money(f.rate, lang)} за нормо-час до ${f.norm}, ${money(f.premium, lang)} сверх нормы`
          : `${money(f.rate, lang)} a norm-hour up to ${f.norm}, ${money(f.premium, lang)} above the norm`) + cap
      );
    case 'tiers':
      return f.tiers.map((t) => `${money(t.from, lang)}+: ${pct(t.rate, lang)}`).join(' · ') + ` (${WORDS[lang].tierModes[f.mode]})` + cap;
  }
}

export function gatesText(scheme: Scheme, lang: Lang): string {
  const gated = scheme.tranches.filter((t) => t.gate);
  if (gated.length === 0) return '';
  const parts = gated.map((t) =>
    t.gate!.keyClients !== undefined
      ? WORDS[lang].keyGateText(t.gate!.keyClients, pct(t.gate!.minPlanShare, lang), t.gate!.byDay)
      : lang === 'ru'
        ? `${pct(t.gate!.minPlanShare, lang)} плана к ${t.gate!.byDay}-му`
        : `${pct(t.gate!.minPlanShare, lang)} of plan by the ${t.gate!.byDay}th`,
  );
  if (scheme.plan !== undefined) {
    const own = (scheme.measure ?? 'teamCollections') !== 'teamCollections';
    const plan = lang === 'ru' ? `${own ? 'личный ' : ''}план ${money(scheme.plan, lang)}` : `${own ? 'own ' : ''}plan ${money(scheme.plan, lang)}`;
    return `${WORDS[lang].tranches} (${plan}): ${parts.join(', ')}`;
  }
  return `${WORDS[lang].tranches}: ${parts.join(', ')}`;
}

export function splitText(split: Split, lang: Lang): string {
  return WORDS[lang].splits[split.type];
}
