/**
 * The board deck: a .pptx whose charts are PowerPoint's own — chart XML with the results'
 * numbers and an embedded workbook for "Edit data" — a cover with the verdict and the
 * glance table, the summary as a native table, and the scenario, seed and N on every
 * slide, in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { writeDeck } from '../../../src/charts/export/pptx.ts';
import { deckContent } from '../../../src/app/deck-content.ts';
import { tinyResults } from '../fixture.ts';

const { scenario, results } = tinyResults(8, 2);

async function unzipDeck(lang: 'en' | 'ru', status: string | null = null) {
  const deck = deckContent(results, scenario, lang, { status, date: '4 December 2026' });
  const bytes = (await writeDeck(deck, 'nodebuffer')) as Uint8Array;
  return { deck, files: unzipSync(bytes) };
}

/** The numbers of a chart XML's series, in order: [series name, values][] (an empty point is a gap: null). */
function seriesOf(xml: string): [string, (number | null)[]][] {
  return [...xml.matchAll(/<c:ser>([^]*?)<\/c:ser>/g)].map(([, ser]) => {
    const name = /<c:tx>[^]*?<c:v>([^<]*)<\/c:v>/.exec(ser)![1];
    const val = /<c:val>([^]*?)<\/c:val>/.exec(ser)![1];
    return [name, [...val.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g)].map((m) => (m[1] === '' ? null : Number(m[1])))];
  });
}

describe('the board deck', () => {
  it('holds native charts with the results’ numbers and a workbook behind each', async () => {
    const { files } = await unzipDeck('en');
    const charts = Object.keys(files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort();
    expect(charts).toHaveLength(4); // typical month, collections with gates, profit, pay
    const embedded = Object.keys(files).filter((f) => /^ppt\/embeddings\/.+\.xlsx$/.test(f));
    expect(embedded).toHaveLength(4);

    const cash = seriesOf(strFromU8(files['ppt/charts/chart1.xml']));
    const linear = results.schemes[0];
    expect(cash[0][0]).toBe(`${linear.name}: median`);
    expect(cash[0][1]).toEqual(linear.typicalMonth.p50.filter((v) => v !== null));
    expect(cash.map(([n]) => n)).toContain(`${linear.name}: P10`);

    const intra = strFromU8(files['ppt/charts/chart2.xml']);
    expect(intra).toContain('<c:symbol val="diamond"/>'); // the gates
    const gates = seriesOf(intra).find(([n]) => n.endsWith(': gate'))!;
    expect(gates[1].flatMap((v, i) => (v === null ? [] : [[i + 1, v]]))).toEqual([[15, 0.5], [25, 0.9]]);

    const pay = seriesOf(strFromU8(files['ppt/charts/chart4.xml']));
    expect(pay.map(([n]) => n)).toEqual(results.schemes.map((s) => s.name));
    expect(pay[1][1]).toEqual(results.schemes[1].staff.map((p) => p.pay.p50));

    // "Edit data": the embedded workbook holds the same numbers.
    const book = await readExcelFile(Buffer.from(files[embedded.sort()[3]]));
    expect(book[0].data[0].slice(1)).toEqual(results.schemes.map((s) => s.name));
    expect(book[0].data.slice(1).map((r) => r[1])).toEqual(results.schemes[0].staff.map((p) => p.pay.p50));
  });

  it('puts the scenario, seed and N on every slide, the verdict on the cover and the summary as a table', async () => {
    const { deck, files } = await unzipDeck('ru', 'Устарело: входные данные изменились после расчёта');
    const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(6);
    const text = (f: string) => strFromU8(files[f]).replace(/<[^>]+>/g, '');
    for (const s of slides) {
      expect(text(s), s).toContain(`зерно ${results.scenario.seed} · N\u00A0=\u00A08 прогонов на схему`);
      expect(text(s), s).toContain('Устарело');
    }
    const cover = text('ppt/slides/slide1.xml');
    expect(cover).toContain('Вывод');
    expect(cover).toContain(deck.cover.verdict[0].replace(/&/g, '&amp;').replace(/“|”/g, (c) => c));
    expect(cover).toContain('Прибыль в год (медиана)');
    const summary = strFromU8(files['ppt/slides/slide6.xml']);
    expect(summary).toContain('<a:tbl>');
    expect(summary).toContain('Разрыв в худший день: месяц (медиана)');
    expect(strFromU8(files['ppt/slides/slide3.xml']).replace(/<[^>]+>/g, '')).toContain('ромб: условие транша');
  });
});
