import { describe, expect, it } from 'vitest';
import { openBrowser, opener } from '../../src/serve/open-browser.js';

describe('opener', () => {
  const url = 'http://127.0.0.1:8000/slides/';

  it("uses each platform's own way of opening a URL", () => {
    expect(opener(url, {}, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(opener(url, {}, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(opener(url, {}, 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
  });

  it('uses the browser BROWSER names, and none with BROWSER=none', () => {
    expect(opener(url, { BROWSER: 'firefox' }, 'linux')).toEqual({ command: 'firefox', args: [url] });
    expect(opener(url, { BROWSER: 'none' }, 'darwin')).toBeUndefined();
  });

  it('says what to do when the browser cannot be started', async () => {
    await expect(openBrowser(url, { BROWSER: '/nonexistent/browser' }, 'linux')).rejects.toThrow(
      /could not open a browser with \/nonexistent\/browser/,
    );
  });
});
