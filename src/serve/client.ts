import { LIVE_CLIENT_PATH } from '../render/document.js';
/**
 * The live client served to the pages. The deck page knows which version of the deck it shows
 * (`?deck=` in its own URL, live-deck.ts). A patch to that version replaces the changed top-level
 * slides: in place when they keep their shape (the content moved into the elements reveal.js
 * already knows, then reveal.js's syncSlide), else by a sync of the whole deck; the page stays on
 * the same slide and fragment, and the slide's scroll offsets are put back. A patch to another
 * version, one reveal.js cannot take (not ready yet, the scroll view, a slide with a script or a
 * hidden one), or a reload event reloads the page, which goes back to the same place. Other pages
 * (the report) reload on every good build. A failed build shows an overlay.
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
  const own = document.currentScript && new URL(document.currentScript.src).searchParams.get('deck');
  let shows = own === null || own === '' ? undefined : Number(own);
  // reveal.js writes the slide into the URL up to a second late: the place (and the scroll) is
  // kept for the page that loads next, which goes back there once reveal.js is ready.
  const PLACE = 'rfc-brief:place:' + location.pathname;
  const viewport = () => document.querySelector('.reveal-viewport');
  const reload = () => {
    const Reveal = window.Reveal;
    if (shows !== undefined && Reveal && Reveal.isReady())
      sessionStorage.setItem(PLACE, JSON.stringify({ at: Reveal.getIndices(), scroll: viewport() ? viewport().scrollTop : 0 }));
    location.reload();
  };
  const place = sessionStorage.getItem(PLACE);
  if (place && shows !== undefined && window.Reveal) {
    sessionStorage.removeItem(PLACE);
    const back = () => {
      const { at, scroll } = JSON.parse(place);
      window.Reveal.slide(at.h, at.v, at.f);
      if (window.Reveal.isScrollView && window.Reveal.isScrollView() && viewport()) viewport().scrollTop = scroll;
    };
    if (window.Reveal.isReady()) back();
    else window.Reveal.on('ready', back);
  }
  const sectionsOf = (el) => [...el.children].filter((child) => child.tagName === 'SECTION');
  const leaves = (top) => (sectionsOf(top).length ? sectionsOf(top) : [top]);
  const scrolled = (slide) => [...slide.querySelectorAll('*')].map((el, i) => [i, el.scrollTop, el.scrollLeft]).filter(([, t, l]) => t || l);
  // What reveal.js sets on a slide as it runs; every other attribute and class comes from the server.
  const OWN_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', 'inert', 'data-fragment', 'data-previous-indexv'];
  const OWN_CLASSES = ['past', 'present', 'future', 'stack'];
  const sameShape = (old, next) => leaves(old).length === leaves(next).length && (leaves(old)[0] === old) === (leaves(next)[0] === next);
  // The new slide's content and attributes moved into the element reveal.js knows, which keeps its
  // background, its place and its state: no re-sync of the whole deck (a tenth of a second at 200 slides).
  const swap = (old, next) => {
    const into = leaves(old);
    leaves(next).forEach((from, i) => {
      const el = into[i];
      for (const { name } of [...el.attributes]) if (!OWN_ATTRIBUTES.includes(name) && !from.hasAttribute(name)) el.removeAttribute(name);
      for (const { name, value } of [...from.attributes]) if (name !== 'class' && name !== 'style') el.setAttribute(name, value);
      const own = OWN_CLASSES.filter((name) => el.classList.contains(name));
      el.className = from.className;
      el.classList.add(...own);
      const { display, top } = el.style;
      el.setAttribute('style', from.getAttribute('style') || '');
      el.replaceChildren(...from.childNodes);
      if (el.classList.contains('past') || el.parentElement.classList.contains('past'))
        el.querySelectorAll('.fragment').forEach((fragment) => fragment.classList.add('visible'));
      window.Reveal.syncSlide(el);
      Object.assign(el.style, { display, top });
    });
  };
  const patch = ({ start, remove, sections, total, moved }) => {
    const Reveal = window.Reveal;
    const holder = document.querySelector('.reveal .slides');
    const template = document.createElement('template');
    template.innerHTML = sections.join('\\n');
    const tops = holder ? sectionsOf(holder) : [];
    const news = sectionsOf(template.content);
    // The page's slides are not the server's (reveal.js took hidden ones out, a script added some),
    // or a slide has a script (only a reload runs it) or is hidden (reveal.js takes it out as it starts).
    const refused = template.content.querySelector('script, [data-visibility="hidden"]');
    if (tops.length !== total || news.length !== sections.length || refused) return false;
    const { h, v, f } = Reveal.getIndices();
    const current = Reveal.getCurrentSlide();
    const offsets = current && [current.scrollTop, current.scrollLeft, scrolled(current)];
    const here = h >= start && h < start + remove;
    const old = tops.slice(start, start + remove);
    let to = h;
    if (old.length === news.length && old.every((el, i) => sameShape(el, news[i]))) {
      old.forEach((el, i) => swap(el, news[i]));
      if (here) {
        Reveal.navigateFragment(typeof f === 'number' ? f : -1);
        Reveal.layout();
      }
    } else {
      old.forEach((el) => el.remove());
      holder.insertBefore(template.content, tops[start + remove] || null);
      Reveal.sync();
      // The same slide: after the replaced ones it moved with them; among them it stays put.
      to = h >= start + remove ? h + news.length - remove : here ? Math.min(h, start + Math.max(news.length - 1, 0)) : h;
      Reveal.slide(to, v, f);
    }
    const after = sectionsOf(holder);
    for (const [index, sources] of moved)
      if (after[index]) leaves(after[index]).forEach((el, i) => sources[i] !== undefined && el.setAttribute('data-source', sources[i]));
    const now = Reveal.getCurrentSlide();
    if (!here || !now) return true;
    if (offsets) {
      [now.scrollTop, now.scrollLeft] = offsets;
      const all = now.querySelectorAll('*');
      for (const [i, top, left] of offsets[2]) if (all[i]) Object.assign(all[i], { scrollTop: top, scrollLeft: left });
    }
    // The speaker view reads the current slide's notes when told that the slide changed.
    const changed = Object.assign(new Event('slidechanged', { bubbles: true }), { indexh: to, indexv: v, currentSlide: now, previousSlide: current });
    document.querySelector('.reveal').dispatchEvent(changed);
    return true;
  };
  const events = new EventSource('/__rfc-brief/events' + (shows === undefined ? '' : '?deck=' + shows));
  events.addEventListener('reload', reload);
  events.addEventListener('updated', () => { if (shows === undefined) reload(); });
  events.addEventListener('patch', (event) => {
    if (shows === undefined) return;
    const next = JSON.parse(event.data);
    const Reveal = window.Reveal;
    const ready = next.from === shows && Reveal && Reveal.isReady() && !(Reveal.isScrollView && Reveal.isScrollView());
    let done = false;
    try { done = ready && patch(next); } catch (error) { console.error('rfc-brief: the patch failed, reloading', error); }
    if (!done) return reload();
    shows = next.to;
    document.dispatchEvent(new CustomEvent('rfc-brief:patched', { detail: next }));
  });
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
