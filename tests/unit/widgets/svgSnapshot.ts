/**
 * A widget's chart as a stable string for snapshot tests: rendered by the same function the
 * build uses, with every decimal rounded to one place so float noise does not churn snapshots.
 */
import type { PlotOptions } from '@observablehq/plot';
import { renderPlotToString } from '../../../src/widgets/renderPlot';

export function roundedSvg(options: PlotOptions): string {
  return renderPlotToString(options, 'chart').replace(/-?\d+\.\d+/g, (number) => {
    const rounded = Number(number).toFixed(1);
    return rounded === '-0.0' ? '0.0' : rounded;
  });
}
