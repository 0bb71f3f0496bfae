import { createHash } from 'node:crypto';

/** Several charts share one page: give each its own ids (clip paths, gradients). */
export function scopeIds(svg: string, key: string): string {
  const prefix = idPrefix(key);
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

function idPrefix(key: string): string {
  return `c${createHash('sha256').update(key).digest('hex').slice(0, 8)}-`;
}

/** The drawing as vega made it, before scopeIds: the cache is shared by charts at any place. */
export function unscoped(svg: string, key: string): string {
  return svg.split(idPrefix(key)).join('');
}

export function accessible(svg: string, title: string, description: string): string {
  const name = description || title;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return svg
    .replace(/^<svg\b([^>]*?)\s(?:role|aria-label|aria-roledescription)="[^"]*"/, '<svg$1')
    .replace(/^<svg\b/, `<svg role="img"${name ? ` aria-label="${esc(name)}"` : ''}`)
    .replace(/^(<svg\b[^>]*>)/, `$1${title ? `<title>${esc(title)}</title>` : ''}${description ? `<desc>${esc(description)}</desc>` : ''}`);
}
