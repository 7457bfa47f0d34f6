/**
 * EmbeddedChart (from EmbeddedChartBuilder.build and Sheet.getCharts), following
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart, with its
 * ChartOptions (https://developers.google.com/apps-script/reference/charts/chart-options): a snapshot
 * of a chart's data. Changing a chart goes through modify(), build() and Sheet.updateChart, as in
 * Apps Script. The getters of the chart's id, type, ranges and container are not implemented.
 */
import { copyChart, type ChartDraft } from '../chart-data';
import type { SpreadsheetService } from './service';
import type { EmbeddedChartBuilderImpl } from './embedded-chart-builder';

export class EmbeddedChartImpl {
  constructor(
    private readonly s: SpreadsheetService,
    /** @internal */
    readonly draft: ChartDraft,
  ) {}

  getOptions(): ChartOptionsImpl {
    return this.s.wrap('ChartOptions', new ChartOptionsImpl(this.s, this.draft.options));
  }

  /** A builder pre-filled from this chart, keeping its id (for Sheet.updateChart). */
  modify(): EmbeddedChartBuilderImpl {
    return this.s.chartBuilder(copyChart(this.draft));
  }
}

export class ChartOptionsImpl {
  constructor(
    private readonly s: SpreadsheetService,
    private readonly options: Record<string, unknown>,
  ) {}

  /** The value set for the option, or null. */
  get(option: unknown): unknown {
    const value = Object.prototype.hasOwnProperty.call(this.options, String(option)) ? this.options[String(option)] : null;
    return value !== null && typeof value === 'object' ? this.s.env.realm.toScript(value) : (value ?? null);
  }
}
