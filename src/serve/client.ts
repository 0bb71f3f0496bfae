import { LIVE_CLIENT_PATH } from '../render/document.js';
/**
 * The live-reload client served to the pages: a reload on every good build (reveal.js keeps the
 * slide in the URL's hash, so the author stays where they were), an overlay on a failed one.
 */
export const CLIENT_JS = `(() => {
  const overlay = () => {
    let box = document.getElementById('rfc-brief-error');
    if (!box) {
      box = document.createElement('pre');
      box.id = 'rfc-brief-error';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 16px 16px 16px;z-index:2147483647;margin:0;padding:16px 20px;' +
        'background:#2b0b0b;color:#ffd7d7;border-left:6px solid #ff5c5c;font:15px/1.45 ui-monospace,monospace;white-space:pre-wrap;' +
        'box-shadow:0 8px 30px rgba(0,0,0,.4);max-height:60vh;overflow:auto';
      document.body.appendChild(box);
    }
    return box;
  };
  const events = new EventSource('/__rfc-brief/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('failed', (event) => { overlay().textContent = 'rfc-brief: the last save did not build\\n\\n' + event.data; });
  events.addEventListener('ready', () => document.getElementById('rfc-brief-error')?.remove());
})();
`;

/**
 * What a page that does not exist is served instead of a bare "not found": the client, so that the
 * error is shown (the server replays the last failure) and the page reloads when a save builds.
 */
export function waitingPage(built: boolean): string {
  const text = built
    ? 'There is no such page in this build. This page reloads when the next save builds.'
    : 'The briefing has not built yet: the error is below and in the terminal. This page reloads when a save builds.';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>rfc-brief serve</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem">
<p id="rfc-brief-waiting">${text}</p>
<script src="${LIVE_CLIENT_PATH}"></script>
</body>
</html>
`;
}
