/**
 * An in-memory stand-in for the Apps Script services the add-on calls, with Apps Script's
 * semantics where the add-on depends on them: 1-based ranges, getValues padding blanks
 * with "" and answering Dates for date-formatted cells, setValues parsing strings unless
 * the cell is plain text, dimension errors worded like Apps Script's, AuthMode.NONE
 * refusing sheet and property access. Only what the add-on uses is here.
 */
import type { AddonContext } from "../src/gas/types.ts";
import { DataValidationCriteria, FakeDataValidationBuilder } from "./fake-data-validation.ts";
import type { FakeRange } from "./fake-range.ts";
import { FakeSheet, type SheetHost } from "./fake-sheet.ts";
import { formatDate } from "./fake-time-zone.ts";
import { FakeHtmlService, FakeUi } from "./fake-ui.ts";

export type AuthMode = "NONE" | "LIMITED" | "FULL";

/** Counts calls on spreadsheet objects (sheets, ranges, protections): figures for reports. */
export class CallStats {
  calls = 0;
  readonly byMethod = new Map<string, number>();
  reset(): void {
    this.calls = 0;
    this.byMethod.clear();
  }
  count(method: string): void {
    this.calls++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }
}

export class FakeSpreadsheet implements SheetHost {
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  private nextId = 0;

  readonly stats: CallStats;
  spreadsheetTimeZone: string;
  locale: string;
  constructor(stats: CallStats, spreadsheetTimeZone = "Asia/Ho_Chi_Minh", locale = "vi_VN") {
    this.stats = stats;
    this.spreadsheetTimeZone = spreadsheetTimeZone;
    this.locale = locale;
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getActiveRange(): FakeRange | null {
    return this.activeRange;
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSpreadsheetTimeZone(): string {
    return this.spreadsheetTimeZone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  insertSheet(name: string, index: number = this.sheets.length): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    if (!Number.isInteger(index) || index < 0 || index > this.sheets.length) {
      throw new Error(`Exception: Invalid argument: sheetIndex`);
    }
    // Sheet ids are arbitrary integers in Sheets; the fake makes them unlike indexes.
    const sheet = this.wrap(new FakeSheet(this, name, 1000 + 7919 * ++this.nextId));
    this.sheets.splice(index, 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  // SheetHost
  timeZone(): string {
    return this.spreadsheetTimeZone;
  }
  activate(sheet: FakeSheet, range: FakeRange | null): void {
    this.activeSheet = this.sheets.find((s) => s.id === sheet.id) ?? null;
    this.activeRange = range;
  }
  wrap<T extends object>(target: T): T {
    const stats = this.stats;
    const proxy: T = new Proxy(target, {
      get(t, property, receiver) {
        const value = Reflect.get(t, property, receiver);
        if (typeof value !== "function" || typeof property !== "string") return value;
        return (...args: unknown[]) => {
          stats.count(`${t.constructor.name}.${property}`);
          const result = value.apply(t, args);
          return result === t ? proxy : result;
        };
      },
    });
    return proxy;
  }

  /** Test helper: a sheet holding `rows` from A1 as stored values (not parsed). */
  seed(
    name: string,
    rows: readonly (readonly unknown[])[],
    formats?: Record<number, string>,
  ): FakeSheet {
    const sheet = this.insertSheet(name);
    sheet.put(1, rows.slice(0, 1));
    return sheet.put(2, rows.slice(1), formats);
  }
}

export class FakeProperties {
  readonly store = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    // Apps Script: 9 KB per value, 500 KB per property store.
    if (new TextEncoder().encode(String(value)).length > 9 * 1024) {
      throw new Error("Exception: Argument too large: value");
    }
    this.store.set(key, String(value));
    const total = [...this.store].reduce((n, [k, v]) => n + k.length + v.length, 0);
    if (total > 500 * 1024)
      throw new Error("Exception: You have exceeded the property storage quota.");
    return this;
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
}

export interface FakeOptions {
  timeZone?: string;
  locale?: string;
  /** HtmlService file contents by name (without .html). */
  htmlFile?: (name: string) => string | undefined;
  scriptProperties?: Record<string, string>;
  /** The mode the script runs in from the start (loading included); "FULL" by default. */
  authMode?: AuthMode;
}

export function createFakeAppsScript(options: FakeOptions = {}) {
  const stats = new CallStats();
  const unwrapped = new FakeSpreadsheet(stats, options.timeZone, options.locale);
  const spreadsheet = unwrapped.wrap(unwrapped);
  const ui = new FakeUi();
  const documentProperties = new FakeProperties();
  const scriptProperties = new FakeProperties();
  for (const [k, v] of Object.entries(options.scriptProperties ?? {}))
    scriptProperties.setProperty(k, v);
  const lock = {
    held: false,
    /** Set by a test: another person's script holds the document lock for longer than we wait. */
    heldByOther: false,
    tryLock(_ms: number): boolean {
      if (lock.heldByOther) return false;
      lock.held = true;
      return true;
    },
    releaseLock(): void {
      lock.held = false;
    },
  };
  let authMode: AuthMode = options.authMode ?? "FULL";
  // Under AuthMode.NONE an add-on may build its menu and nothing else: every other service
  // call fails, as in Apps Script, so a stray read in onOpen (or at load time) is caught.
  const needsAuth = <T>(what: string, value: () => T): T => {
    if (authMode === "NONE")
      throw new Error(`Exception: You do not have permission to call ${what}`);
    return value();
  };
  const html = new FakeHtmlService(options.htmlFile ?? (() => undefined));
  const app = {
    DataValidationCriteria,
    getUi: () => ui,
    getActiveSpreadsheet: () => needsAuth("SpreadsheetApp.getActiveSpreadsheet", () => spreadsheet),
    getActive: () => needsAuth("SpreadsheetApp.getActive", () => spreadsheet),
    newDataValidation: () =>
      needsAuth("SpreadsheetApp.newDataValidation", () => new FakeDataValidationBuilder()),
    flush: () => needsAuth("SpreadsheetApp.flush", () => undefined),
  };
  const globals = {
    SpreadsheetApp: app,
    PropertiesService: {
      getDocumentProperties: () =>
        needsAuth("PropertiesService.getDocumentProperties", () => documentProperties),
      getScriptProperties: () =>
        needsAuth("PropertiesService.getScriptProperties", () => scriptProperties),
      getUserProperties: () =>
        needsAuth("PropertiesService.getUserProperties", () => new FakeProperties()),
    },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) =>
        needsAuth("HtmlService.createHtmlOutputFromFile", () =>
          html.createHtmlOutputFromFile(name),
        ),
    },
    Utilities: { formatDate },
    LockService: { getDocumentLock: () => needsAuth("LockService.getDocumentLock", () => lock) },
    ScriptApp: {
      AuthMode: {
        NONE: "NONE",
        LIMITED: "LIMITED",
        FULL: "FULL",
        CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
      },
    },
  };
  return {
    spreadsheet,
    ui,
    documentProperties,
    scriptProperties,
    lock,
    stats,
    globals,
    setAuthMode(mode: AuthMode) {
      authMode = mode;
    },
    /** What main.ts builds from the globals, for calling the modules directly. */
    context(): AddonContext {
      return {
        spreadsheet,
        app,
        documentProperties,
        scriptProperties,
        formatDate,
        documentLock: () => lock,
      };
    },
  };
}

export type FakeAppsScript = ReturnType<typeof createFakeAppsScript>;
