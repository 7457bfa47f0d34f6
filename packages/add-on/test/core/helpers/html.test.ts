import fc from 'fast-check';
import { escapeHtml, fillTemplate } from '../../../src/core/helpers/html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('escapes an ampersand once, not what it already escaped', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('leaves other text alone', () => {
    expect(escapeHtml('Spring Sale — 20 % off, café 🔥 {{x}}')).toBe('Spring Sale — 20 % off, café 🔥 {{x}}');
  });

  it('leaves no markup character in any text, and decodes back to it (property)', () => {
    const decode = (html: string) =>
      html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', 'a', ';', '#', 'l', 't') }), fc.string(), (tricky, any) => {
        for (const text of [tricky, any]) {
          const escaped = escapeHtml(text);
          expect(escaped).not.toMatch(/[<>"']/);
          expect(escaped.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toContain('&');
          expect(decode(escaped)).toBe(text);
        }
      }),
    );
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder with its escaped value', () => {
    expect(fillTemplate('<p title="{{name}}">{{name}} owes {{amount}}</p>', { name: "O'Brien <b>", amount: '19.99 "USD"' })).toBe(
      '<p title="O&#39;Brien &lt;b&gt;">O&#39;Brien &lt;b&gt; owes 19.99 &quot;USD&quot;</p>',
    );
  });

  it('does not expand a placeholder that a value brings in', () => {
    expect(fillTemplate('{{a}} {{b}}', { a: '{{b}}', b: 'B' })).toBe('{{b}} B');
  });

  it('does not treat $ in a value as a replacement pattern', () => {
    expect(fillTemplate('<b>{{key}}</b>', { key: "$& $1 $$ $` $'" })).toBe('<b>$&amp; $1 $$ $` $&#39;</b>');
  });

  it.each([
    ['hidden_if_X, X true', '<div {{hidden_if_done}}>', true, '<div hidden>'],
    ['hidden_if_X, X false', '<div {{hidden_if_done}}>', false, '<div >'],
    ['hidden_unless_X, X true', '<div {{hidden_unless_done}}>', true, '<div >'],
    ['hidden_unless_X, X false', '<div {{hidden_unless_done}}>', false, '<div hidden>'],
  ])('hides by flag: %s', (_, html, done, filled) => {
    expect(fillTemplate(html, {}, { done })).toBe(filled);
  });

  it('uses flags and values side by side', () => {
    expect(fillTemplate('<p {{hidden_unless_live}}>{{mode}}</p><p {{hidden_if_live}}>test</p>', { mode: 'live' }, { live: true })).toBe(
      '<p >live</p><p hidden>test</p>',
    );
  });

  it('throws on a placeholder it has no value for, naming it', () => {
    expect(() => fillTemplate('<p>{{missing}}</p>', { other: 'x' })).toThrow('No value missing for the template');
  });

  it('throws on a flag it was not given, naming it', () => {
    expect(() => fillTemplate('<p {{hidden_if_live}}>', { live: 'true' })).toThrow('No flag live for the template');
    expect(() => fillTemplate('<p {{hidden_unless_live}}>', {}, { other: true })).toThrow('No flag live for the template');
  });

  it('does not take inherited object properties for values or flags', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => fillTemplate(`{{${name}}}`, {})).toThrow(`No value ${name} for the template`);
      expect(() => fillTemplate(`{{hidden_if_${name}}}`, {}, {})).toThrow(`No flag ${name} for the template`);
    }
  });

  it('leaves text without placeholders as it is', () => {
    expect(fillTemplate('<p>{ {x} } {{ x }} {x}</p>', {})).toBe('<p>{ {x} } {{ x }} {x}</p>');
  });
});
