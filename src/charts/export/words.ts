/** The export toolbar's and slides' words, in English and Russian (a typed dictionary, as labels.ts). */
import { NBSP, type Lang } from '../format.ts';
import { runsEn, runsRu } from '../plural.ts';

const en = {
  group: (chart: string) => `Export: ${chart}`,
  as: { svg: 'SVG', png: 'PNG', slide: 'Slide', slideSvg: 'Slide SVG', csv: 'CSV' },
  hint: {
    svg: 'SVG, exactly as on screen',
    png: 'PNG at 2× scale',
    slide: '16:9 slide, 1920×1080 PNG',
    slideSvg: '16:9 slide, 1920×1080 SVG',
    csv: 'the data as CSV (UTF-8; comma-separated, decimal point)',
  },
  failed: (reason: string) => `Export failed: ${reason}`,
  slideSubtitle: (scenario: string, seed: number, runs: number) => `${scenario} · seed ${seed} · N = ${runsEn(runs)} per scheme`,
  slideFooter: (date: string) => `Paybench · exported ${date}`,
};

export type ExportWords = typeof en;

const ru: ExportWords = {
  group: (chart) => `Экспорт: ${chart}`,
  as: { svg: 'SVG', png: 'PNG', slide: 'Слайд', slideSvg: 'Слайд SVG', csv: 'CSV' },
  hint: {
    svg: 'SVG, в точности как на экране',
    png: 'PNG, масштаб 2×',
    slide: 'слайд 16:9, PNG 1920×1080',
    slideSvg: 'слайд 16:9, SVG 1920×1080',
    csv: 'данные в CSV (UTF-8; разделитель «;», десятичная запятая)',
  },
  failed: (reason) => `Экспорт не удался: ${reason}`,
  slideSubtitle: (scenario, seed, runs) => `${scenario} · зерно ${seed} · N${NBSP}=${NBSP}${runsRu(runs)} на схему`,
  slideFooter: (date) => `Paybench · выгружено ${date}`,
};

export function exportWords(lang: Lang): ExportWords {
  return lang === 'ru' ? ru : en;
}
