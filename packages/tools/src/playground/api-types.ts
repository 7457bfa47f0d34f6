/**
 * The shapes the playground's HTTP API exchanges, shared by the server and the page's script
 * (no Node or DOM types here).
 */

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

/** How the user answered an alert or prompt: the button pressed and, for a prompt, the text typed. */
export interface Answer {
  button?: ButtonName;
  text?: string;
}

/** A sidebar or dialog the add-on showed; its HTML is served at `url` (GET /ui/<id>). */
export interface DialogRef {
  id: string;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number | null;
  height: number | null;
  url: string;
}

export interface NeedsAnswer {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** The buttons to offer, in order (from the script's ButtonSet). */
  buttons: ButtonName[];
}

/** A toast the run showed (Spreadsheet.toast). */
export interface ToastView {
  title: string;
  message: string;
  /** How long it shows, in seconds; negative: until something replaces it (as in Sheets). */
  timeoutSeconds: number;
  /** How many of the run's `alerts` it showed before this toast: the run's last word is the later of the two. */
  alertsBefore: number;
}

/** POST /api/menu { function, answers? } and POST /api/run { function, args?, answers? } answer this. */
export interface RunReply {
  ok: boolean;
  /** What the function returned (POST /api/run), as JSON. */
  result?: unknown;
  /** What the function threw. */
  error?: string;
  /** The function stopped at an alert or prompt with no answer: ask the user, post again with one more answer. */
  needsAnswer?: NeedsAnswer;
  /** Alerts the run showed (each answered OK), in order. */
  alerts: Array<{ title: string; prompt: string }>;
  /** Toasts the run showed, in order. */
  toasts: ToastView[];
  dialogs: DialogRef[];
  /** console.log & co. of the run. */
  logs: Array<{ level: string; message: string }>;
  /** The state's version after the run. */
  version: number;
}

export type MenuEntry =
  { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; name: string; items: MenuEntry[] };

export interface MenuView {
  name: string;
  addon: boolean;
  items: MenuEntry[];
}

/**
 * One cell: [row, column, shown text, details?]. Details only when there is something to say:
 * f formula, i what editing starts from when it differs from the shown text, t type
 * ('n' number or date, 'b' boolean, 'e' error), e the error's message, note, bg, bold, s (1 when
 * the cell shows part of an array result), w (1 when its text wraps onto more lines).
 */
export type CellView = [number, number, string] | [number, number, string, CellDetails];

export interface CellDetails {
  f?: string;
  i?: string;
  t?: 'n' | 'b' | 'e';
  e?: string;
  note?: string;
  bg?: string;
  bold?: 1;
  s?: 1;
  w?: 1;
}

export interface SheetView {
  name: string;
  sheetId: number;
  /** Rows and columns holding data (lastRow, lastColumn). */
  lastRow: number;
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: boolean;
  /** Column widths in pixels, by 1-based column, where set. */
  columnWidths: Record<string, number>;
  /** Absent when the request asked for another sheet's cells only. */
  cells?: CellView[];
  /** The tab's embedded charts, with their data read from the cells (sent with the cells). */
  charts?: ChartView[];
}

/** An embedded chart, ready to draw: one bar per row of its ranges. */
export interface ChartView {
  chartId: number;
  /** The chart type the add-on asked for (BAR, COLUMN, ...); the page draws every type as bars. */
  type: string;
  /** options.title, '' when none. */
  title: string;
  /** Where its top-left corner is: a cell (1-based) and pixels from that cell's corner. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** Size in pixels (options.width and options.height, else a default). */
  width: number;
  height: number;
  /** What the second range's header cell says, when it has one (the series' name). */
  series: string;
  /** options['hAxis.title'] (or hAxis: {title}), '' when none: shown under the values' axis. */
  hAxisTitle: string;
  /** Labels from the first range's column, values from the second's, row by row. */
  bars: Array<{ label: string; value: number; shown: string }>;
}

export interface PlaygroundInfo {
  webhookUrl: string;
  stateFile: string;
  stripeKey: string;
  /** `stripe listen` straight to the endpoint: it shows the 302 Stripe would record. */
  stripeListen: string;
  signatureChecked: boolean;
  /** `npm run relay` in front of the endpoint, and the `stripe listen` that goes through it (Stripe sees 200). */
  relayCommand: string;
  relayListen: string;
  /** The signing secret of the playground's own relay (relay-secret.ts), in relayCommand; send-event signs with it. */
  relaySecret: string;
  /** `npm run send-event`: a signed sample event posted to this playground, no Stripe account needed. */
  sendEvent: string;
  /** The same through the relay. */
  sendEventToRelay: string;
  /** That scheduled syncs run here on their schedule, and which are on (due-triggers.ts scheduleLine). */
  schedule: string;
}

/** GET /api/state[?since=version][&sheet=name] */
export interface StateView {
  version: number;
  /** With ?since= equal to the current version: nothing else is sent. */
  unchanged?: true;
  spreadsheetName?: string;
  activeSheet?: string;
  selection?: { sheet: string; ranges: string[] } | null;
  sheets?: SheetView[];
  menus?: MenuView[];
  info?: PlaygroundInfo;
}
