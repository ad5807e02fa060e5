import { describe, expect, it } from 'vitest';
import { normalizeOrigin, parseEmbedFlags } from '../../src/embed/flags';

describe('embed URL flags', () => {
  it('is off without embed=1, with no notes', () => {
    expect(parseEmbedFlags('?preset=fig2-native')).toMatchObject({
      embed: false,
      tabs: false,
      panels: null,
      theme: null,
      step: null,
      origins: [],
      notes: [],
    });
  });

  it('reads panels, theme, step, lesson and origins', () => {
    const flags = parseEmbedFlags(
      '?embed=1&tabs=1&panels=narration,Timeline&theme=dark&step=12&lesson=broadcast-cost&lesson-step=s2' +
        '&origin=https://lms.example/course/1&origin=http://localhost:8080,https://lms.example',
    );
    expect(flags).toEqual({
      embed: true,
      tabs: true,
      panels: { narration: true, flow: false, metrics: false, eventLog: false, timeline: true },
      theme: 'dark',
      step: 12,
      lesson: 'broadcast-cost',
      lessonStep: 's2',
      origins: ['https://lms.example', 'http://localhost:8080'],
      notes: [],
    });
  });

  it('says what it could not use, and uses the rest', () => {
    const flags = parseEmbedFlags(
      '?embed=1&panels=narration,graph&theme=blue&step=-2&origin=ftp://x&tabs=maybe',
    );
    expect(flags.embed).toBe(true);
    expect(flags.panels?.narration).toBe(true);
    expect(flags.theme).toBeNull();
    expect(flags.step).toBeNull();
    expect(flags.origins).toEqual([]);
    expect(flags.notes).toEqual([
      'The URL flag theme=blue is not one of light, dark, system.',
      'The URL flag step=-2 is not a whole number of events.',
      'The URL flag tabs=maybe is not 1 or 0; it is ignored.',
      'There is no panel "graph" (panels are narration, flow, metrics, eventLog, timeline).',
      'The URL flag origin=ftp://x is not an http(s) origin.',
    ]);
  });

  it('writes origins as the browser does', () => {
    expect(normalizeOrigin('HTTPS://LMS.Example:443/x?y')).toBe('https://lms.example');
    expect(normalizeOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(normalizeOrigin('not a url')).toBeNull();
  });
});
