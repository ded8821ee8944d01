/**
 * A deck (.pptx) from a plain description, with pptxgenjs — loaded only when a deck is
 * asked for. Charts are PowerPoint's own (chart XML with an embedded workbook), so
 * "Edit data" opens their numbers and a designer can restyle them; tables are native
 * tables. Every slide carries the same meta line (scenario, seed, N), a headline number,
 * a legend that explains each mark in words, and a footer. 16:9, Arial (Liberation Sans
 * where Arial is missing).
 */
export interface DeckSeries {
  name: string;
  values: (number | null)[];
  /** #RRGGBB */
  colour: string;
}

export interface DeckChartGroup {
  type: 'line' | 'bar';
  series: DeckSeries[];
  /** Lines: dashed, no line at all (markers only), the marker. */
  dash?: boolean;
  markersOnly?: boolean;
  marker?: 'none' | 'diamond';
}

export interface DeckChart {
  labels: string[];
  groups: DeckChartGroup[];
  /** An Excel number format for the value axis, e.g. `#,##0,,"M ₽"`. */
  valueFormat: string;
  /** Bars: their values written on them, in this format. */
  labelFormat?: string;
  valueAxisTitle: string;
  categoryAxisTitle?: string;
  min?: number;
  max?: number;
}

export interface LegendEntry {
  /** #RRGGBB; with `mark` drawn as a swatch before the text. */
  colour?: string;
  mark?: 'line' | 'dash' | 'diamond' | 'box';
  text: string;
}

export interface DeckTable {
  header: string[];
  rows: string[][];
  /** A colour per row (its scheme), drawn as the first cell's text colour. */
  rowColours?: (string | undefined)[];
  /** A colour per header cell (a scheme's column). */
  headerColours?: (string | undefined)[];
  /** Relative column widths (default: the first a quarter, the rest equal). */
  widths?: number[];
}

export interface DeckSlide {
  title: string;
  headline: string;
  chart?: DeckChart;
  table?: DeckTable;
  legend: LegendEntry[];
}

export interface Deck {
  lang: 'en' | 'ru';
  /** The file's title and the cover's heading. */
  title: string;
  kicker: string;
  /** Scenario · seed · N, on every slide. */
  meta: string;
  /** "Partial" / "out of date", on every slide in red when set. */
  status: string | null;
  footer: string;
  cover: { verdictTitle: string; verdict: string[]; table: DeckTable };
  slides: DeckSlide[];
}

const hex = (c: string) => c.replace('#', '').toUpperCase();
const FONT = 'Arial';
const INK = '1F2328';
const MUTED = '57606A';
const W = 13.333;

type Pptx = import('pptxgenjs').default;
type Slide = ReturnType<Pptx['addSlide']>;

function frame(slide: Slide, deck: Deck, title: string, headline: string): void {
  slide.addText(title, { x: 0.45, y: 0.25, w: W - 0.9, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: INK });
  slide.addText(deck.meta, { x: 0.45, y: 0.82, w: W - 0.9, h: 0.3, fontFace: FONT, fontSize: 12, color: MUTED });
  if (deck.status) slide.addText(deck.status, { x: 0.45, y: 1.08, w: W - 0.9, h: 0.28, fontFace: FONT, fontSize: 12, bold: true, color: 'B42318' });
  if (headline) slide.addText(headline, { x: 0.45, y: deck.status ? 1.36 : 1.12, w: W - 0.9, h: 0.42, fontFace: FONT, fontSize: 15, bold: true, color: INK, fit: 'shrink' });
  slide.addText(deck.footer, { x: 0.45, y: 7.08, w: W - 0.9, h: 0.26, fontFace: FONT, fontSize: 10, color: MUTED });
}

function table(slide: Slide, t: DeckTable, box: { x: number; y: number; w: number }, fontSize: number, firstColumn = 0.25): void {
  const header = t.header.map((text, i) => ({
    text,
    options: { bold: true, color: t.headerColours?.[i] ? hex(t.headerColours[i]!) : MUTED, fill: { color: 'F6F8FA' }, align: (i === 0 ? 'left' : 'right') as 'left' | 'right' },
  }));
  const rows = t.rows.map((r, k) =>
    r.map((text, i) => ({
      text,
      options: { bold: i === 0, color: i === 0 && t.rowColours?.[k] ? hex(t.rowColours[k]!) : INK, align: (i === 0 ? 'left' : 'right') as 'left' | 'right' },
    })),
  );
  const first = box.w * firstColumn;
  const total = t.widths?.reduce((a, b) => a + b, 0) ?? 0;
  const colW = t.widths ? t.widths.map((x) => (box.w * x) / total) : [first, ...t.header.slice(1).map(() => (box.w - first) / (t.header.length - 1))];
  slide.addTable([header, ...rows], { ...box, colW, fontFace: FONT, fontSize, border: { type: 'solid', pt: 0.5, color: 'D0D7DE' }, margin: 0.05, autoPage: false });
}

