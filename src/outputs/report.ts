import { renderInline } from '../markdown/marked.js';
import { sanitize } from '../markdown/sanitize.js';
import { renderReport } from '../render/report.js';
import { reportFiles } from '../render/theme-files.js';
import { usesMath, withMath } from '../render/math-files.js';
import type { MakeOutput } from './job.js';

/** report/: the written report as a web page. */
export const makeReport: MakeOutput<'report'> = async ({ prepared, run, request }) => {
  const { config, stacks, assets } = prepared;
  const files = withMath(reportFiles(config.theme), usesMath(stacks));
  const sourcesHtml = config.sources.map((source) => (request.safe ? sanitize(renderInline(source)) : renderInline(source)));
  const report = renderReport({ config, stacks, stylesheets: files.stylesheets, sourcesHtml, live: request.live });
  run.stageFolder('report', report.html, files, assets);
  return report;
};
