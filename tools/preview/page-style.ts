// The page's stylesheet: Sheets' look (grey headers, tab bar at the bottom, Arial 10pt cells).

export const PAGE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;font:13px/1.4 Arial,Helvetica,sans-serif;color:#202124;background:#f8f9fa}
.top{display:flex;align-items:baseline;gap:16px;padding:10px 16px;background:#fff;border-bottom:1px solid #dadce0}
.top h1{margin:0;font-size:18px;font-weight:400}
.top .sub{color:#5f6368;font-size:12px}
main{flex:1;min-height:0;position:relative}
.sheet{position:absolute;inset:0;overflow:auto;background:#fff}
.sheet[hidden]{display:none}
.area{position:relative;width:max-content;padding-bottom:24px}
table.grid{border-collapse:separate;border-spacing:0;table-layout:fixed;font:10pt Arial,Helvetica,sans-serif}
table.grid td{border-right:1px solid #e2e3e3;border-bottom:1px solid #e2e3e3;padding:2px 3px;overflow:hidden;white-space:pre;vertical-align:bottom;background-clip:padding-box}
table.grid th{background:#f8f9fa;color:#5f6368;font-weight:400;font-size:11px;border-right:1px solid #c0c0c0;border-bottom:1px solid #c0c0c0;text-align:center;padding:0;overflow:hidden}
table.grid.no-gridlines td{border-right-color:transparent;border-bottom-color:transparent}
table.grid thead{position:sticky;top:0;z-index:3;background:#fff}
table.grid th.rh{position:sticky;left:0;z-index:2}
table.grid th.corner{position:sticky;left:0;z-index:5}
table.grid .frozen-edge,table.grid tr:has(.frozen-edge)>td{border-bottom:3px solid #c7c9cc !important}
table.grid td.frozen-col-edge{border-right:3px solid #c7c9cc !important}
table.grid td.has-note{background-image:linear-gradient(225deg,#000 5px,transparent 5px)}
table.grid td.filter{position:relative;padding-right:18px}
table.grid td.filter::after{content:"";position:absolute;right:4px;bottom:5px;width:10px;height:8px;background:linear-gradient(#188038,#188038) 0 0/10px 2px no-repeat,linear-gradient(#188038,#188038) 2px 3px/6px 2px no-repeat,linear-gradient(#188038,#188038) 4px 6px/2px 2px no-repeat}
table.grid a{color:#1155cc}
table.grid td.target{outline:2px solid #1a73e8;outline-offset:-2px}
.chart{position:absolute;z-index:2;border:1px solid #dadce0;box-shadow:0 1px 2px rgba(60,64,67,.2)}
.chart canvas{display:block}
.chart .undrawn{display:flex;align-items:center;justify-content:center;height:100%;padding:16px;color:#5f6368;text-align:center}
nav.tabs{display:flex;gap:2px;padding:0 8px;background:#f1f3f4;border-top:1px solid #dadce0;overflow-x:auto;flex:none}
nav.tabs button{font:13px Arial,Helvetica,sans-serif;border:0;border-bottom:3px solid transparent;background:transparent;padding:8px 14px;color:#3c4043;cursor:pointer;white-space:nowrap}
nav.tabs button[aria-selected=true]{background:#fff;color:#188038;font-weight:700}
.cut{position:sticky;left:0;margin:0;padding:8px 16px;color:#b3261e;font-weight:700}
noscript p{margin:8px 16px;color:#b3261e}
`;