function legend(slide: Slide, entries: LegendEntry[], box: { x: number; y: number; w: number }): void {
  let y = box.y;
  for (const e of entries) {
    const lines = Math.max(1, Math.ceil((e.text.length * 0.075) / (box.w - 0.45)));
    const h = 0.22 * lines + 0.08;
    if (e.colour && e.mark) {
      const c = hex(e.colour);
      if (e.mark === 'box') slide.addShape('rect', { x: box.x, y: y + 0.06, w: 0.26, h: 0.16, fill: { color: c }, line: { color: c } });
      else if (e.mark === 'diamond') slide.addShape('diamond', { x: box.x + 0.05, y: y + 0.04, w: 0.18, h: 0.18, fill: { color: c }, line: { color: c } });
      else slide.addShape('line', { x: box.x, y: y + 0.14, w: 0.3, h: 0, line: { color: c, width: 2.25, dashType: e.mark === 'dash' ? 'dash' : 'solid' } });
    }
    slide.addText(e.text, { x: box.x + 0.4, y, w: box.w - 0.4, h, fontFace: FONT, fontSize: 11.5, color: INK, valign: 'top', margin: 0 });
    y += h + 0.06;
  }
}

function chart(pptx: Pptx, slide: Slide, c: DeckChart, box: { x: number; y: number; w: number; h: number }): void {
  const common = {
    ...box,
    fontFace: FONT,
    showLegend: false,
    valAxisLabelFormatCode: c.valueFormat,
    valAxisTitle: c.valueAxisTitle,
    showValAxisTitle: true,
    valAxisTitleFontSize: 11,
    catAxisTitle: c.categoryAxisTitle,
    showCatAxisTitle: c.categoryAxisTitle !== undefined,
    catAxisTitleFontSize: 11,
    catAxisLabelFontSize: 10,
    valAxisLabelFontSize: 10,
    valGridLine: { color: 'E6E8EB', size: 0.75 },
    catGridLine: { style: 'none' as const },
    displayBlanksAs: 'gap',
    ...(c.min !== undefined ? { valAxisMinVal: c.min } : {}),
    ...(c.max !== undefined ? { valAxisMaxVal: c.max } : {}),
  };
  const groupOf = (g: DeckChartGroup) => ({
    type: g.type === 'bar' ? pptx.ChartType.bar : pptx.ChartType.line,
    data: g.series.map((s) => ({ name: s.name, labels: c.labels, values: s.values as number[] })),
    options: {
      chartColors: g.series.map((s) => hex(s.colour)),
      ...(g.type === 'bar'
        ? {
            barDir: 'col',
            barGrouping: 'clustered',
            barGapWidthPct: 60,
            ...(c.labelFormat ? { showValue: true, dataLabelFormatCode: c.labelFormat, dataLabelFontSize: 9, dataLabelPosition: 'outEnd' as const, dataLabelColor: INK } : {}),
          }
        : {
            lineSize: g.markersOnly ? 0 : 2.25,
            lineDash: g.dash ? ('dash' as const) : ('solid' as const),
            lineDataSymbol: g.marker ?? 'none',
            lineDataSymbolSize: 11,
          }),
    },
  });
  if (c.groups.length === 1) {
    const g = groupOf(c.groups[0]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    slide.addChart(g.type as any, g.data, { ...common, ...g.options } as any);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    slide.addChart(c.groups.map(groupOf) as any, common as any);
  }
}

/** The deck's bytes (a Blob in the browser; `nodebuffer` in tests). */
export async function writeDeck(deck: Deck, outputType: 'blob' | 'nodebuffer' = 'blob'): Promise<Blob | Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.author = 'Paybench';

  const cover = pptx.addSlide();
  frame(cover, deck, deck.title, '');
  cover.addText(deck.kicker, { x: 0.45, y: 0.02, w: W - 0.9, h: 0.28, fontFace: FONT, fontSize: 12, color: MUTED });
  const vy = deck.status ? 1.45 : 1.2;
  // About 150 characters of 13 pt text to a line across the slide.
  const verdictH = Math.min(2.4, 0.3 + deck.cover.verdict.reduce((h, v) => h + 0.23 * Math.ceil(v.length / 150) + 0.06, 0));
  cover.addText(
    [
      { text: deck.cover.verdictTitle, options: { bold: true, fontSize: 13, color: MUTED, breakLine: true } },
      ...deck.cover.verdict.map((text, i) => ({ text, options: { fontSize: 13, bold: i === 0, color: INK, breakLine: true, paraSpaceAfter: 4 } })),
    ],
    { x: 0.45, y: vy, w: W - 0.9, h: verdictH, fontFace: FONT, valign: 'top', fit: 'shrink', margin: 0 },
  );
  table(cover, deck.cover.table, { x: 0.45, y: vy + verdictH + 0.15, w: W - 0.9 }, 10.5, 0.28);

  for (const s of deck.slides) {
    const slide = pptx.addSlide();
    frame(slide, deck, s.title, s.headline);
    const top = deck.status ? 1.85 : 1.6;
    if (s.chart) {
      chart(pptx, slide, s.chart, { x: 0.35, y: top, w: 8.75, h: 6.95 - top });
      legend(slide, s.legend, { x: 9.3, y: top + 0.1, w: 3.65 });
    } else if (s.table) {
      table(slide, s.table, { x: 0.45, y: top, w: W - 0.9 }, 12, 0.2);
      legend(slide, s.legend, { x: 0.45, y: 6.15, w: W - 0.9 });
    }
  }
  return (await pptx.write({ outputType })) as Blob | Uint8Array;
}
