import type { Palette } from '../config/palette.js';

export function chartConfig(palette: Palette): Record<string, unknown> {
  // Drawn at about two thirds of a slide's width: scaled to fit, the labels read at ~24 px.
  // A generous labelLimit: Node has no canvas to measure text, and vega's estimate cuts labels that fit.
  const text = {
    labelLimit: 1000,
    labelColor: palette.muted,
    titleColor: palette.text,
    labelFont: palette.font,
    titleFont: palette.font,
    labelFontSize: 15,
    titleFontSize: 15,
  };
  return {
    background: null,
    font: palette.font,
    view: { stroke: null, continuousWidth: 720, continuousHeight: 280, discreteHeight: { step: 40 } },
    axis: { ...text, gridColor: palette.grid, domainColor: palette.grid, tickColor: palette.grid, titleFontWeight: 600 },
    legend: { ...text, titleFontWeight: 600 },
    header: { ...text },
    title: {
      color: palette.text,
      subtitleColor: palette.muted,
      font: palette.font,
      fontSize: 17,
      fontWeight: 700,
      anchor: 'start',
      offset: 12,
    },
    range: { category: [...palette.series] },
    mark: { color: palette.series[0] },
    text: { color: palette.text, font: palette.font, fontSize: 14 },
  };
}

export function collectingLogger(into: string[], errors?: string[]) {
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => {
      const message = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
      // vega reports a failed data load here and goes on drawing an empty chart: keep it.
      if (errors) {
        errors.push(message);
        return logger;
      }
      throw new Error(message);
    },
    warn: (...args: unknown[]) => {
      const message = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
      if (errors && message.startsWith('Loading failed')) errors.push(message.replace(/^Loading failed \S+ /, ''));
      else into.push(message);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
