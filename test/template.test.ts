import { describe, expect, it } from 'vitest';
import { blankControls, findTemplateSyntax, intersectsTemplate, isTemplatePath, type Span } from '../src/text/template.js';
import { findDirectives } from '../src/text/directives.js';

const texts = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end));

describe('findTemplateSyntax', () => {
  it('tells Handlebars controls from placeholders', () => {
    const text = [
      '{{#if ticket.requester.first_name}}Hei {{ticket.requester.first_name}},{{else}}Hei,{{/if}}',
      '',
      'tilauksesi {{{order.summary_html}}} on lähetetty. {{> allekirjoitus}}',
      '{{~#each items~}}- {{this.name}}{{/each}}',
      '{{^has_tracking}}Seurantakoodia ei ole.{{/has_tracking}}',
    ].join('\n');
    const { controls, placeholders } = findTemplateSyntax(text);
    expect(texts(text, controls)).toEqual([
      '{{#if ticket.requester.first_name}}',
      '{{else}}',
      '{{/if}}',
      '{{~#each items~}}',
      '{{/each}}',
      '{{^has_tracking}}',
      '{{/has_tracking}}',
    ]);
    expect(texts(text, placeholders)).toEqual(['{{ticket.requester.first_name}}', '{{{order.summary_html}}}', '{{> allekirjoitus}}', '{{this.name}}']);
    expect(placeholders.map((p) => p.name)).toEqual(['ticket.requester.first_name', 'order.summary_html', 'allekirjoitus', 'this.name']);
    expect(controls.map((c) => c.name)).toEqual(['if', 'else', '/if', 'each', '/each', 'has_tracking', '/has_tracking']);
  });

  it('finds Liquid (Zendesk) tags, filters and comments', () => {
    const text = [
      '{% if ticket.requester.first_name != blank %}Hej {{ ticket.requester.first_name | capitalize }}!{% else %}Hej!{% endif %}',
      '{%- for c in ticket.comments limit:1 -%}{{ c.value }}{%- endfor -%}',
      '{% comment %}Intern anteckning: {{ ticket.id }} syns inte för kunden.{% endcomment %}',
      '{% assign namn = current_user.first_name %}{% include "signatur" %}',
      '{% raw %}{{ inte en tagg }}{% endraw %}',
    ].join('\n');
    const { controls, placeholders } = findTemplateSyntax(text);
    expect(texts(text, placeholders)).toEqual(['{{ ticket.requester.first_name | capitalize }}', '{{ c.value }}', '{% include "signatur" %}']);
    expect(placeholders[0]!.name).toBe('ticket.requester.first_name');
    expect(placeholders[2]!.name).toBe('signatur');
    expect(controls.map((c) => c.name)).toEqual(['if', 'else', 'endif', 'for', 'endfor', 'comment', 'assign', 'raw', 'endraw']);
    // The comment block is one control, tags inside it included.
    expect(texts(text, controls)[5]).toMatch(/^\{% comment %\}Intern.*\{% endcomment %\}$/);
  });

  it('finds Nunjucks and Handlebars comments and HTML comments', () => {
    const text = '{# luonnos #}Hei {{ nimi }}!\n{{!-- muistiinpano --}}{{! lyhyt }}<!-- huom -->';
    const { controls, placeholders } = findTemplateSyntax(text);
    expect(texts(text, controls)).toEqual(['{# luonnos #}', '{{!-- muistiinpano --}}', '{{! lyhyt }}', '<!-- huom -->']);
    expect(texts(text, placeholders)).toEqual(['{{ nimi }}']);
  });

  it('leaves aspalint directive comments to the directives module', () => {
    const text = [
      '{{!-- aspalint-disable-next-line phrase/canned -- sovittu lakitiimin kanssa --}}',
      'Kiitämme yhteydenotostanne.',
      '<!-- aspalint-disable-line format/all-caps -->',
      '{% comment %} aspalint-enable {% endcomment %}',
      '{# aspalint-disable phrase/calque #}',
      '{{!-- tavallinen kommentti --}}',
    ].join('\n');
    const { controls } = findTemplateSyntax(text);
    expect(texts(text, controls)).toEqual(['{{!-- tavallinen kommentti --}}']);
    // Blanking the controls keeps every directive for findDirectives.
    expect(findDirectives(blankControls(text)).length).toBe(findDirectives(text).length);
    expect(findDirectives(text).length).toBe(4);
  });

  it('finds helpdesk, percent, merge-tag and bracket placeholders', () => {
    const text =
      'Hei {{current_user.first_name}} ja %ASIAKKAAN_NIMI%, tilaus %ORDER% / *|FNAME|* / ${etunimi}.\n' +
      'Hyvä [Asiakkaan nimi], Bästa [Kundens namn], Hei [NIMI]! Tilaus [tilausnumero]. Terveisin [Oma nimi]';
    const { placeholders, controls } = findTemplateSyntax(text);
    expect(controls).toEqual([]);
    expect(texts(text, placeholders)).toEqual([
      '{{current_user.first_name}}',
      '%ASIAKKAAN_NIMI%',
      '%ORDER%',
      '*|FNAME|*',
      '${etunimi}',
      '[Asiakkaan nimi]',
      '[Kundens namn]',
      '[NIMI]',
      '[tilausnumero]',
      '[Oma nimi]',
    ]);
    expect(placeholders.map((p) => p.syntax)).toEqual(['handlebars', 'percent', 'percent', 'merge-tag', 'dollar', 'bracket', 'bracket', 'bracket', 'bracket', 'bracket']);
  });

  it('takes Help Scout variables for placeholders, not tags', () => {
    const text = 'Hei {%customer.firstName,fallback=asiakkaamme%}! {% if x %}';
    const { controls, placeholders } = findTemplateSyntax(text);
    expect(placeholders.map((p) => [text.slice(p.start, p.end), p.name])).toEqual([['{%customer.firstName,fallback=asiakkaamme%}', 'customer.firstName']]);
    expect(controls.map((c) => c.name)).toEqual(['if']);
  });

  it('finds Rails, Ruby, Smarty, PrestaShop, printf, Kotlin and angled placeholders', () => {
    const text = 'Hei %{name}, #{order.id} {$customer_firstname} {shop_name} {firstName} {0} %s %1$s ${frontPageLink(Language.fi)} <Asiakkaan nimi> <NIMI>';
    const { placeholders, controls } = findTemplateSyntax(text);
    expect(controls).toEqual([]);
    expect(texts(text, placeholders)).toEqual([
      '%{name}',
      '#{order.id}',
      '{$customer_firstname}',
      '{shop_name}',
      '{firstName}',
      '{0}',
      '%s',
      '%1$s',
      '${frontPageLink(Language.fi)}',
      '<Asiakkaan nimi>',
      '<NIMI>',
    ]);
    expect(placeholders.map((p) => p.syntax)).toEqual(['ruby', 'ruby', 'smarty', 'brace', 'brace', 'brace', 'printf', 'printf', 'dollar', 'angle', 'angle']);
  });

  it("finds VuFind's %%x%% and PHP's echoes, and takes other PHP blocks for controls", () => {
    const text = 'Hei %%firstname%%, laina erääntyy <?= $this->dueDate ?>.<?php if ($renewable): ?> Uusi se.<?php endif; ?> <?php echo $library ?>';
    const { placeholders, controls } = findTemplateSyntax(text);
    expect(texts(text, placeholders)).toEqual(['%%firstname%%', '<?= $this->dueDate ?>', '<?php echo $library ?>']);
    expect(placeholders.map((p) => p.name)).toEqual(['firstname', 'this->dueDate', 'library']);
    expect(controls.map((c) => c.name)).toEqual(['if', 'endif']);
  });

  it("finds phpBB's {USERNAME} and Laravel's :param1", () => {
    const text = 'Hei {USERNAME}, viestisi "{POST_SUBJECT}" hylättiin. Kirjauduit tilillesi :param2 osoitteessa :param3. Klo 10:30 (katso https://x.fi).';
    const { placeholders } = findTemplateSyntax(text);
    expect(texts(text, placeholders)).toEqual(['{USERNAME}', '{POST_SUBJECT}', ':param2', ':param3']);
    expect(placeholders.map((p) => p.syntax)).toEqual(['brace', 'brace', 'colon', 'colon']);
  });

  it('does not take markup or percentages for placeholders', () => {
    const text = '<p>Hinta on <strong>20 %</strong> alempi.<BR>Alennus 15 %:sta ja 100%d.</p> <a href="x">linkki</a>';
    expect(findTemplateSyntax(text).placeholders).toEqual([]);
  });

  it('does not take ordinary text for template syntax', () => {
    const text = [
      'Alennus on 20 % ja toimitus 100% varma.',
      'Lue [ohjeemme](https://example.fi/ohje) tai [ehdot][1].',
      '[1]: https://example.fi/ehdot',
      'Tehtävät: [x] tehty, [ ] kesken. Katso liite [sivu 2] ja [Huom: tarkista tämä ennen lähettämistä.]',
      'Hinta {kuukausi} ja 50 %:n alennus; koodi #123 {ei tagi}.',
    ].join('\n');
    const { controls, placeholders } = findTemplateSyntax(text);
    expect(controls).toEqual([]);
    expect(placeholders).toEqual([]);
  });

  it('keeps offsets and line breaks when blanking controls', () => {
    const text = '{% if a %}\nHei {{ nimi }},\n{% endif %}kiitos.';
    const blanked = blankControls(text);
    expect(blanked.length).toBe(text.length);
    expect(blanked).toBe('          \nHei {{ nimi }},\n           kiitos.');
  });

  it('tells which spans touch a tag', () => {
    const text = 'Hei {{nimi}}, kiitos.';
    const syntax = findTemplateSyntax(text);
    expect(intersectsTemplate(syntax, 0, 3)).toBe(false);
    expect(intersectsTemplate(syntax, 5, 8)).toBe(true);
    expect(intersectsTemplate(syntax, 10, 14)).toBe(true);
    expect(intersectsTemplate(syntax, 4, 4)).toBe(false); // an insertion just before the tag
    expect(intersectsTemplate(syntax, 12, 12)).toBe(false); // …or just after it
    expect(intersectsTemplate(syntax, 6, 6)).toBe(true); // …but not inside it
  });
});

