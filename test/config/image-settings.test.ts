import { describe, expect, it } from 'vitest';
import { resolveConfig, type SettingsLayer } from '../../src/config/resolve.js';
import { briefErrorOf } from '../helpers/errors.js';

const layer = (data: Record<string, unknown>, keyLines: Record<string, number> = {}): SettingsLayer => ({
  data,
  file: 'a.md',
  keyLines,
  warnUnknown: true,
});
const cli = { root: '/nowhere' };

describe('the slide images settings', () => {
  it('are PNG at the slide size unless set', () => {
    expect(resolveConfig(cli, []).config.images).toEqual({ format: 'png', scale: 1 });
  });

  it('are read from the front matter (no unknown-key warning), the command line winning', () => {
    const layers = [layer({ imageFormat: 'JPEG', imageScale: 2 })];
    const { config, warnings } = resolveConfig(cli, layers);
    expect(config.images).toEqual({ format: 'jpeg', scale: 2 });
    expect(warnings).toEqual([]);
    expect(resolveConfig({ ...cli, imageFormat: 'png', imageScale: '1.5' }, layers).config.images).toEqual({ format: 'png', scale: 1.5 });
  });

  it('refuse a scale that is not a number from 0.25 to 4, naming its line', () => {
    for (const scale of [0, 5, 'big', -1]) {
      const error = briefErrorOf(() => resolveConfig(cli, [layer({ imageScale: scale }, { imageScale: 3 })]));
      expect(error.code).toBe('FRONT_MATTER');
      expect(error.message).toBe('"imageScale" must be a number from 0.25 to 4');
      expect(error.where).toEqual({ file: 'a.md', line: 3 });
    }
    const fromCli = briefErrorOf(() => resolveConfig({ ...cli, imageScale: '10' }, []));
    expect(fromCli.code).toBe('BAD_OPTION');
    expect(fromCli.message).toBe('"10" is not a number from 0.25 to 4');
  });

  it('refuse a format other than png or jpeg', () => {
    const error = briefErrorOf(() => resolveConfig(cli, [layer({ imageFormat: 'gif' }, { imageFormat: 2 })]));
    expect(error.message).toBe('"imageFormat" must be one of png, jpeg');
  });
});
