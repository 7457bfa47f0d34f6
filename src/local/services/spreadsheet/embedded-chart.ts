/**
 * EmbeddedChart (from EmbeddedChartBuilder.build and Sheet.getCharts), with its ContainerInfo and
 * ChartOptions: a snapshot of a chart's data. Changing a chart goes through modify(), build() and
 * Sheet.updateChart, as in Apps Script. getAs and getBlob are not emulated.
 */
import { copyChart, type ChartDraft } from '../chart-data';
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';
import type { EmbeddedChartBuilderImpl } from './embedded-chart-builder';

export class EmbeddedChartImpl {
  constructor(
    private readonly s: SpreadsheetService,
    /** @internal */
    readonly draft: ChartDraft,
  ) {}

  /** null until the chart is in a sheet (a built chart not inserted yet). */
  getChartId(): number | null {
    return this.draft.chartId;
  }

  /** Deprecated in Apps Script: the id as text ('' for a chart not in a sheet). */
  getId(): string {
    return this.draft.chartId === null ? '' : String(this.draft.chartId);
  }

  /** Deprecated in Apps Script: the chart type's name. */
  getType(): string {
    return this.draft.type ?? '';
  }

  getRanges(): RangeImpl[] {
    return this.s.env.realm.array(this.s.chartRanges(this.draft.ranges));
  }

  getNumHeaders(): number {
    return this.draft.numHeaders;
  }

  getOptions(): ChartOptionsImpl {
    return this.s.wrap('ChartOptions', new ChartOptionsImpl(this.s, this.draft.options));
  }

  getContainerInfo(): ContainerInfoImpl {
    return this.s.wrap('ContainerInfo', new ContainerInfoImpl({ ...this.draft.position }));
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
    return value !== null && typeof value === 'object' ? this.s.env.realm.toScript(value) : value ?? null;
  }

  /** As get: this fake knows no option's default. */
  getOrDefault(option: unknown): unknown {
    return this.get(option);
  }
}

export class ContainerInfoImpl {
  constructor(private readonly position: { row: number; column: number; offsetX: number; offsetY: number }) {}

  getAnchorRow(): number {
    return this.position.row;
  }

  getAnchorColumn(): number {
    return this.position.column;
  }

  getOffsetX(): number {
    return this.position.offsetX;
  }

  getOffsetY(): number {
    return this.position.offsetY;
  }
}
