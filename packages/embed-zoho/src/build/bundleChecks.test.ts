import { describe, expect, it } from 'vitest';
import { inlineScriptFindings, scriptFindings } from './bundleChecks';

describe('scriptFindings', () => {
  it('finds what a CSP without unsafe-eval blocks', () => {
    expect(scriptFindings('a.js', 'var x = eval("1+1");').forbidden).toHaveLength(1);
    expect(scriptFindings('a.js', 'const f = new Function("a", "return a");').forbidden).toHaveLength(1);
    expect(scriptFindings('a.js', 'setTimeout("alert(1)", 10)').forbidden).toHaveLength(1);
    // How @stdlib/utils-eval hands eval on: `module.exports = eval`, minified.
    expect(scriptFindings('a.js', 'qg=s(((e,t)=>{t.exports=eval})),Jg=1').forbidden).toHaveLength(1);
  });

  it('does not mistake names that merely contain eval for eval', () => {
    const clean = 'const retrieval = evaluate(x); obj.eval(y); medieval(z); setTimeout(() => run(), 0); class Function2 {}';
    expect(scriptFindings('a.js', clean)).toEqual({ forbidden: [], audited: [] });
  });

  it('lists aliased uses of the Function constructor for review without failing on them', () => {
    const findings = scriptFindings('lib.js', 'compile(){let e=Function,t=1;return new e("return 1")}; try{return Function(``),!0}catch{}');
    expect(findings.forbidden).toEqual([]);
    expect(findings.audited).toHaveLength(2);
    expect(findings.audited[0]).toMatch(/^lib\.js: Function\(…\) called on a string at \d+/);
  });
});

describe('inlineScriptFindings', () => {
  it('passes a page whose scripts all load from files', () => {
    const page = '<script src="https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js"></script>\n<script src="js/app.js"></script>';
    expect(inlineScriptFindings('widget.html', page)).toEqual([]);
  });

  it('finds inline scripts, inline handlers and javascript: URLs', () => {
    const page = '<script>start()</script><script src="a.js">x()</script><body onload="go()"><a href="javascript:void 0">';
    expect(inlineScriptFindings('widget.html', page)).toEqual([
      'widget.html: inline <script> at 0',
      'widget.html: inline <script> at 24',
      'widget.html: inline event handler "onload=" at 60',
      'widget.html: a javascript: URL',
    ]);
  });
});
