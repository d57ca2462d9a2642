import type { FakeRange } from "./fake-range.ts";

/** Range protection; the fake keeps what was set, Sheets would enforce it. */
export class FakeProtection {
  description = "";
  warningOnly = false;
  readonly range: FakeRange;
  constructor(range: FakeRange) {
    this.range = range;
  }
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
}
