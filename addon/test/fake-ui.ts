/** Ui, Menu and HtmlService as far as the add-on uses them; everything shown is recorded. */
export class FakeHtmlOutput {
  title = "";
  width: number | null = null;
  height: number | null = null;
  readonly file: string;
  readonly content: string;
  constructor(file: string, content: string) {
    this.file = file;
    this.content = content;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
}

export class FakeHtmlService {
  private readonly files: (name: string) => string | undefined;
  constructor(files: (name: string) => string | undefined) {
    this.files = files;
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    const content = this.files(name);
    if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(name, content);
  }
}

export type MenuEntry = { caption: string; functionName: string } | "separator";

export class FakeMenu {
  readonly entries: MenuEntry[] = [];
  private readonly ui: FakeUi;
  constructor(ui: FakeUi) {
    this.ui = ui;
  }
  addItem(caption: string, functionName: string): this {
    if (!caption || !functionName)
      throw new Error("Exception: Invalid argument: caption/functionName");
    this.entries.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.entries.push("separator");
    return this;
  }
  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeUi {
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO" } as const;
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
  readonly menus: FakeMenu[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { output: FakeHtmlOutput; title: string }[] = [];

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this);
  }
  alert(titleOrPrompt: string, prompt?: string, _buttons?: string): string {
    this.alerts.push(
      prompt === undefined
        ? { title: "", prompt: titleOrPrompt }
        : { title: titleOrPrompt, prompt },
    );
    return this.Button.OK;
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push(output);
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ output, title });
  }
}
