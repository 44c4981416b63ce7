import { describe, expect, it } from 'vitest';
import { protectedRanges } from '../src/checks/spelling/protect.js';

const spans = (text: string) => protectedRanges(text).map((r) => text.slice(r.start, r.end));

describe('protected ranges: a pattern is skipped only where it cannot match', () => {
  it('finds each kind of span', () => {
    expect(spans('Hei {{name}}, tilaus {% if x %} ${id} $name {x} *|FNAME|* %NIMI% [NIMI] xxxx <a@b.fi> https://a.fi/x www.b.se c@d.fi @anna #tag ohje.pdf')).toEqual(
      expect.arrayContaining(['{{name}}', '{% if x %}', '${id}', '$name', '{x}', '*|FNAME|*', '%NIMI%', '[NIMI]', 'xxxx', '<a@b.fi>', 'https://a.fi/x', 'www.b.se', 'c@d.fi', '@anna', '#tag', 'ohje.pdf']),
    );
  });

  it('tries the blanked-out value on letters outside the BMP, and the domains where /iu folds a letter', () => {
    expect(spans('koodi 𝐱𝐱𝐱𝐱 tässä')).toEqual(['𝐱𝐱𝐱𝐱']);
    expect(spans('WWW.ELISA.FI')).toEqual(expect.arrayContaining(['WWW.ELISA.FI']));
    // "ſ" (long s) folds to "s" under /iu: "kauppa.ſe" is a .se domain to the pattern.
    expect(spans('kauppa.ſe')).toEqual(['kauppa.ſe']);
  });

  it('finds nothing in plain prose', () => {
    expect(spans('Kiitos viestistäsi. Paketti lähtee huomenna klo 12.30.')).toEqual([]);
  });
});
