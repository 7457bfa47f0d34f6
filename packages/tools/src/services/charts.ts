/**
 * The Charts global, following https://developers.google.com/apps-script/reference/charts/charts, as
 * far as embedded charts need it: its ChartType enum. As with the other services' enums, a value is
 * its name as a string ('BAR', ...), which compares as Apps Script's enum objects do. Charts' own
 * builders (newBarChart, newDataTable, ...) and chart images are not emulated.
 */
import { CHART_TYPES, type ChartTypeName } from './chart-data';
import { facade, type ServiceEnvironment } from './script-realm';

const CHART_TYPE = Object.freeze(Object.fromEntries(CHART_TYPES.map((name) => [name, name])) as { [K in ChartTypeName]: K });

export function createCharts(env: ServiceEnvironment): object {
  return facade({ ChartType: CHART_TYPE }, env.realm, { name: 'Charts' });
}
