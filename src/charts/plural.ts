/**
 * Counts in words. Russian nouns take one of three forms by the number's last digits
 * (1 прогон, 2 прогона, 5 прогонов; 11–14 take the third): a count read off a run in
 * progress (142 runs, 21 runs) is any number, not only the round ones the defaults give.
 */

/** The Russian form for n: `one` (1, 21, 101), `few` (2–4, 22–24), `many` (0, 5–20, 25–30). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

/** The English noun for n: `one` for 1, else `many` (by default `one` + s). */
export const wordEn = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 run", "3 runs". */
export const runsEn = (n: number): string => `${n} ${wordEn(n, 'run')}`;

/** The Russian nouns counted in several places, in the form for n (the number written apart, formatted). */
export const runWordRu = (n: number): string => pluralRu(n, 'прогон', 'прогона', 'прогонов');
export const paymentWordRu = (n: number): string => pluralRu(n, 'поступление', 'поступления', 'поступлений');
export const candidateWordRu = (n: number): string => pluralRu(n, 'вариант', 'варианта', 'вариантов');

/** «1 прогон», «3 прогона», «5 прогонов». */
export const runsRu = (n: number): string => `${n} ${runWordRu(n)}`;

/** «на 1 прогоне», «на 400 прогонах»: the count after «на». */
export const onRunsRu = (n: number): string => `${n} ${pluralRu(n, 'прогоне', 'прогонах', 'прогонах')}`;

/** «из 21 прогона», «около 400 прогонов»: the noun after «из» and «около» (genitive), for n. */
export const runsOfRu = (n: number): string => pluralRu(n, 'прогона', 'прогонов', 'прогонов');
