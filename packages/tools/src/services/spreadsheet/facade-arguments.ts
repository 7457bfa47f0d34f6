/**
 * A Range or EmbeddedChart that a script passes back in (to EmbeddedChartBuilder.addRange,
 * Sheet.insertChart, updateChart, removeChart), taken back from its facade to the cells or chart it
 * stands for; anything else is Apps Script's signature error.
 */
import { unwrapFacade } from '../script-realm';
import type { ChartDraft } from '../chart-data';
import type { Area } from './areas';
import { EmbeddedChartImpl } from './embedded-chart';
import { RangeImpl } from './range';
import { signatureError } from './signature-error';

export function areaOf(value: unknown, method: string): Area {
  const target = unwrapFacade(value);
  if (target instanceof RangeImpl) return target.area;
  throw signatureError([value], method);
}

export function chartOf(value: unknown, method: string): ChartDraft {
  const target = unwrapFacade(value);
  if (target instanceof EmbeddedChartImpl) return target.draft;
  throw signatureError([value], method);
}
