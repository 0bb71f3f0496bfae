import type { Browser } from '../browser/browser.js';
import { build } from '../pipeline/build.js';
import type { BuildResult } from '../pipeline/request.js';
import { BriefError, formatError } from '../errors.js';
import type { SlideCache } from '../markdown/parse.js';
import type { BuildEvents } from './events.js';
import { LiveDeck, patchable, type DeckChange } from './live-deck.js';

export interface RebuildOptions {
  readonly input: string;
  readonly cwd: string;
  /** The briefing's folder: a change inside it can be patched into the open deck. */
  readonly root: string;
  /** Where the deck and the report are written (HTML only). */
  readonly out: string;
  readonly theme?: string | undefined;
  readonly safe?: boolean | undefined;
  readonly allowScripts?: boolean | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The server's browser, lent to a build that draws a diagram (launched only then). */
  readonly browser: Browser;
  readonly onBuild?: ((outcome: { result?: BuildResult; error?: unknown; ms: number }) => void) | undefined;
}

/**
 * The author's loop: one build at a time, another after it when a save came while it ran. A save
 * that changes only some slides is patched into the open decks as soon as the deck is rendered,
 * before the build writes its files; anything else reloads the pages once the files are written.
 */
export class Rebuilds {
  readonly deck = new LiveDeck();
  /** A one-slide edit re-parses one slide: the others come from here (shared with the PDFs). */
  readonly slideCache: SlideCache = new Map();
  private waiting: (() => void)[] = [];
  private running: Promise<void> | undefined;
  /** What changed since the build that is running (or the last one) began; undefined: not known. */
  private pending: Set<string> | undefined = new Set();
  private again = false;
  /** After a failed build the pages may show anything: the next good one reloads them. */
  private failed = false;

  constructor(
    private readonly options: RebuildOptions,
    private readonly events: BuildEvents,
  ) {}

  /** Files changed (undefined: something did); a build follows. */
  changed(files: ReadonlySet<string> | undefined): void {
    if (files === undefined || this.pending === undefined) this.pending = undefined;
    else for (const file of files) this.pending.add(file);
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.rebuild();
      } while (this.again);
      this.running = undefined;
      const done = this.waiting;
      this.waiting = [];
      for (const resolveWaiter of done) resolveWaiter();
    })();
  }

  /** Resolves after the next build (started by a change) has finished. */
  nextBuild(): Promise<void> {
    return new Promise((resolveWaiter) => this.waiting.push(resolveWaiter));
  }

  /** The build under way, if any, finished. */
  async settled(): Promise<void> {
    await this.running;
  }

  async rebuild(): Promise<void> {
    const started = performance.now();
    const files = this.pending;
    this.pending = new Set();
    const canPatch = !this.failed && patchable(files, this.options.root);
    let change: DeckChange = { kind: 'reload' };
    try {
      const result = await build({
        input: this.options.input,
        out: this.options.out,
        cwd: this.options.cwd,
        pdf: false,
        only: ['deck', 'report'],
        live: true,
        // While you write, the deck shows what is there (a missing image, a broken link): what
        // `check` would fail is said, not a reason to stop reloading.
        force: true,
        theme: this.options.theme,
        safe: this.options.safe,
        allowScripts: this.options.allowScripts,
        env: this.options.env,
        slideCache: this.slideCache,
        keepChartProcess: true,
        browser: this.options.browser,
        browserLent: true,
        onDeck: (deck) => {
          change = this.deck.update(deck, canPatch);
          if (change.kind === 'patch' && change.now) this.events.patch(change.patch);
        },
      });
      // Only what the latest build used is worth keeping.
      if (this.slideCache.size > 4 * result.slides + 64) this.slideCache.clear();
      this.failed = false;
      this.options.onBuild?.({ result, ms: Math.round(performance.now() - started) });
      const settled = change as DeckChange;
      // A patch that names a new asset waits for the asset to be in place.
      if (settled.kind === 'patch' && !settled.now) this.events.patch(settled.patch);
      this.events.succeeded(settled.kind === 'reload');
    } catch (error) {
      this.failed = true;
      this.options.onBuild?.({ error, ms: Math.round(performance.now() - started) });
      this.events.failed(error instanceof BriefError ? formatError(error) : String(error));
    }
  }
}
