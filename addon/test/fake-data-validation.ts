/** DataValidation and its builder as Apps Script models them (immutable once built). */
export const DataValidationCriteria = {
  VALUE_IN_LIST: "VALUE_IN_LIST",
  DATE_BETWEEN: "DATE_BETWEEN",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
} as const;
export type CriteriaType = keyof typeof DataValidationCriteria;

export class FakeDataValidation {
  private readonly criteria: CriteriaType;
  private readonly values: readonly unknown[];
  private readonly allowInvalid: boolean;
  private readonly helpText: string;
  constructor(
    criteria: CriteriaType,
    values: readonly unknown[],
    allowInvalid: boolean,
    helpText: string,
  ) {
    this.criteria = criteria;
    this.values = values;
    this.allowInvalid = allowInvalid;
    this.helpText = helpText;
  }
  getCriteriaType(): CriteriaType {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  /** A comparable description, for asserting sheet state. */
  describe(): string {
    const values = this.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    return JSON.stringify([this.criteria, values, this.allowInvalid, this.helpText]);
  }
}

export class FakeDataValidationBuilder {
  private criteria: CriteriaType | null = null;
  private values: unknown[] = [];
  // Apps Script: "The default for a new data validation rule is true."
  private allowInvalid = true;
  private helpText = "";

  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error("Exception: The list of values must not be empty.");
    }
    return this.set("VALUE_IN_LIST", [[...values], showDropdown]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.set("DATE_BETWEEN", [new Date(start.getTime()), new Date(end.getTime())]);
  }
  requireFormulaSatisfied(formula: string): this {
    if (!String(formula).startsWith("=")) throw new Error("Exception: Invalid formula.");
    return this.set("CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.criteria) throw new Error("Exception: You must specify a criteria type.");
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }

  private set(criteria: CriteriaType, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
}
