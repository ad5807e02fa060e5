import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, withoutEmbedFlags } from '../../src/embed/snippet';

const LINK = 'https://lab.example/course/intx/?theme=dark#intx=1&cursor=23&scenario=abc';

describe('embed code', () => {
  it('is an iframe of the share link in embed mode, with a title and a size', () => {
    expect(embedSnippet({ shareUrl: LINK, name: 'Figure 4', width: 960, height: 640 })).toBe(
      '<iframe src="https://lab.example/course/intx/?theme=dark&amp;embed=1#intx=1&amp;cursor=23&amp;scenario=abc" ' +
        'title="INTx Lab: Figure 4" width="960" height="640" style="border: 0; max-width: 100%" ' +
        'loading="lazy" allow="clipboard-write"></iframe>',
    );
  });

  it('keeps the fragment (scenario and step) and adds embed=1 once', () => {
    const url = new URL(embedUrl(embedUrl(LINK)));
    expect(url.searchParams.getAll('embed')).toEqual(['1']);
    expect(url.hash).toBe('#intx=1&cursor=23&scenario=abc');
  });

  it('escapes a scenario name that would break out of the attribute', () => {
    const html = embedSnippet({
      shareUrl: LINK,
      name: '"><script>x</script>',
      width: 1,
      height: 1,
    });
    expect(html).toContain('title="INTx Lab: &quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toContain('<script>');
  });

  it('shares from an embedded copy a link to the full app', () => {
    expect(
      withoutEmbedFlags(
        'https://lab.example/intx/?embed=1&tabs=1&panels=narration&theme=dark&step=3&lesson=l&lesson-step=s&origin=https://a.example&sim=main#x',
      ),
    ).toBe('https://lab.example/intx/?sim=main#x');
  });

  it('names the lesson and its step when one is shown', () => {
    const url = new URL(embedUrl(LINK, { name: 'broadcast-cost', step: 's2' }));
    expect(url.searchParams.get('lesson')).toBe('broadcast-cost');
    expect(url.searchParams.get('lesson-step')).toBe('s2');
    expect(new URL(embedUrl(LINK, { name: 'l', step: null })).searchParams.has('lesson-step')).toBe(
      false,
    );
  });
});
