/**
 * Cross-site scripting attempts, gathered from the classic XSS filter-evasion cheat sheets, each
 * placed in a CRM field a user can type into (account and contact names, touchpoint and case
 * subjects, feedback comments, action reasons). Payload `n` tries, by every route it knows, to call
 * `window.__xssFired(n)`, to raise `alert(n)`, or to load the marker URL `/xss-marker/n` from the
 * page's own origin (which the page's CSP allows, so an injected element that loads anything is
 * seen even when its inline script is blocked). Rendered as text, none of them may do anything.
 */

/** Where payload `n` reports a load: a same-origin path, so `img-src 'self'` does not hide it. */
export function markerPath(n: number): string {
  return `/xss-marker/${n}`;
}

type Payload = (n: number, marker: string) => string;

const templates: readonly Payload[] = [
  (n) => `<script>__xssFired(${n})</script>`,
  (n, m) => `<img src="${m}" onerror="__xssFired(${n})">`,
  (n) => `<svg onload="__xssFired(${n})">`,
  (n) => `"><script>__xssFired(${n})</script>`,
  (n) => `'><img src=x onerror=alert(${n})>`,
  (n) => `<iframe src="javascript:__xssFired(${n})"></iframe>`,
  (n) => `<a href="javascript:__xssFired(${n})">open</a>`,
  (n) => `<body onload=__xssFired(${n})>`,
  (n) => `<details open ontoggle=__xssFired(${n})>`,
  (n) => `<input autofocus onfocus=__xssFired(${n})>`,
  (n, m) => `<video><source src="${m}" onerror="__xssFired(${n})"></video>`,
  (n, m) => `<audio src="${m}" onerror=__xssFired(${n})>`,
  (n) => `<object data="javascript:__xssFired(${n})"></object>`,
  (n) => `<embed src="javascript:__xssFired(${n})">`,
  (_n, m) => `<link rel=stylesheet href="${m}">`,
  (_n, m) => `<style>@import '${m}';</style>`,
  (_n, m) => `<div style="background:url(${m})">x</div>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xssFired(${n})">`,
  (_n, m) => `<base href="${m}/">`,
  (n) => `<form action="javascript:__xssFired(${n})"><button>go</button></form>`,
  (n, m) => `<math><mtext><table><mglyph><style><img src=${m} onerror=__xssFired(${n})>`,
  (n, m) => `<noscript><p title="</noscript><img src=${m} onerror=__xssFired(${n})>">`,
  (n) => `javascript:__xssFired(${n})`,
  (n) => `data:text/html,<script>__xssFired(${n})</script>`,
  (n) => `{{constructor.constructor('__xssFired(${n})')()}}`,
  (n) => `\${__xssFired(${n})}`,
  (n) => `<scr<script>ipt>__xssFired(${n})</scr</script>ipt>`,
  (n) => `<IMG SRC=JaVaScRiPt:__xssFired(${n})>`,
  (n, m) => `<img src=${m} onerror=&#95;&#95;xssFired(${n})>`,
  (n) => `&lt;script&gt;__xssFired(${n})&lt;/script&gt;`,
  (n) => `\\u003cscript\\u003e__xssFired(${n})\\u003c/script\\u003e`,
  (n) => `%3Cscript%3E__xssFired(${n})%3C%2Fscript%3E`,
  (_n, m) => `<svg><script href="${m}.js"></script></svg>`,
  (n) => `<svg><animate onbegin=__xssFired(${n}) attributeName=x dur=1s>`,
  (n) => `<marquee onstart=__xssFired(${n})>x</marquee>`,
  (n) => `<select autofocus onfocus=__xssFired(${n})>`,
  (n) => `<textarea autofocus onfocus=__xssFired(${n})>`,
  (n, m) => `<img srcset="${m} 1x" onload=__xssFired(${n})>`,
  (_n, m) => `<picture><source srcset="${m}"><img alt=x></picture>`,
  (_n, m) => `<script src="${m}.js"></script>`,
  (_n, m) => `<script type=module>import('${m}.js')</script>`,
  (n) => `<iframe srcdoc="<script>parent.__xssFired(${n})</script>"></iframe>`,
  (n) => `"onmouseover="__xssFired(${n})`,
  (n) => `' onfocus='__xssFired(${n})' autofocus='`,
  (n) => `</title><script>__xssFired(${n})</script>`,
  (n) => `</textarea><script>__xssFired(${n})</script>`,
  (n, m) => `<!--<img src="--><img src=${m} onerror=__xssFired(${n})//">`,
  (n) => `<![CDATA[<script>__xssFired(${n})</script>]]>`,
  (n) => `<xss id=x tabindex=1 onfocusin=__xssFired(${n})></xss>`,
  (_n, m) => `<a href="${m}" ping="${m}">x</a>`,
  (n) => `<svg><a xlink:href="javascript:__xssFired(${n})"><text>x</text></a></svg>`,
  (_n, m) => `<img src=x:x onerror=fetch('${m}')>`,
  (n) => `<img/src/onerror=alert(${n})>`,
  (n) => `<<script>script>__xssFired(${n})<</script>/script>`,
  (n) => `\\"-__xssFired(${n})-\\"`,
  (n) => `</script><script>__xssFired(${n})</script>`,
  (_n, m) => `<object data="${m}"></object>`,
  (n) => `<ＳＣＲＩＰＴ>__xssFired(${n})</ＳＣＲＩＰＴ> 株式会社`,
  (n, m) => `株式会社<img src="${m}" onerror="__xssFired(${n})">テスト`,
  (n) => `<div onpointerenter=__xssFired(${n}) style="position:fixed;inset:0">cover</div>`,
];

export interface XssPayload {
  readonly n: number;
  readonly text: string;
}

/** Every payload, numbered from 1. */
export const xssPayloads: readonly XssPayload[] = templates.map((template, index) => {
  const n = index + 1;
  return { n, text: template(n, markerPath(n)) };
});
