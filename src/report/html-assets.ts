/** The stylesheet of the HTML report: inline, no web fonts, no url() (the page's CSP allows no fetches). */
export const REPORT_CSS = `
:root {
  --ink: #18222f; --muted: #5d6778; --faint: #8a93a3; --line: #e3e6ec; --bg: #f3f4f7; --card: #fff;
  --accent: #1d5c8f; --accent-soft: #e6f0f8;
  --error: #c73a31; --error-soft: #fbe3e1; --warning: #c98300; --warning-soft: #fdf0cf;
  --info: #3a74c4; --info-soft: #e2ecfa; --clean: #2d8a5b; --clean-soft: #dff2e7;
  --paper: #fffaf0; --dab: #e5493f; --radius: 14px;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-variant-numeric: tabular-nums;
}
.page { max-width: 1120px; margin: 0 auto; padding: 0 24px 48px; }
header.top { background: linear-gradient(120deg, #15324f 0%, #1d5c8f 60%, #2b7bb5 100%); color: #fff; }
header.top .page { padding-top: 34px; padding-bottom: 88px; }
.eyebrow { text-transform: uppercase; letter-spacing: .14em; font-size: 12px; font-weight: 600; opacity: .78; }
h1 { font-size: 32px; line-height: 1.2; margin: 6px 0 8px; font-weight: 750; letter-spacing: -.01em; overflow-wrap: anywhere; }
.subline { opacity: .88; font-size: 15px; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 12px; font-weight: 650; letter-spacing: .02em; }
.badge.redacted { background: rgba(255,255,255,.16); border: 1px solid rgba(255,255,255,.35); color: #fff; }
main.page { margin-top: -64px; }
section { margin: 0 0 22px; }
.card { background: var(--card); border-radius: var(--radius); box-shadow: 0 1px 2px rgba(16,24,40,.06), 0 4px 14px rgba(16,24,40,.06); padding: 20px 22px; }
h2 { font-size: 19px; margin: 0 0 4px; letter-spacing: -.005em; }
.caption { color: var(--muted); font-size: 13.5px; margin: 0 0 14px; }
.tiles { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 14px; }
.tile { --tone: var(--accent); background: var(--card); border-radius: var(--radius); padding: 18px 18px 14px; box-shadow: inset 0 4px 0 var(--tone), 0 1px 2px rgba(16,24,40,.06), 0 4px 14px rgba(16,24,40,.06); }
.tile .value { font-size: 30px; font-weight: 760; line-height: 1.1; letter-spacing: -.02em; }
.tile .label { font-size: 13px; font-weight: 600; color: var(--muted); margin-top: 4px; }
.tile .sub { font-size: 12px; color: var(--faint); margin-top: 2px; }
.tile.findings { --tone: #41516a; }
.tile.error { --tone: var(--error); } .tile.error .value { color: var(--error); }
.tile.warning { --tone: var(--warning); } .tile.warning .value { color: #a86d00; }
.tile.clean { --tone: var(--clean); } .tile.clean .value { color: var(--clean); }
.tile.score { --tone: #7a5cc4; }
.grid2 { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 18px; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; fill: var(--muted); font-size: 12px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .axis { stroke: #c5cad3; stroke-width: 1; }
svg.chart .val { fill: var(--ink); font-weight: 650; }
/* Findings per rule: HTML rows, so that a long title wraps instead of being cut. */
ol.rulebars { list-style: none; margin: 0; padding: 0; }
ol.rulebars li { display: grid; grid-template-columns: minmax(0, 48%) minmax(0, 1fr) 2.6em; gap: 4px 10px; align-items: center; padding: 4px 0; }
.rb-label { min-width: 0; }
.rb-label .rule-title { font-size: 12.5px; font-weight: 600; line-height: 1.25; overflow-wrap: anywhere; }
.rb-id { display: block; color: var(--faint); font-size: 10.5px; line-height: 1.3; overflow-wrap: anywhere; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
.rb-track { display: flex; height: 18px; border-radius: 4px; background: #f1f3f6; overflow: hidden; }
.rb-track b { display: block; height: 100%; min-width: 3px; }
.rb-val { font-size: 12px; font-weight: 650; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12.5px; color: var(--muted); margin-top: 8px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 5px; vertical-align: -1px; }
.bands { display: flex; height: 14px; border-radius: 7px; overflow: hidden; margin-top: 18px; background: var(--line); }
.bands b { display: block; height: 100%; }
.bandlegend { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px 12px; margin-top: 10px; font-size: 12.5px; color: var(--muted); }
.bandlegend div { line-height: 1.3; }
.bandlegend i { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
.bandlegend strong { display: block; color: var(--ink); font-size: 15px; margin-top: 2px; }
.empty { color: var(--muted); font-style: italic; padding: 18px 0; }

/* The bingo card */
.bingo { background: var(--paper); border: 2px solid #f0d9a8; position: relative; overflow: hidden; }
.bingo::before { content: ""; position: absolute; inset: 0; background: repeating-linear-gradient(135deg, rgba(229,73,63,.035) 0 12px, transparent 12px 24px); pointer-events: none; }
.bingo-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 16px; flex-wrap: wrap; position: relative; }
.bingo-title { display: flex; align-items: center; gap: 12px; }
.balls { display: flex; gap: 5px; }
.balls span { width: 30px; height: 30px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 800; font-size: 15px; box-shadow: inset -3px -4px 0 rgba(0,0,0,.15); }
.balls span:nth-child(1) { background: #e5493f; } .balls span:nth-child(2) { background: #f0a202; }
.balls span:nth-child(3) { background: #2d8a5b; } .balls span:nth-child(4) { background: #1d5c8f; } .balls span:nth-child(5) { background: #7a5cc4; }
.bingo h2 { font-size: 22px; margin: 0; }
.bingo .caption { margin: 2px 0 0; }
.score-pill { background: #fff; border: 2px solid var(--ink); border-radius: 999px; padding: 4px 16px; font-weight: 800; font-size: 20px; white-space: nowrap; }
.score-pill small { font-size: 13px; font-weight: 600; color: var(--muted); }
.squares { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; margin: 18px 0 16px; position: relative; }
.square { position: relative; background: #fff; border: 2px dashed #e4cfa3; border-radius: 12px; padding: 14px 14px 12px; min-height: 150px; display: flex; flex-direction: column; overflow: hidden; }
.square .sq-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 10px; }
.square .sq-title { font-weight: 750; font-size: 15.5px; line-height: 1.25; padding-top: 4px; }
.square .sq-desc { font-size: 12.5px; color: var(--muted); margin-top: 4px; line-height: 1.4; position: relative; z-index: 1; }
.square .sq-foot { margin-top: auto; padding-top: 10px; font-size: 12px; color: var(--muted); display: flex; justify-content: space-between; gap: 8px; }
.square .sq-ex { font-size: 12px; color: var(--ink); background: rgba(255,255,255,.75); border: 1px solid rgba(229,73,63,.25); border-radius: 6px; padding: 4px 8px; margin-top: 8px; overflow-wrap: anywhere; position: relative; z-index: 1; }
.square .sq-ex q { font-style: italic; }
.square .stamp { flex: none; width: 44px; height: 44px; border-radius: 50%; display: grid; place-items: center; font-weight: 800; font-size: 14px; margin: -4px -4px 0 0; }
.square .sq-foot { position: relative; z-index: 1; }
.square.hit { border: 2px solid var(--dab); background: #fff; }
.square.hit::after { content: ""; position: absolute; width: 130px; height: 130px; right: -34px; bottom: -44px; border-radius: 50%; background: radial-gradient(circle at 40% 40%, rgba(229,73,63,.16), rgba(229,73,63,.08) 60%, rgba(229,73,63,0) 71%); pointer-events: none; }
.square.hit .stamp { background: var(--dab); color: #fff; transform: rotate(-12deg); box-shadow: 0 2px 0 rgba(0,0,0,.12); }
.square.miss .stamp { border: 2px dashed #d9c7a0; color: #b9a67c; font-size: 20px; }
.square.miss .sq-title { color: #6b7280; }
.verdict { position: relative; display: grid; grid-template-columns: auto 1fr; gap: 18px; align-items: center; background: #fff; border-radius: 12px; padding: 16px 18px; border: 1px solid #f0d9a8; }
.verdict .big { font-size: 44px; font-weight: 850; line-height: 1; color: var(--dab); letter-spacing: -.03em; text-align: center; }
.verdict .big small { display: block; font-size: 12px; font-weight: 650; color: var(--muted); letter-spacing: 0; margin-top: 4px; }
.verdict .tier { font-size: 20px; font-weight: 800; }
.verdict p { margin: 4px 0 10px; color: #3c4554; }
.ladder { display: flex; gap: 6px; flex-wrap: wrap; }
.ladder span { font-size: 11.5px; padding: 3px 9px; border-radius: 999px; background: #f1ede4; color: #7c7263; font-weight: 600; }
.ladder span.on { background: var(--dab); color: #fff; }

/* Tables */
.tablewrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th { text-align: left; font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 650; padding: 8px 8px; border-bottom: 2px solid var(--line); white-space: nowrap; }
td { padding: 10px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
.metered { display: flex; align-items: center; justify-content: flex-end; gap: 8px; white-space: nowrap; }
.metered .meter { margin-left: 0; }
.errcount { display: inline-block; font-size: 11px; font-weight: 700; color: var(--error); background: var(--error-soft); border-radius: 999px; padding: 0 7px; margin-left: 6px; }
td.key { font-weight: 650; overflow-wrap: anywhere; min-width: 8em; }
/* The top rules by title: the widest column, wrapping (a custom rule's title can be long). */
td.top { min-width: 15em; }
ul.toprules { list-style: none; margin: 0; padding: 0; font-size: 13px; line-height: 1.35; }
ul.toprules li { margin: 1px 0 3px; }
ul.toprules .rule-title { overflow-wrap: anywhere; }
ul.toprules b { color: var(--accent); font-size: 12px; white-space: nowrap; }
.meter { display: inline-block; width: 56px; height: 7px; border-radius: 4px; background: var(--line); vertical-align: middle; margin-left: 8px; overflow: hidden; }
.meter b { display: block; height: 100%; border-radius: 4px; }
.dots { display: inline-grid; grid-template-columns: repeat(3, 9px); gap: 3px; vertical-align: middle; margin-right: 8px; }
.dots i { width: 9px; height: 9px; border-radius: 50%; border: 1.5px solid #d9c7a0; }
.dots i.on { background: var(--dab); border-color: var(--dab); }
.tiername { color: var(--muted); font-size: 12.5px; }

/* Worst replies */
.reply { padding: 0; overflow: hidden; margin-bottom: 16px; }
.reply-head { display: flex; align-items: center; gap: 12px; padding: 14px 20px; border-bottom: 1px solid var(--line); background: #fafbfc; }
.rank { font-weight: 800; color: var(--faint); font-size: 15px; min-width: 28px; }
.reply-id { flex: 1; min-width: 0; }
.path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; font-weight: 600; overflow-wrap: anywhere; unicode-bidi: isolate; }
.metas { font-size: 12.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 2px; }
.metas span { unicode-bidi: isolate; }
.scorebadge { text-align: center; border-radius: 10px; padding: 4px 12px; background: var(--error-soft); color: var(--error); font-weight: 800; font-size: 20px; line-height: 1.1; }
.scorebadge small { display: block; font-size: 10.5px; font-weight: 650; text-transform: uppercase; letter-spacing: .06em; }
.scorebadge.mid { background: var(--warning-soft); color: #a86d00; }
.reply-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
.textcol { border-right: 1px solid var(--line); min-width: 0; }
.reply-text { margin: 0; padding: 16px 20px; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.75 ui-serif, Georgia, Cambria, "Times New Roman", serif; max-height: 32em; overflow: auto; unicode-bidi: plaintext; }
.reply-text .quoted { color: #8a93a3; }
.pii { background: #3a4352; color: #fff; border-radius: 3px; font: 600 .78em/1 system-ui, sans-serif; letter-spacing: .02em; padding: 2px 0; }
.pii.block { color: #3a4352; }
.reply-text .notext { font: italic 13px/1.5 system-ui, sans-serif; color: var(--muted); }
mark { color: inherit; border-radius: 3px; padding: 1px 0; cursor: help; }
mark.m-error { background: #f9d4d0; box-shadow: inset 0 -2px 0 var(--error); }
mark.m-warning { background: #fbe7b5; box-shadow: inset 0 -2px 0 var(--warning); }
mark.m-info { background: #d8e6f9; box-shadow: inset 0 -2px 0 var(--info); }
mark.m-ov { background-image: repeating-linear-gradient(135deg, rgba(0,0,0,.09) 0 3px, transparent 3px 6px); }
.n { font: 700 9.5px/1 system-ui, sans-serif; vertical-align: super; color: #fff; background: var(--ink); border-radius: 7px; padding: 1px 4px; margin: 0 2px 0 1px; }
.caret { cursor: help; white-space: nowrap; }
.caret i { display: inline-block; width: 3px; height: 1.2em; border-radius: 2px; background: var(--error); vertical-align: text-bottom; margin: 0 1px 0 2px; }
.caret.c-warning i { background: var(--warning); } .caret.c-info i { background: var(--info); }
ol.findings { list-style: none; margin: 0; padding: 12px 18px 14px; font-size: 13.5px; }
ol.findings li { display: grid; grid-template-columns: 24px 1fr; gap: 2px 8px; padding: 7px 0; border-bottom: 1px solid var(--line); }
ol.findings li:last-child { border-bottom: 0; }
ol.findings .fn { font: 700 11px/20px system-ui, sans-serif; background: var(--ink); color: #fff; border-radius: 10px; text-align: center; height: 20px; }
ol.findings .msg { overflow-wrap: anywhere; }
ol.findings .rule { font-size: 11.5px; color: var(--muted); }
ol.findings .rule code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 11px; }
ol.findings .sugg { color: var(--clean); font-size: 12.5px; overflow-wrap: anywhere; }
ol.findings .actual { font-style: italic; }
.sev { display: inline-block; font-size: 10.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; border-radius: 4px; padding: 0 5px; margin-right: 6px; }
.sev.error { background: var(--error-soft); color: var(--error); }
.sev.warning { background: var(--warning-soft); color: #9a6400; }
.sev.info { background: var(--info-soft); color: var(--info); }
.allclean { text-align: center; padding: 26px; color: var(--clean); font-weight: 650; }
ul.inputerrors { margin: 0; padding-left: 18px; font-size: 13.5px; }
ul.inputerrors li { overflow-wrap: anywhere; }
footer { color: var(--faint); font-size: 12.5px; text-align: center; padding: 8px 0 0; }

@media (max-width: 900px) {
  .tiles { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .grid2, .reply-body { grid-template-columns: minmax(0, 1fr); }
  .textcol { border-right: 0; border-bottom: 1px solid var(--line); }
  .squares { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (max-width: 560px) {
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .squares { grid-template-columns: minmax(0, 1fr); }
  .verdict { grid-template-columns: 1fr; }
  /* A phone: the rule's title over its bar, the full width. */
  ol.rulebars li { grid-template-columns: minmax(0, 1fr) 2.6em; }
  .rb-label { grid-column: 1 / -1; }
}
@media print {
  @page { margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 12.5px; }
  header.top { background: #fff; color: var(--ink); border-bottom: 3px solid var(--accent); }
  header.top .page { padding: 0 0 14px; }
  .badge.redacted { color: var(--ink); border-color: var(--line); }
  main.page { margin-top: 16px; padding: 0; max-width: none; }
  .card, .tile { box-shadow: none; border: 1px solid var(--line); }
  .tiles { grid-template-columns: repeat(6, minmax(0, 1fr)); }
  .grid2 { grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); }
  .squares { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .card, .tile, .square, .verdict, tr, ol.findings li { break-inside: avoid; }
  .reply-text { max-height: none; overflow: visible; }
  section.bingo-section { break-before: page; }
  mark { cursor: default; }
  .tablewrap { overflow: visible; }
  table { font-size: 11.5px; }
  th { font-size: 10px; letter-spacing: .03em; padding: 6px; white-space: normal; }
  td { padding: 7px 6px; }
  .meter { width: 36px; }
}
`;
