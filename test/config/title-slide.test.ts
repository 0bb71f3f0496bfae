import { describe, expect, it } from 'vitest';
import { resolveConfig, type SettingsLayer } from '../../src/config/resolve.js';
import { briefingOf } from '../helpers/briefing.js';

const frontMatter = (data: Record<string, unknown>): SettingsLayer => ({ data, file: 'deck.md', keyLines: {}, warnUnknown: true });
const revealMdJson = (data: Record<string, unknown>): SettingsLayer => ({
  data,
  file: 'reveal-md.json',
  keyLines: {},
  warnUnknown: false,
  revealMd: true,
});
const asks = (...layers: SettingsLayer[]) => resolveConfig({ root: '/nowhere' }, layers).config.meta.titleSlide;

describe('the title slide rule', () => {
  it('gives an rfc-brief briefing with a subtitle, author or version its title slide', () => {
    expect(asks(frontMatter({ title: 'T', subtitle: 'S' }))).toBe(true);
    expect(asks(frontMatter({ title: 'T', author: 'A' }))).toBe(true);
    expect(asks(frontMatter({ title: 'T', version: '1.0' }))).toBe(true);
    expect(asks(frontMatter({ title: 'T', requiredSections: ['aims'] }))).toBe(true);
  });

  it('gives one to a deck that asks with titleSlide: true', () => {
    expect(asks(frontMatter({ title: 'T', titleSlide: true }))).toBe(true);
  });

  it('gives none to a reveal-md deck whose front matter has only a title (it names the page)', () => {
    expect(asks(frontMatter({ title: 'T' }))).toBe(false);
    expect(asks(frontMatter({ title: 'T', theme: 'night', revealOptions: { transition: 'fade' } }))).toBe(false);
  });

  it('never makes one from reveal-md.json, whatever it holds', () => {
    expect(asks(revealMdJson({ title: 'T', author: 'A', subtitle: 'S' }))).toBe(false);
    expect(asks(frontMatter({ author: 'A' }), revealMdJson({ title: 'T' }))).toBe(false);
  });

  it('gives none when turned off', () => {
    expect(asks(frontMatter({ title: 'T', author: 'A', titleSlide: false }))).toBe(false);
  });

  it('gives none when the first slide already shows the title, however it is broken or cased', () => {
    const own = briefingOf('<h2>Small peak into</h2>\n<h2>big data analytics</h2>\n\n---\n\n## Next', {
      title: 'Small Peak into Big Data Analytics',
      subtitle: 'With focus on security',
      author: 'V. L.',
    });
    expect(own.config.meta.titleSlide).toBe(false);
  });

  it('keeps it when the first slide shows something else', () => {
    const briefing = briefingOf('## Why\n\n- a reason', { title: 'Big Data Analytics', author: 'V. L.' });
    expect(briefing.config.meta.titleSlide).toBe(true);
  });
});
