// The page's script, bundled with Chart.js into the page: switches tabs like Sheets' tab bar,
// follows `#gid=…&range=…` links to a tab and cell, and draws each chart from its configuration.

import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
} from "chart.js";

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
);
Chart.defaults.font.family = "Arial, Helvetica, sans-serif";

interface ChartEntry {
  canvasId: string;
  config: ChartConfiguration;
}

function showTab(gid: string, ref?: string): void {
  const sheets = document.querySelectorAll<HTMLElement>("section.sheet");
  if (![...sheets].some((s) => s.dataset.gid === gid)) return;
  for (const s of sheets) s.hidden = s.dataset.gid !== gid;
  for (const b of document.querySelectorAll<HTMLButtonElement>("nav.tabs button"))
    b.setAttribute("aria-selected", String(b.dataset.gid === gid));
  for (const t of document.querySelectorAll(".target")) t.classList.remove("target");
  if (!ref) return;
  const cell = document.querySelector<HTMLElement>(
    `section[data-gid="${gid}"] td[data-ref="${ref}"]`,
  );
  cell?.classList.add("target");
  cell?.scrollIntoView({ block: "center", inline: "center" });
}

function followHash(): void {
  const m = /^#gid=(\d+)(?:&range=([A-Z]+\d+))?$/.exec(location.hash);
  if (m?.[1]) showTab(m[1], m[2]);
}

for (const button of document.querySelectorAll<HTMLButtonElement>("nav.tabs button")) {
  button.addEventListener("click", () => {
    history.replaceState(null, "", `#gid=${button.dataset.gid}`);
    showTab(button.dataset.gid ?? "");
  });
}
window.addEventListener("hashchange", followHash);
followHash();

const data = document.getElementById("qcdc-charts")?.textContent ?? "[]";
for (const entry of JSON.parse(data) as ChartEntry[]) {
  const canvas = document.getElementById(entry.canvasId);
  if (canvas instanceof HTMLCanvasElement) new Chart(canvas, entry.config);
}
