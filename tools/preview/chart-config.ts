// A stored chart spec (EmbeddedChart.spec) as a Chart.js configuration, serialisable to JSON:
// BASIC_CHART (bar, column, line, area, stepped area, scatter, combo) and PIE_CHART, with the
// spec's title, axis titles, legend position, stacking and series colours. Other chart kinds
// get no configuration and the page says so.

import type { sheets_v4 } from "@googleapis/sheets";
import { cssColor } from "./cell-style.ts";
import type { SourceCell } from "./chart-data.ts";
import { headerCountOf, readSource } from "./chart-data.ts";
import type { SheetGrid } from "./grid-model.ts";

type Spec = sheets_v4.Schema$ChartSpec;
type Json = Record<string, unknown>;

/** Sheets' default series colours. */
export const PALETTE = [
  "#4285f4",
  "#ea4335",
  "#fbbc04",
  "#34a853",
  "#ff6d01",
  "#46bdc6",
  "#7baaf7",
  "#f07b72",
];

const LEGEND: Record<string, string> = {
  BOTTOM_LEGEND: "bottom",
  LEFT_LEGEND: "left",
  RIGHT_LEGEND: "right",
  TOP_LEGEND: "top",
  LABELED_LEGEND: "right",
};

function legend(position: string | null | undefined, fallback: string): Json {
  if (position === "NO_LEGEND") return { display: false };
  return { display: true, position: LEGEND[position ?? ""] ?? fallback };
}

/** A chart TextFormat as a Chart.js font and colour (Sheets sizes are points). */
function textStyle(
  format: sheets_v4.Schema$TextFormat | null | undefined,
  size: number,
  bold: boolean,
): Json {
  const out: Json = {
    font: {
      size: format?.fontSize ? Math.round((format.fontSize * 4) / 3) : size,
      weight: (format?.bold ?? bold) ? "bold" : "normal",
      ...(format?.italic ? { style: "italic" } : {}),
    },
  };
  const colour = cssColor(format?.foregroundColorStyle, format?.foregroundColor);
  if (colour) out.color = colour;
  return out;
}

function titles(spec: Spec): Json {
  const out: Json = {};
  if (spec.title)
    out.title = { display: true, text: spec.title, ...textStyle(spec.titleTextFormat, 16, true) };
  if (spec.subtitle)
    out.subtitle = {
      display: true,
      text: spec.subtitle,
      ...textStyle(spec.subtitleTextFormat, 13, false),
    };
  return out;
}

const TYPE: Record<string, { type: string; fill?: boolean; stepped?: boolean }> = {
  BAR: { type: "bar" },
  COLUMN: { type: "bar" },
  LINE: { type: "line" },
  AREA: { type: "line", fill: true },
  STEPPED_AREA: { type: "line", fill: true, stepped: true },
  SCATTER: { type: "scatter" },
};

function seriesColour(s: sheets_v4.Schema$BasicChartSeries, i: number): string {
  return cssColor(s.colorStyle, s.color) ?? PALETTE[i % PALETTE.length] ?? "#4285f4";
}

