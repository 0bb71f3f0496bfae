import { relative, sep } from 'node:path';
import { resolveConfig, type BriefConfig, type CliSettings, type SettingsLayer } from '../config/resolve.js';
import { settleTitleSlide } from '../config/title-slide.js';
import { loadBriefing, type LoadedBriefing } from '../content/load.js';
import { type Diagnostic, warning } from '../errors.js';
import { readFrontMatter } from '../markdown/front-matter.js';
import type { FigureBlock } from '../markdown/figures.js';
import type { SlideStack, SourceFile } from '../markdown/model.js';
import { parseSlides, type SlideCache } from '../markdown/parse.js';

export interface Briefing {
  readonly loaded: LoadedBriefing;
  readonly config: BriefConfig;
  readonly stacks: readonly SlideStack[];
  readonly figures: readonly FigureBlock[];
  readonly warnings: readonly Diagnostic[];
}

/** load → front matter → config → slides: everything short of rendering, no browser. */
export function readBriefing(
  input: string,
  cwd: string,
  cli: Omit<CliSettings, 'root'> & { readonly safe?: boolean | undefined; readonly slideCache?: SlideCache | undefined } = {},
): Briefing {
  const loaded = loadBriefing(input, cwd);
  const warnings: Diagnostic[] = [];
  const sources: SourceFile[] = [];
  const layers: SettingsLayer[] = [];
  loaded.files.forEach((file, index) => {
    const fm = readFrontMatter(file.text, file.display);
    warnings.push(...fm.warnings);
    if (index === 0) layers.push({ data: fm.data, file: file.display, keyLines: fm.keyLines, warnUnknown: true });
    else if (Object.keys(fm.data).length > 0) {
      warnings.push(
        warning('front-matter', 'front matter is read only from the first file; this one is ignored', { file: file.display, line: 1 }),
      );
    }
    sources.push({
      path: file.display,
      text: fm.body,
      firstLine: fm.bodyLine,
      name: relative(loaded.root, file.path).split(sep).join('/'),
    });
  });
  if (loaded.revealMdJson)
    layers.push({ data: loaded.revealMdJson.data, file: loaded.revealMdJson.path, keyLines: {}, warnUnknown: false, revealMd: true });
  // reveal.json holds reveal.js's options: the last layer of revealOptions, as in reveal-md.
  if (loaded.revealJson)
    layers.push({
      data: { revealOptions: loaded.revealJson.data },
      file: loaded.revealJson.path,
      keyLines: {},
      warnUnknown: false,
      revealMd: true,
    });
  const resolved = resolveConfig({ ...cli, root: loaded.root }, layers);
  warnings.push(...resolved.warnings);
  const parsed = parseSlides(sources, resolved.config.separators, { safe: cli.safe, cache: cli.slideCache });
  warnings.push(...parsed.warnings);
  const config = settleTitleSlide(resolved.config, parsed.stacks);
  return { loaded, config, stacks: parsed.stacks, figures: parsed.figures, warnings };
}
