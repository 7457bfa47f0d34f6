/**
 * The Charts global, as far as embedded charts need it: its enums ChartType and Position. As with
 * the other services' enums, a value is its name as a string ('BAR', 'BOTTOM', ...), which compares
 * as Apps Script's enum objects do. Charts' own builders (newBarChart, newDataTable, ...) and chart
 * images are not emulated.
 */
import { CHART_TYPES, type ChartTypeName } from './chart-data';
import { facade, type ServiceEnvironment } from './script-realm';

const CHART_TYPE = Object.freeze(Object.fromEntries(CHART_TYPES.map((name) => [name, name])) as { [K in ChartTypeName]: K });

const POSITIONS = ['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const;
const POSITION = Object.freeze(Object.fromEntries(POSITIONS.map((name) => [name, name])) as { [K in (typeof POSITIONS)[number]]: K });

class ChartsFake {
  readonly ChartType = CHART_TYPE;
  readonly Position = POSITION;
}

export function createCharts(env: ServiceEnvironment): object {
  return facade(new ChartsFake(), env.realm, { name: 'Charts' });
}