function basicConfig(spec: Spec, grids: ReadonlyMap<number, SheetGrid>): Json | undefined {
  const basic = spec.basicChart as sheets_v4.Schema$BasicChartSpec;
  const chartType = basic.chartType ?? "COLUMN";
  const kind = TYPE[chartType === "COMBO" ? "COLUMN" : chartType];
  if (!kind) return undefined;
  const domainSpec = basic.domains?.[0];
  let domain = readSource(grids, domainSpec?.domain);
  const seriesSpecs = basic.series ?? [];
  const sources = seriesSpecs.map((s) => readSource(grids, s.series));
  const headers = headerCountOf(basic.headerCount, sources[0] ?? []);
  domain = domain.slice(headers);
  const reversed = domainSpec?.reversed === true;
  const order = <T>(xs: T[]) => (reversed ? [...xs].reverse() : xs);
  const horizontal = chartType === "BAR";
  const datasets = seriesSpecs.map((s, i) => {
    const cells: SourceCell[] = sources[i] ?? [];
    const name =
      cells
        .slice(0, headers)
        .map((c) => c.text)
        .join(" ") || `Chuỗi ${i + 1}`;
    const own = TYPE[s.type ?? ""] ?? kind;
    const colour = seriesColour(s, i);
    const values = order(cells.slice(headers).map((c) => c.number));
    const set: Json = {
      label: name,
      data:
        own.type === "scatter"
          ? values.map((y, j) => ({ x: order(domain)[j]?.number ?? j, y }))
          : values,
      backgroundColor: own.fill ? `${colour}66` : colour,
      borderColor: colour,
    };
    if (own.type !== kind.type) set.type = own.type;
    if (own.fill) set.fill = "origin";
    if (own.stepped) set.stepped = true;
    if (basic.lineSmoothing) set.tension = 0.4;
    if (s.targetAxis === "RIGHT_AXIS" && chartType !== "BAR") set.yAxisID = "y2";
    return set;
  });
  const axisTitle = (position: string) => {
    const axis = basic.axis?.find((a) => a.position === position);
    return axis?.title
      ? { display: true, text: axis.title, ...textStyle(axis.format, 12, false) }
      : { display: false };
  };
  const stacked = basic.stackedType === "STACKED" || basic.stackedType === "PERCENT_STACKED";
  const scales: Json = {
    x: { stacked, title: axisTitle("BOTTOM_AXIS"), ...(horizontal ? { beginAtZero: true } : {}) },
    y: { stacked, title: axisTitle("LEFT_AXIS"), ...(horizontal ? {} : { beginAtZero: true }) },
  };
  if (datasets.some((d) => d.yAxisID === "y2"))
    scales.y2 = { position: "right", beginAtZero: true, title: axisTitle("RIGHT_AXIS") };
  return {
    type: kind.type,
    data: { labels: order(domain.map((c) => c.text)), datasets },
    options: {
      indexAxis: horizontal ? "y" : "x",
      scales,
      plugins: { legend: legend(basic.legendPosition, "top"), ...titles(spec) },
    },
  };
}

function pieConfig(spec: Spec, grids: ReadonlyMap<number, SheetGrid>): Json {
  const pie = spec.pieChart as sheets_v4.Schema$PieChartSpec;
  const series = readSource(grids, pie.series);
  const domain = readSource(grids, pie.domain);
  const headers = headerCountOf(null, series);
  const values = series.slice(headers).map((c) => c.number);
  const hole = pie.pieHole ?? 0;
  return {
    type: hole > 0 ? "doughnut" : "pie",
    data: {
      labels: domain.slice(headers).map((c) => c.text),
      datasets: [
        {
          label:
            series
              .slice(0, headers)
              .map((c) => c.text)
              .join(" ") || "Chuỗi 1",
          data: values,
          backgroundColor: values.map((_, i) => PALETTE[i % PALETTE.length]),
        },
      ],
    },
    options: {
      ...(hole > 0 ? { cutout: `${Math.round(hole * 100)}%` } : {}),
      plugins: { legend: legend(pie.legendPosition, "right"), ...titles(spec) },
    },
  };
}

/** The Chart.js configuration of a spec; undefined for a kind the preview does not draw. */
export function chartConfig(spec: Spec, grids: ReadonlyMap<number, SheetGrid>): Json | undefined {
  let config: Json | undefined;
  if (spec.basicChart) config = basicConfig(spec, grids);
  else if (spec.pieChart) config = pieConfig(spec, grids);
  if (!config) return undefined;
  const options = config.options as Json;
  // Fixed-size canvases that are drawn once: hidden tabs have no layout to respond to.
  options.responsive = false;
  options.animation = false;
  options.locale = "vi-VN";
  const font = spec.fontName ? { family: spec.fontName } : undefined;
  if (font) options.font = font;
  return config;
}

/** The chart's kind in words, for a chart the preview cannot draw. */
export function chartKind(spec: Spec): string {
  const kinds = Object.keys(spec).filter((k) => k.endsWith("Chart"));
  return kinds[0] ?? "?";
}