describe('isTemplatePath', () => {
  it('knows template file endings', () => {
    for (const p of ['a.hbs', 'dir/b.HBS', 'c.mustache', 'd.liquid', 'e.njk', 'f.handlebars']) expect(isTemplatePath(p)).toBe(true);
    for (const p of ['a.md', 'b.txt', '-', 'hbs', 'x.hbs.txt']) expect(isTemplatePath(p)).toBe(false);
  });

  it('matches the config globs relative to the config folder', () => {
    const globs = ['templates/**/*.md', 'snippets/*.txt'];
    expect(isTemplatePath('/repo/templates/fi/palautus.md', globs, '/repo')).toBe(true);
    expect(isTemplatePath('templates/sv/retur.md', globs, process.cwd())).toBe(true);
    expect(isTemplatePath('/repo/snippets/a.txt', globs, '/repo')).toBe(true);
    expect(isTemplatePath('/repo/docs/readme.md', globs, '/repo')).toBe(false);
    expect(isTemplatePath('/repo/snippets/deep/a.txt', globs, '/repo')).toBe(false);
  });

  it('judges a collection member by its file', () => {
    // A '#' in a template's own name is not a member mark (issue 11).
    expect(isTemplatePath('macros/vastaus#1.liquid', [])).toBe(true);
    expect(isTemplatePath('/repo/macros/zendesk.json#Palautus', ['macros/*.json'], '/repo')).toBe(true);
  });
});
