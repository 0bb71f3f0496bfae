import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';

/** What a briefing is made of: its Markdown, data, assets, theme files and reveal-md.json. */
const RELEVANT = new Set([
  ...['.md', '.markdown', '.json', '.yaml', '.yml', '.csv', '.tsv', '.txt'],
  ...['.css', '.js', '.html', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico'],
  ...['.mp4', '.webm', '.mp3', '.woff', '.woff2', '.ttf', '.otf'],
]);

/** Folders that are never part of a briefing, and would cost thousands of watches. */
const SKIPPED = new Set(['node_modules', 'dist']);

/** inotify watches are a per-user resource shared with the editor and everything else. */
const MAX_DIRS = 2000;

/** Whether a change to this file name can change the deck (editors' temporary files cannot). */
export function isRelevant(name: string): boolean {
  const base = basename(name);
  if (base.startsWith('.') || base.endsWith('~') || base.startsWith('#')) return false;
  return RELEVANT.has(extname(base).toLowerCase());
}

/**
 * Watches every folder under the given roots, each on its own and not recursively: Node 20's
 * recursive fs.watch on Linux watches files, and a file replaced by a rename (an editor saving
 * through a temporary file, `sed -i`, `mv`, a branch switch) is never reported again. A watch on
 * the folder sees the new file under the old name. Folders that appear get a watch of their own;
 * a folder replaced as a whole (its inode changed) is watched again. Each root's parent is watched
 * for the root's own name, so a briefing folder deleted and made again is picked up too.
 *
 * `onChange` is called, debounced, once per burst of relevant changes, with the files that
 * changed, or undefined when that is not known (a folder came or went; no name given).
 */
export function watchTree(
  roots: readonly string[],
  onChange: (files: ReadonlySet<string> | undefined) => void,
  debounceMs = 15,
): { close(): void } {
  const watched = new Map<string, { watcher: FSWatcher; ino: number }>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let files: Set<string> | undefined = new Set();
  const changed = (file?: string) => {
    if (file === undefined) files = undefined;
    else files?.add(file);
    // Editors save in bursts (write, rename, chmod) within a few milliseconds: one rebuild per
    // burst. A burst split in two costs a second rebuild, which finds nothing more to patch.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const burst = files;
      files = new Set();
      onChange(burst);
    }, debounceMs);
  };
  const unwatch = (dir: string) => {
    watched.get(dir)?.watcher.close();
    watched.delete(dir);
  };
  /** The folder and every watched folder inside it: a folder replaced as a whole is a new tree. */
  const unwatchTree = (top: string) => {
    for (const dir of [...watched.keys()]) if (dir === top || dir.startsWith(top + sep)) unwatch(dir);
  };
  const arm = (dir: string, ino: number) => {
    try {
      const watcher = watch(dir, (event, name) => {
        // A rename is a file or folder appearing, vanishing or replaced: see which folders there are
        // now. A new folder counts as a change: files written into it before its watch began are in it.
        // A folder of that name is watched anew, as a new folder often reuses the old one's inode.
        if (event === 'rename' && name !== null) unwatchTree(join(dir, name));
        const folders = event === 'rename' && reconcile();
        // Some platforms give no name: then anything may have changed.
        if (folders || name === null) changed();
        else if (isRelevant(name)) changed(join(dir, name));
      });
      // The folder was removed: its watch ends; reconcile() makes a new one if it comes back.
      watcher.on('error', () => {
        unwatch(dir);
        if (reconcile()) changed();
      });
      watched.set(dir, { watcher, ino });
    } catch {
      // Gone between listing and watching, or out of watches: the next reconcile tries again.
    }
  };
  /** Watches the folders there are now; true when that is not the set watched before. */
  const reconcile = (): boolean => {
    if (closed) return false;
    const seen = new Map<string, number>();
    for (const root of roots) collect(root, seen);
    let differs = false;
    for (const dir of [...watched.keys()]) {
      const ino = seen.get(dir);
      if (ino === undefined || ino !== watched.get(dir)?.ino) {
        unwatch(dir);
        differs = true;
      }
    }
    for (const [dir, ino] of seen)
      if (!watched.has(dir)) {
        arm(dir, ino);
        differs = true;
      }
    return differs;
  };
  const parents = roots
    .filter((root) => dirname(root) !== root)
    .map((root) => {
      try {
        return watch(dirname(root), (_event, name) => {
          if (name !== basename(root)) return;
          unwatchTree(root);
          reconcile();
          changed();
        });
      } catch {
        return undefined;
      }
    });
  reconcile();
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const dir of [...watched.keys()]) unwatch(dir);
      for (const parent of parents) parent?.close();
    },
  };
}

/** Every folder under dir (dir included) with its inode, skipping hidden and build folders. */
function collect(dir: string, into: Map<string, number>): void {
  if (into.size >= MAX_DIRS) return;
  let ino: number;
  try {
    ino = statSync(dir).ino;
  } catch {
    return;
  }
  into.set(dir, ino);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries)
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) collect(join(dir, entry.name), into);
}
