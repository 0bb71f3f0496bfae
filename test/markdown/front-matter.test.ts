import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/markdown/front-matter.js';
import { briefErrorOf as errorOf } from '../helpers/errors.js';

describe('readFrontMatter', () => {
  it('reads YAML between --- lines and says where the body starts', () => {
    const fm = readFrontMatter('---\ntitle: T\nauthor: A\n---\n# Slide\n', 'a.md');
    expect(fm.data).toEqual({ title: 'T', author: 'A' });
    expect(fm.body).toBe('# Slide\n');
    expect(fm.bodyLine).toBe(5);
    expect(fm.keyLines).toEqual({ title: 2, author: 3 });
  });

  it('takes a file without front matter as all body', () => {
    expect(readFrontMatter('# Slide', 'a.md')).toMatchObject({ data: {}, body: '# Slide', bodyLine: 1 });
  });

  it('names the file and line of broken YAML', () => {
    const error = errorOf(() => readFrontMatter('---\ntitle: T\nauthor: [unclosed\n---\n', 'deck/a.md'));
    expect(error.code).toBe('FRONT_MATTER');
    expect(error.where?.file).toBe('deck/a.md');
    expect(error.where?.line).toBe(3);
    expect(error.message).toMatch(/^the front matter is not valid YAML: Flow sequence/);
  });

  it('refuses front matter that is never closed', () => {
    expect(errorOf(() => readFrontMatter('---\ntitle: T\n# Slide', 'a.md')).where).toEqual({ file: 'a.md', line: 1 });
  });

  it('reads tab-indented YAML with a warning that names the line', () => {
    const fm = readFrontMatter('---\nrevealOptions:\n    a: 1\n\tb: 2\n---\n', 'a.md');
    expect(fm.data).toEqual({ revealOptions: { a: 1, b: 2 } });
    expect(fm.warnings[0]?.where).toEqual({ file: 'a.md', line: 4 });
  });

  it('refuses front matter that is not a set of keys', () => {
    expect(errorOf(() => readFrontMatter('---\n- a\n- b\n---\n', 'a.md')).code).toBe('FRONT_MATTER');
  });
});
