import { resolve } from 'node:path';
import { selectOutputs, type OutputId } from '../outputs/catalogue.js';
import type { OutputJob, Products } from '../outputs/job.js';
import { MAKERS } from '../outputs/registry.js';
import { countSlides } from '../render/deck.js';
import { checkBriefing } from './check.js';
import { browserPurpose } from './early-browser.js';
import { prepare } from './prepare.js';
import type { BuildRequest, BuildResult } from './request.js';
import { BuildRun } from './run.js';
import { explainDiskFull } from './staging.js';

export type { BuildRequest, BuildResult, ProgressEvent, WrittenFile } from './request.js';

/**
 * The whole build: read → draw figures → make every output of the registry that is asked for (and
 * those they are made from), side by side → move them into place, all of them or none.
 * With `check`, the deck is laid out and measured instead, and nothing is written.
 */
export async function build(request: BuildRequest): Promise<BuildResult> {
  await using run = new BuildRun(request, resolve(request.cwd, request.out));
  // The browser comes up while the Markdown is read and rendered (the command line has usually
  // started it already). A rebuild may find every PDF in its cache and need none.
  const purpose = browserPurpose(request);
  if (purpose) run.browser(purpose).warmUp();
  try {
    return request.check ? await checkBriefing(run, request) : await makeOutputs(run, request);
  } catch (error) {
    // Whatever failed once Ctrl-C stopped the browser, the person is told it was interrupted.
    run.throwIfAborted();
    throw explainDiskFull(error, run.staging.outDir);
  }
}

async function makeOutputs(run: BuildRun, request: BuildRequest): Promise<BuildResult> {
  const { wanted, made } = selectOutputs(request.only, request.pdf);
  const prepared = await prepare(run, request);
  // Each output is made as soon as what it is made from is there: the PDFs print side by side,
  // each in a tab of the one browser.
  const jobs = new Map<OutputId, Promise<unknown>>();
  const need = <N extends OutputId>(id: N): Promise<Products[N]> => {
    const job = jobs.get(id);
    if (!job) throw new Error(`${id} is needed but not made`);
    return job as Promise<Products[N]>;
  };
  for (const output of made) {
    const job: OutputJob = { prepared, run, request, wanted: wanted.includes(output), need };
    const made = run.stageAsync(output.id, () => (MAKERS[output.id] as (job: OutputJob) => Promise<unknown>)(job));
    // A job that fails while another is still running is reported once, by settleAll.
    made.catch(() => undefined);
    jobs.set(output.id, made);
  }
  try {
    await settleAll(jobs.values());
  } finally {
    run.endOutputs();
  }
  // Nothing more is printed: the browser is stopped while the files are moved into place.
  void run.dispose();
  run.throwIfAborted();
  run.failOnFindings(prepared.findings);
  return run.commit(
    wanted.map((output) => output.entry),
    countSlides(prepared.config, prepared.stacks),
    prepared.findings,
  );
}

/** Waits for every job (none is left running behind the build), then throws the first failure. */
async function settleAll(jobs: Iterable<Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(jobs);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
