/**
 * EmbeddedChartBuilder (Sheet.newChart, EmbeddedChart.modify), following
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder: the chart
 * type, data ranges, position, options and header count, built into an EmbeddedChart that
 * Sheet.insertChart or updateChart stores. Nothing is stored until the sheet is told. The typed
 * builders (asBarChart(), ...) are not implemented.
 */
import { copyChart, isChartType, plainOptionValue, type ChartDraft } from '../chart-data';
import type { EmbeddedChartImpl } from './embedded-chart';
import { areaOf } from './facade-arguments';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

export class EmbeddedChartBuilderImpl {
  constructor(
    private readonly s: SpreadsheetService,
    /** @internal */
    readonly draft: ChartDraft,
  ) {}

  private _self(): this {
    return this.s.wrap('EmbeddedChartBuilder', this);
  }

  setChartType(type: unknown): this {
    if (!isChartType(type)) throw signatureError([type], 'EmbeddedChartBuilder.setChartType');
    this.draft.type = type;
    return this._self();
  }

  addRange(range: unknown): this {
    const area = areaOf(range, 'EmbeddedChartBuilder.addRange');
    this.draft.ranges.push({
      sheetId: area.sheet.sheetId,
      row: area.row,
      column: area.column,
      numRows: area.numRows,
      numColumns: area.numColumns,
    });
    return this._self();
  }

  clearRanges(): this {
    this.draft.ranges = [];
    return this._self();
  }

  /** Anchors the chart's top-left corner at a cell (1-based), offset by pixels. */
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (args.some((arg) => typeof arg !== 'number')) throw signatureError(args, 'EmbeddedChartBuilder.setPosition');
    const [row, column, x, y] = (args as number[]).map((n) => Math.trunc(n)) as [number, number, number, number];
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(column >= 1)) throw new Error('The starting column of the range is too small.');
    this.draft.position = { row, column, offsetX: x, offsetY: y };
    return this._self();
  }

  /** Sets a Google Charts option ('title', 'legend.position', ...); the value is kept as plain data. */
  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') throw signatureError([option, value], 'EmbeddedChartBuilder.setOption');
    this.draft.options[option] = plainOptionValue(value);
    return this._self();
  }

  setNumHeaders(headers: unknown): this {
    if (typeof headers !== 'number') throw signatureError([headers], 'EmbeddedChartBuilder.setNumHeaders');
    this.draft.numHeaders = Math.trunc(headers);
    return this._self();
  }

  /** The chart as built so far (later changes to the builder do not reach it). */
  build(): EmbeddedChartImpl {
    if (this.draft.type === null) throw new Error('The chart type must be set before the chart is built.');
    return this.s.embeddedChart(copyChart(this.draft));
  }
}
