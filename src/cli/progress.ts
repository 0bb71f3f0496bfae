import type { ProgressEvent } from '../pipeline/request.js';
import { OUTPUTS } from '../outputs/catalogue.js';
import { paint, type CliIo } from './io.js';
import { plural } from '../words.js';

/** The stages of every build, then one per output. */
const LABELS: Readonly<Record<string, string>> = {
  read: 'read the briefing',
  figures: 'draw charts and diagrams',
  measure: 'measure every slide',
  ...Object.fromEntries(OUTPUTS.map((output) => [output.id, output.label])),
};

/**
 * Progress on stderr: on a terminal, one task line per stage that turns into a tick with its
 * pages and time; elsewhere (CI logs, pipes) one plain line per finished stage.
 */
export function createProgress(io: CliIo): (event: ProgressEvent) => void {
  const colour = paint(io);
  // Stages that run side by side (the PDFs print in parallel): the latest still running is shown.
  const running: string[] = [];
  const showRunning = () => {
    const last = running.at(-1);
    if (io.isTTY && last) io.stderr(`\r\x1b[2K${colour(2, `… ${last}`)}`);
  };
  return (event) => {
    const label = LABELS[event.stage] ?? event.stage;
    if (event.state === 'start') {
      running.push(label);
      showRunning();
      return;
    }
    running.splice(running.indexOf(label), 1);
    const details = [
      event.pages === undefined ? '' : plural(event.pages, 'page'),
      event.reused ? 'unchanged, reused' : '',
      event.ms === undefined ? '' : seconds(event.ms),
    ]
      .filter(Boolean)
      .join(', ');
    if (io.isTTY) {
      io.stderr(`\r\x1b[2K${colour(32, '✓')} ${label}${details ? colour(2, `  ${details}`) : ''}\n`);
      showRunning();
    } else io.stderr(`rfc-brief: ${label}${details ? ` (${details})` : ''}\n`);
  };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
