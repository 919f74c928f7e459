/** The site's one stylesheet: readable, printable, visible focus, no colour-only meaning. */
export const css = `
:root { color-scheme: light; --ink: #111; --muted: #444; --line: #888; --accent: #0b4f8a; --mark: #fff1a8; --ins: #d6f5d6; --del: #fbd9d9; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; }
header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem 2rem; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
header.site .brand { margin: 0; font-weight: 700; }
header.site ul { display: flex; gap: 1.25rem; list-style: none; margin: 0; padding: 0; }
header.site a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main:focus { outline: none; }
footer.site { border-top: 1px solid var(--line); padding: .75rem 1.5rem; color: var(--muted); font-size: .875rem; }
.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; padding: 0; margin: 0 0 .5rem; font-size: .9rem; }
.crumbs li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
h1 { font-size: 1.75rem; margin: .25rem 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
.basis { display: inline-block; border: 1px solid currentColor; border-radius: .25rem; padding: 0 .3rem; font-size: .8rem; font-weight: 600; white-space: nowrap; }
.basis-stated { color: #14532d; } .basis-reading { color: #7c2d12; } .basis-assumed { color: #581c87; } .basis-not-stated { color: #333; }
.quote { font-style: italic; }
.note { color: var(--muted); }
.timeline { width: 100%; height: auto; max-width: 72rem; border: 1px solid var(--line); }
.timeline text { font: 12px system-ui, sans-serif; fill: #111; }
.source { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; border: 1px solid var(--line); }
.source .line { display: grid; grid-template-columns: 4.5rem 1fr; border-bottom: 1px solid #eee; }
.source .line > a { text-align: right; padding: 0 .75rem 0 0; color: var(--muted); text-decoration: none; }
.source .line > a:hover, .source .line > a:focus { text-decoration: underline; }
.source .text { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 .5rem; }
.source .cited { background: var(--mark); }
.source .cited .text::before { content: "cited "; font-weight: 700; font-family: system-ui, sans-serif; font-size: .75rem; }
.source .line:target { outline: 3px solid #c25e00; }
.source .redacted { font-style: italic; color: var(--muted); }
.citedby { font-family: system-ui, sans-serif; font-size: .8rem; color: var(--muted); display: block; }
ins { background: var(--ins); text-decoration: underline; }
del { background: var(--del); text-decoration: line-through; }
.impact { font-weight: 600; }
form.panel { display: grid; gap: .75rem; border: 1px solid var(--line); padding: 1rem; margin: 1rem 0; }
form.panel .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
form.panel label { display: grid; gap: .2rem; font-weight: 600; }
form.panel .hint { font-weight: 400; color: var(--muted); font-size: .85rem; }
input, select, button, textarea { font: inherit; padding: .3rem .45rem; }
button { cursor: pointer; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .25rem; }
button.secondary { background: #fff; color: var(--accent); }
fieldset { border: 1px solid var(--line); }
pre.json { background: #f6f6f6; border: 1px solid var(--line); padding: .75rem; overflow: auto; max-height: 40rem; font-size: .85rem; }
.result:empty { display: none; }
.error { color: #8b0000; font-weight: 600; }
.letter { border: 1px solid var(--line); padding: 1rem 1.25rem; margin: 1rem 0; }
.letter .date { margin: 0; color: var(--muted); }
.letter h3 { margin: .25rem 0; }
@media print { header.site nav, .skip, footer.site { display: none; } main { max-width: none; } }
`.trim();
