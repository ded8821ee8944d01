/**
 * A chart on a 16:9 slide (1920 × 1080): the title, a line naming the scenario, its seed
 * and N, the chart (drawn afresh at slide proportions, its own legend included) scaled to
 * fill the body, and a quiet footer. Built with DOM calls, so names from files are text
 * nodes and attributes, escaped on serialisation — never markup.
 */
import { textWidth, truncate } from '../common.ts';
import { FONT, INK } from '../palette.ts';
import { exportableClone, SVG_NS, svgSize } from './svg.ts';

export const SLIDE = { width: 1920, height: 1080, margin: 96, top: 212, bottom: 1000 } as const;
/** Chart units → slide pixels: a chart drawn at 1/1.5 of the body's size reads at slide distance. */
export const SLIDE_CHART_SCALE = 1.5;

/** A short chart (few rows) may be drawn larger, up to this. */
export const SLIDE_MAX_SCALE = 2.4;

/** The size (chart units) to draw a chart at for the slide body. */
export function slideChartSize(scale: number = SLIDE_CHART_SCALE): { width: number; height: number } {
  return {
    width: Math.floor((SLIDE.width - 2 * SLIDE.margin) / scale),
    height: Math.floor((SLIDE.bottom - SLIDE.top) / scale),
  };
}

/**
 * The scale for a chart whose height follows its rows (`height` at the usual scale's
 * width): as large as the body's height allows, within SLIDE_MAX_SCALE.
 */
export function slideScaleFor(height: number): number {
  const fit = (SLIDE.bottom - SLIDE.top) / Math.max(1, height);
  return Math.max(Math.min(SLIDE_CHART_SCALE, fit), Math.min(SLIDE_MAX_SCALE, fit));
}

export interface SlideText {
  title: string;
  /** "Client department (article 002) · seed 20260 · N = 1000 runs" */
  subtitle: string;
  /** Bottom left ("Paybench · 14 May 2026"). */
  footer: string;
}

function el<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The slide as an SVG element (detached), with the chart nested and scaled to fit. */
export function buildSlide(chart: SVGSVGElement, text: SlideText, doc: Document = document): SVGSVGElement {
  const { width: W, height: H, margin: M } = SLIDE;
  const slide = el(doc, 'svg', { xmlns: SVG_NS, width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': FONT, fill: INK.text });
  slide.append(el(doc, 'title', {}, text.title));
  slide.append(el(doc, 'rect', { width: W, height: H, fill: '#ffffff' }));
  slide.append(el(doc, 'rect', { x: M, y: 64, width: 72, height: 8, fill: '#0072B2' }));
  const titleSize = textWidth(text.title, 52, true) <= W - 2 * M ? 52 : 44;
  slide.append(el(doc, 'text', { x: M, y: 132, 'font-size': titleSize, 'font-weight': 700 }, truncate(text.title, W - 2 * M, titleSize, true)));
  slide.append(el(doc, 'text', { x: M, y: 180, 'font-size': 28, fill: INK.muted }, truncate(text.subtitle, W - 2 * M, 28)));

  const body = exportableClone(chart);
  const size = svgSize(body);
  const areaW = W - 2 * M;
  const areaH = SLIDE.bottom - SLIDE.top;
  const scale = Math.min(areaW / Math.max(1, size.width), areaH / Math.max(1, size.height));
  const w = size.width * scale;
  const h = size.height * scale;
  body.setAttribute('x', String(M)); // aligned with the title, like a slide's text
  body.setAttribute('y', String(SLIDE.top + (areaH - h) / 2));
  body.setAttribute('width', String(w));
  body.setAttribute('height', String(h));
  body.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  body.removeAttribute('xmlns');
  slide.append(body);

  slide.append(el(doc, 'line', { x1: M, x2: W - M, y1: 1030, y2: 1030, stroke: INK.grid, 'stroke-width': 2 }));
  slide.append(el(doc, 'text', { x: M, y: 1060, 'font-size': 20, fill: INK.muted }, truncate(text.footer, W - 2 * M, 20)));
  return slide;
}
