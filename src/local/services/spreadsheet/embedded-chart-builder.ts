/**
 * EmbeddedChartBuilder (Sheet.newChart, EmbeddedChart.modify) and the typed builders its asBarChart(),
 * asColumnChart(), ... return: the chart type, data ranges, position, options and header count, built
 * into an EmbeddedChart that Sheet.insertChart or updateChart stores. A typed builder shares its
 * builder's chart and adds the few conveniences that are options underneath (setTitle is 'title',
 * setXAxisTitle 'hAxis.title', ...). Nothing is stored until the sheet is told.
 */
import { copyChart, isChartType, plainOptionValue, type ChartDraft, type ChartTypeName } from '../chart-data';
import { stringOf } from '../script-realm';
import type { EmbeddedChartImpl } from './embedded-chart';
import { ContainerInfoImpl } from './embedded-chart';
import { areaOf } from './facade-arguments';
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

export class EmbeddedChartBuilderImpl {
  constructor(
    protected readonly s: SpreadsheetService,
    /** @internal Shared with the typed builders made from this one. */
    readonly draft: ChartDraft,
  ) {}

  protected self(): this {
    return this.s.wrap('EmbeddedChartBuilder', this);
  }

  private typed(type: ChartTypeName): TypedChartBuilderImpl {
    this.draft.type = type;
    return this.s.wrap('EmbeddedChartBuilder', new TypedChartBuilderImpl(this.s, this.draft));
  }

  setChartType(type: unknown): this {
    if (!isChartType(type)) throw signatureError([type], 'EmbeddedChartBuilder.setChartType');
    this.draft.type = type;
    return this.self();
  }

  /** The type set so far, or null. */
  getChartType(): ChartTypeName | null {
    return this.draft.type;
  }

  addRange(range: unknown): this {
    const area = areaOf(range, 'EmbeddedChartBuilder.addRange');
    this.draft.ranges.push({ sheetId: area.sheet.sheetId, row: area.row, column: area.column, numRows: area.numRows, numColumns: area.numColumns });
    return this.self();
  }

  /** Removes the ranges covering exactly these cells. */
  removeRange(range: unknown): this {
    const area = areaOf(range, 'EmbeddedChartBuilder.removeRange');
    this.draft.ranges = this.draft.ranges.filter(
      (r) => !(r.sheetId === area.sheet.sheetId && r.row === area.row && r.column === area.column && r.numRows === area.numRows && r.numColumns === area.numColumns),
    );
    return this.self();
  }

  clearRanges(): this {
    this.draft.ranges = [];
    return this.self();
  }

  getRanges(): RangeImpl[] {
    return this.s.env.realm.array(this.s.chartRanges(this.draft.ranges));
  }

  /** Anchors the chart's top-left corner at a cell (1-based), offset by pixels. */
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (args.some((arg) => typeof arg !== 'number')) throw signatureError(args, 'EmbeddedChartBuilder.setPosition');
    const [row, column, x, y] = (args as number[]).map((n) => Math.trunc(n)) as [number, number, number, number];
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(column >= 1)) throw new Error('The starting column of the range is too small.');
    this.draft.position = { row, column, offsetX: x, offsetY: y };
    return this.self();
  }

  getContainer(): ContainerInfoImpl {
    return this.s.wrap('ContainerInfo', new ContainerInfoImpl({ ...this.draft.position }));
  }

  /** Sets a Google Charts option ('title', 'legend.position', ...); the value is kept as plain data. */
  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') throw signatureError([option, value], 'EmbeddedChartBuilder.setOption');
    this.draft.options[option] = plainOptionValue(value);
    return this.self();
  }

  setNumHeaders(headers: unknown): this {
    if (typeof headers !== 'number') throw signatureError([headers], 'EmbeddedChartBuilder.setNumHeaders');
    this.draft.numHeaders = Math.trunc(headers);
    return this.self();
  }

  asAreaChart(): TypedChartBuilderImpl {
    return this.typed('AREA');
  }

  asBarChart(): TypedChartBuilderImpl {
    return this.typed('BAR');
  }

  asColumnChart(): TypedChartBuilderImpl {
    return this.typed('COLUMN');
  }

  asComboChart(): TypedChartBuilderImpl {
    return this.typed('COMBO');
  }

  asHistogramChart(): TypedChartBuilderImpl {
    return this.typed('HISTOGRAM');
  }

  asLineChart(): TypedChartBuilderImpl {
    return this.typed('LINE');
  }

  asPieChart(): TypedChartBuilderImpl {
    return this.typed('PIE');
  }

  asScatterChart(): TypedChartBuilderImpl {
    return this.typed('SCATTER');
  }

  asTableChart(): TypedChartBuilderImpl {
    return this.typed('TABLE');
  }

  /** The chart as built so far (later changes to the builder do not reach it). */
  build(): EmbeddedChartImpl {
    if (this.draft.type === null) throw new Error('The chart type must be set before the chart is built.');
    return this.s.embeddedChart(copyChart(this.draft));
  }
}

/** What EmbeddedBarChartBuilder, EmbeddedColumnChartBuilder, ... add: options under other names. */
export class TypedChartBuilderImpl extends EmbeddedChartBuilderImpl {
  private option(name: string, value: unknown): this {
    this.draft.options[name] = plainOptionValue(value);
    return this.self();
  }

  setTitle(chartTitle: unknown): this {
    return this.option('title', stringOf(chartTitle));
  }

  setXAxisTitle(title: unknown): this {
    return this.option('hAxis.title', stringOf(title));
  }

  setYAxisTitle(title: unknown): this {
    return this.option('vAxis.title', stringOf(title));
  }

  setStacked(): this {
    return this.option('isStacked', true);
  }

  setColors(cssValues: unknown): this {
    if (!Array.isArray(cssValues)) throw signatureError([cssValues], 'EmbeddedChartBuilder.setColors');
    return this.option('colors', (cssValues as unknown[]).map((value) => stringOf(value)));
  }

  setBackgroundColor(cssValue: unknown): this {
    return this.option('backgroundColor', stringOf(cssValue));
  }

  /** Charts.Position.BOTTOM, ... (stored as Google Charts' 'legend.position': 'bottom', ...). */
  setLegendPosition(position: unknown): this {
    return this.option('legend.position', stringOf(position).toLowerCase());
  }
}
