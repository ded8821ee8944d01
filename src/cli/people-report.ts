/**
 * The people and growth part of the readable summary (P5–P8), by year of the horizon:
 * new clients and the book (stagnation or growth), the inbound flow's conversion and star
 * level, absences, cover and departures. Each table appears only when some scheme has
 * something to show in it, so the client department's report stays as it was.
 */
import type { MonthSummary, ResultsJson, SchemeResults } from '../engine/index.ts';
import { decimal, millions, percent, table } from './format.ts';
import type { Lang } from './format.ts';

const LABELS = {
  en: {
    growth: 'Growth by year: new clients a month (mean) · clients in the book at year end (median) · billed a month (mean)',
    inbound: 'Inbound flow by year: share of requests signed (mean) · star level at year end, 0–1 (median)',
    inboundOnly: 'Inbound flow by year: share of requests signed (mean)',
    people: 'People: person-days away a month · share of the absent people’s client work colleagues did · departures a year · clients taken per departure',
    year: (y: number) => `year ${y}`,
    scheme: 'Scheme',
    away: 'Away/mo',
    cover: 'Covered',
    departures: 'Departures/yr',
    taken: 'Taken/departure',
  },
  ru: {
    growth: 'Рост по годам: новых клиентов в месяц (среднее) · клиентов в базе на конец года (медиана) · выставлено в месяц (среднее)',
    inbound: 'Входящий поток по годам: доля заявок, ставших клиентами (среднее) · уровень звёздной болезни на конец года, 0–1 (медиана)',
    inboundOnly: 'Входящий поток по годам: доля заявок, ставших клиентами (среднее)',
    people: 'Люди: человеко-дней отсутствия в месяц · доля работы отсутствующих с клиентами, сделанная коллегами · увольнений в год · клиентов ушло с уволившимся',
    year: (y: number) => `${y}-й год`,
    scheme: 'Схема',
    away: 'Отсутствия/мес',
    cover: 'Замещено',
    departures: 'Увольнений/год',
    taken: 'Ушло/увольнение',
  },
};

type Key = keyof Omit<MonthSummary, 'month'>;

/** Month summaries split into years (the last may be short). */
function years(s: SchemeResults): MonthSummary[][] {
  const out: MonthSummary[][] = [];
  for (let m = 0; m < s.monthly.length; m += 12) out.push(s.monthly.slice(m, m + 12));
  return out;
}

function meanOf(months: MonthSummary[], key: Key): number | null {
  const xs = months.map((m) => m[key].mean).filter((x): x is number => x !== null);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

function any(results: ResultsJson, key: Key): boolean {
  return results.schemes.some((s) => s.monthly.some((m) => (m[key].mean ?? 0) > 0));
}

export function peopleText(results: ResultsJson, lang: Lang = 'en'): string {
  const L = LABELS[lang];
  const parts: string[] = [];
  const yearCount = Math.ceil((results.schemes[0]?.monthly.length ?? 0) / 12);
  const yearHeads = Array.from({ length: yearCount }, (_, y) => L.year(y + 1));
  if (any(results, 'newClients') && any(results, 'prospectingHours')) {
    const rows = results.schemes.map((s) => [
      s.id,
      ...years(s).map((ms) => `${decimal(meanOf(ms, 'newClients'), 1, lang)} · ${decimal(ms[ms.length - 1].activeClients.median, 0, lang)} · ${millions(meanOf(ms, 'billed'), lang)}`),
    ]);
    parts.push(`${L.growth}\n${table([L.scheme, ...yearHeads], rows)}`);
  }
  if (results.schemes.some((s) => s.monthly.some((m) => m.inboundConversion.mean !== null))) {
    const stars = any(results, 'starLevel');
    const rows = results.schemes.map((s) => [
      s.id,
      ...years(s).map((ms) => percent(meanOf(ms, 'inboundConversion'), lang) + (stars ? ` · ${decimal(ms[ms.length - 1].starLevel.median, 2, lang)}` : '')),
    ]);
    parts.push(`${stars ? L.inbound : L.inboundOnly}\n${table([L.scheme, ...yearHeads], rows)}`);
  }
  if (any(results, 'absentDays') || any(results, 'departures')) {
    const rows = results.schemes.map((s) => [
      s.id,
      decimal(meanOf(s.monthly, 'absentDays'), 1, lang),
      percent(s.coverShare, lang),
      decimal((meanOf(s.monthly, 'departures') ?? 0) * 12, 2, lang),
      decimal(s.clientsTakenPerDeparture, 1, lang),
    ]);
    parts.push(`${L.people}\n${table([L.scheme, L.away, L.cover, L.departures, L.taken], rows)}`);
  }
  return parts.join('\n');
}
