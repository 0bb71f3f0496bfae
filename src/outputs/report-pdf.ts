import { cacheKey } from '../pipeline/pdf-cache.js';
import { reportPageAreas } from '../render/paper.js';
import { reportFiles } from '../render/theme-files.js';
import { usesMath, withMath } from '../render/math-files.js';
import type { MakeOutput } from './job.js';
import { printReport } from './print-report.js';

/** report.pdf: the report printed, its contents given their page numbers. */
export const makeReportPdf: MakeOutput<'report.pdf'> = async ({ prepared, run, request, need }) => {
  const { config, stacks, assets, meta } = prepared;
  const report = await need('report');
  const files = withMath(reportFiles(config.theme), usesMath(stacks));
  const key = cacheKey(run.printParts(prepared, 'report.pdf', report.html), [
    ...files.files.map((f) => f.from),
    ...assets.map((a) => a.from),
  ]);
  const ids = report.headings.map((h) => h.id);
  const pdf = await run.pdf('report.pdf', key, meta, (warnings) =>
    printReport(
      run.browser('print the PDFs'),
      run.printRequest('report', {}, stacks),
      ids,
      reportPageAreas(config.paper),
      warnings,
      request.reportContents,
    ),
  );
  run.writePdf('report.pdf', pdf);
  return undefined;
};
