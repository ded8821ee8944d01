/**
 * Draws a chart component off screen at a given size (a slide's body) and hands back its
 * SVG; the caller disposes of it once copied. The host has exactly the chart's width, so
 * the chart's measured width and its `width` prop agree.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';

export function renderOffscreen<P extends Record<string, unknown>>(
  component: Component<P>,
  props: P,
  width: number,
): { svg: SVGSVGElement; dispose(): void } {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;visibility:hidden;pointer-events:none;contain:strict;height:10px`;
  document.body.append(host);
  const instance = mount(component, { target: host, props });
  flushSync();
  const dispose = () => {
    void unmount(instance);
    host.remove();
  };
  const svg = host.querySelector<SVGSVGElement>('.pb-chart svg');
  if (!svg) {
    dispose();
    throw new Error('the chart drew no SVG');
  }
  return { svg, dispose };
}
