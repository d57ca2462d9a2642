// A Sheets CellFormat (and TextFormat) as CSS declarations, with Sheets' own defaults where the
// format is silent, so a cell looks in the page as it does in the spreadsheet.

import type { sheets_v4 } from "@googleapis/sheets";

type Color = sheets_v4.Schema$Color;
type ColorStyle = sheets_v4.Schema$ColorStyle;
type CellFormat = sheets_v4.Schema$CellFormat;
type TextFormat = sheets_v4.Schema$TextFormat;

/** Sheets' default theme, for colours given as a theme colour. */
const THEME: Record<string, string> = {
  TEXT: "#000000",
  BACKGROUND: "#ffffff",
  ACCENT1: "#4285f4",
  ACCENT2: "#ea4335",
  ACCENT3: "#fbbc04",
  ACCENT4: "#34a853",
  ACCENT5: "#ff6d01",
  ACCENT6: "#46bdc6",
  LINK: "#1155cc",
};

const channel = (v: number | null | undefined) =>
  Math.round(Math.min(1, Math.max(0, v ?? 0)) * 255)
    .toString(16)
    .padStart(2, "0");

/** `#rrggbb` for an API Color (missing channels are 0, as in proto3). */
export function hexColor(c: Color): string {
  return `#${channel(c.red)}${channel(c.green)}${channel(c.blue)}`;
}

/** The CSS colour of a `…Style` (preferred) or plain colour field; undefined when neither. */
export function cssColor(
  style: ColorStyle | null | undefined,
  plain: Color | null | undefined,
): string | undefined {
  if (style?.themeColor) return THEME[style.themeColor];
  if (style?.rgbColor) return hexColor(style.rgbColor);
  if (plain) return hexColor(plain);
  return undefined;
}

const FONT_FALLBACK = "Arial, Helvetica, sans-serif";

function fontFamily(name: string): string {
  // Font names come from cells' formats: keep letters, digits, spaces and hyphens only.
  const clean = name.replace(/[^\p{L}\p{N} -]/gu, "").trim();
  return clean ? `"${clean}", ${FONT_FALLBACK}` : FONT_FALLBACK;
}

/** Declarations for a TextFormat; only what it sets. */
export function textFormatCss(t: TextFormat | null | undefined): string[] {
  if (!t) return [];
  const out: string[] = [];
  const colour = cssColor(t.foregroundColorStyle, t.foregroundColor);
  if (colour && colour !== "#000000") out.push(`color:${colour}`);
  if (t.bold) out.push("font-weight:700");
  if (t.italic) out.push("font-style:italic");
  const lines = [t.underline ? "underline" : "", t.strikethrough ? "line-through" : ""]
    .filter(Boolean)
    .join(" ");
  if (lines) out.push(`text-decoration:${lines}`);
  if (t.fontSize && t.fontSize !== 10) out.push(`font-size:${t.fontSize}pt`);
  if (t.fontFamily && !/^arial$/i.test(t.fontFamily))
    out.push(`font-family:${fontFamily(t.fontFamily)}`);
  return out;
}

const H_ALIGN: Record<string, string> = { LEFT: "left", CENTER: "center", RIGHT: "right" };
const V_ALIGN: Record<string, string> = { TOP: "top", MIDDLE: "middle", BOTTOM: "bottom" };

/** The alignment Sheets uses when the format has none: numbers right, booleans centred. */
export function defaultAlignment(cell: sheets_v4.Schema$CellData): string {
  const v = cell.effectiveValue ?? cell.userEnteredValue;
  if (v?.numberValue !== undefined && v.numberValue !== null) return "right";
  if (v?.boolValue !== undefined && v.boolValue !== null) return "center";
  return "left";
}

/** Declarations for a cell: fill, text, alignment, wrapping (borders are drawn separately). */
export function cellFormatCss(cell: sheets_v4.Schema$CellData): string[] {
  const f: CellFormat = cell.effectiveFormat ?? cell.userEnteredFormat ?? {};
  const out: string[] = [];
  const bg = cssColor(f.backgroundColorStyle, f.backgroundColor);
  if (bg && bg !== "#ffffff") out.push(`background-color:${bg}`);
  out.push(...textFormatCss(f.textFormat));
  const h = (f.horizontalAlignment && H_ALIGN[f.horizontalAlignment]) || defaultAlignment(cell);
  if (h !== "left") out.push(`text-align:${h}`);
  const v = f.verticalAlignment && V_ALIGN[f.verticalAlignment];
  if (v && v !== "bottom") out.push(`vertical-align:${v}`);
  if (f.wrapStrategy === "WRAP" || f.wrapStrategy === "LEGACY_WRAP")
    out.push("white-space:pre-wrap", "overflow-wrap:anywhere");
  if (f.textRotation?.vertical) out.push("writing-mode:vertical-rl");
  return out;
}

const BORDER_STYLE: Record<string, string> = {
  DOTTED: "1px dotted",
  DASHED: "1px dashed",
  SOLID: "1px solid",
  SOLID_MEDIUM: "2px solid",
  SOLID_THICK: "3px solid",
  DOUBLE: "3px double",
};

/** A Border as a CSS `border-*` value; undefined for none. */
export function borderCss(b: sheets_v4.Schema$Border | null | undefined): string | undefined {
  if (!b?.style || b.style === "NONE") return undefined;
  const style = BORDER_STYLE[b.style] ?? "1px solid";
  return `${style} ${cssColor(b.colorStyle, b.color) ?? "#000000"}`;
}

export function bordersOf(cell: sheets_v4.Schema$CellData | undefined) {
  const b = (cell?.effectiveFormat ?? cell?.userEnteredFormat)?.borders;
  return {
    top: borderCss(b?.top),
    bottom: borderCss(b?.bottom),
    left: borderCss(b?.left),
    right: borderCss(b?.right),
  };
}
