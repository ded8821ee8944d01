/**
 * A chart's SVG as a file: exactly what is on screen (the charts write every colour, font
 * and size as attributes, so the element carries its own look), minus the hover marks
 * (`data-hover`), Svelte's scoped-style classes and any event attribute. Serialised as XML
 * — the HTML serialiser would write `&nbsp;` and break the file — so every name and label
 * in it is escaped text, never markup.
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

/** A detached copy of the chart ready to serialise (or to place in a slide). */
export function exportableClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const hover of clone.querySelectorAll('[data-hover]')) hover.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const scoped = name === 'class' && /^(\s*svelte-[\w-]+\s*)+$/.test(attr.value);
      if (scoped || name.startsWith('on') || name === 'tabindex') el.removeAttribute(attr.name);
    }
  }
  clone.setAttribute('xmlns', SVG_NS);
  // The page's font stack resolved on the chart (the attribute is there; this keeps a
  // chart drawn inside CSS-styled markup looking the same once it leaves the page).
  if (!clone.getAttribute('font-family')) clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  clone.removeAttribute('style');
  return clone;
}

/** An SVG element as file text (XML declaration, UTF-8). */
export function svgText(svg: SVGSVGElement): string {
  return XML_DECLARATION + new XMLSerializer().serializeToString(svg) + '\n';
}

/** The chart as an SVG file's text. */
export function chartSvgText(svg: SVGSVGElement): string {
  return svgText(exportableClone(svg));
}

/** Width and height of an SVG in its own units (attributes, else the viewBox). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Number(svg.getAttribute('width')) || box[2] || 0;
  const height = Number(svg.getAttribute('height')) || box[3] || 0;
  return { width, height };
}
