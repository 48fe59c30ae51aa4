/** The `Charts` global (enums), EmbeddedChartBuilder, EmbeddedChart and ChartOptions. */
import { ServiceError } from '../errors';
import { ChartHiddenDimensionStrategy, ChartType, enumName } from '../enums';
import { GasObject } from '../gas-object';
import { ChartModel, RangeRef, SheetModel } from '../spreadsheet/model';
import type { Execution } from '../execution';
import { Range } from './range';

/** The `Charts` global: only its enums are emulated. */
export class ChartsGlobal {
  readonly ChartType = ChartType;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  toString(): string {
    return 'Charts';
  }
}

/** Apps Script's ChartOptions (read-only view of an embedded chart's options). */
export class ChartOptions extends GasObject {
  readonly _type = 'ChartOptions';
  constructor(x: Execution, readonly _options: Record<string, unknown>) {
    super(x);
  }
  get(option: string): unknown {
    return this._options[option] ?? null;
  }
  getOrDefault(option: string): unknown {
    return this._options[option] ?? null;
  }
}

/** Apps Script's EmbeddedChartBuilder (also stands in for the typed builders asBarChart() etc.). */
export class EmbeddedChartBuilder extends GasObject {
  readonly _type = 'EmbeddedChartBuilder';
  _chart: ChartModel;
  constructor(x: Execution, readonly _sheet: SheetModel, from?: ChartModel) {
    super(x);
    this._chart = from
      ? { ...from, ranges: [...from.ranges], position: { ...from.position }, options: { ...from.options } }
      : { id: 0, type: 'BAR', ranges: [], position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, options: {} };
  }
  setChartType(type: unknown): EmbeddedChartBuilder {
    const name = enumName(type);
    if (!(name in ChartType)) throw new ServiceError('Invalid argument: type');
    this._chart.type = name;
    return this;
  }
  getChartType(): unknown {
    return ChartType[this._chart.type as keyof typeof ChartType];
  }
  asBarChart(): EmbeddedChartBuilder {
    return this.setChartType('BAR');
  }
  asColumnChart(): EmbeddedChartBuilder {
    return this.setChartType('COLUMN');
  }
  asLineChart(): EmbeddedChartBuilder {
    return this.setChartType('LINE');
  }
  asPieChart(): EmbeddedChartBuilder {
    return this.setChartType('PIE');
  }
  addRange(range: Range): EmbeddedChartBuilder {
    this._chart.ranges.push({ sheet: range._sheet, rect: { ...range._rect } });
    return this;
  }
  removeRange(range: Range): EmbeddedChartBuilder {
    const r = range._rect;
    this._chart.ranges = this._chart.ranges.filter(
      (x) => !(x.sheet === range._sheet && x.rect.row === r.row && x.rect.col === r.col && x.rect.numRows === r.numRows && x.rect.numCols === r.numCols),
    );
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this._chart.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return this._chart.ranges.map((r) => new Range(this._x, r.sheet, r.rect));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this._chart.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this._chart.options[option] = value;
    return this;
  }
  setTitle(title: string): EmbeddedChartBuilder {
    return this.setOption('title', title);
  }
  setStacked(): EmbeddedChartBuilder {
    return this.setOption('isStacked', true);
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    return this.setOption('numHeaders', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    return this.setOption('transposeRowsAndColumns', transpose);
  }
  setHiddenDimensionStrategy(strategy: unknown): EmbeddedChartBuilder {
    return this.setOption('hiddenDimensionStrategy', enumName(strategy));
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilder {
    return this.setOption('legend.position', enumName(position).toLowerCase());
  }
  build(): EmbeddedChart {
    const model: ChartModel = { ...this._chart, ranges: [...this._chart.ranges], position: { ...this._chart.position }, options: { ...this._chart.options } };
    if (!model.id) model.id = this._sheet.parent.newObjectId();
    return new EmbeddedChart(this._x, this._sheet, model);
  }
}

/** Apps Script's EmbeddedChart. */
export class EmbeddedChart extends GasObject {
  readonly _type = 'EmbeddedChart';
  constructor(x: Execution, readonly _sheet: SheetModel, readonly _model: ChartModel) {
    super(x);
  }
  getChartId(): number {
    return this._model.id;
  }
  getId(): string {
    return `u${this._model.id}`;
  }
  getRanges(): Range[] {
    return this._model.ranges.map((r: RangeRef) => new Range(this._x, r.sheet, r.rect));
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this._x, { ...this._model.options });
  }
  getNumHeaders(): number {
    return Number(this._model.options.numHeaders ?? -1);
  }
  getTransposeRowsAndColumns(): boolean {
    return !!this._model.options.transposeRowsAndColumns;
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this._model.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.col, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._x, this._sheet, this._model);
  }
}
