/**
 * What `build` can write, one entry per output, in the order they are listed and committed. This
 * module is light (the command line and the early browser start read it before anything heavy is
 * loaded); how each output is made lives beside it, one file each, joined in registry.ts.
 * Adding an output: one entry here, one file, one line in the registry.
 */
export const OUTPUTS = [
  {
    id: 'deck',
    select: 'deck',
    entry: 'slides',
    file: 'slides/index.html',
    label: 'render the deck',
    printed: false,
    needs: [],
  },
  {
    id: 'slides.pdf',
    select: 'slides',
    entry: 'slides.pdf',
    file: 'slides.pdf',
    label: 'print slides.pdf',
    printed: true,
    needs: ['deck'],
  },
  {
    id: 'handout.pdf',
    select: 'handout',
    entry: 'handout.pdf',
    file: 'handout.pdf',
    label: 'print handout.pdf',
    printed: true,
    needs: ['slides.pdf'],
  },
  {
    id: 'slides.pptx',
    select: 'pptx',
    entry: 'slides.pptx',
    file: 'slides.pptx',
    label: 'write slides.pptx',
    printed: true,
    needs: ['deck'],
  },
  {
    id: 'report',
    select: 'report',
    entry: 'report',
    file: 'report/index.html',
    label: 'render the report',
    printed: false,
    needs: [],
  },
  {
    id: 'report.pdf',
    select: 'report',
    entry: 'report.pdf',
    file: 'report.pdf',
    label: 'print report.pdf',
    printed: true,
    needs: ['report'],
  },
  {
    id: 'slides.html',
    select: 'html',
    entry: 'slides.html',
    file: 'slides.html',
    label: 'write slides.html',
    printed: false,
    needs: ['deck'],
  },
  {
    id: 'slides-images',
    select: 'images',
    entry: 'slides-images',
    file: 'slides-images',
    label: 'take the slide images',
    printed: true,
    needs: ['deck'],
  },
] as const satisfies readonly OutputInfo[];

export interface OutputInfo {
  /** The output's name in progress, stage times and the registry. */
  readonly id: string;
  /** The name `--only` knows it by (the report's HTML and PDF share one). */
  readonly select: string;
  /** What it puts into the output folder (a file or a folder). */
  readonly entry: string;
  /** The file the build lists for it. */
  readonly file: string;
  /** What the progress list says while it is made. */
  readonly label: string;
  /** Made by printing in the browser (left out by --no-pdf). */
  readonly printed: boolean;
  /** Outputs it is made from: made too (not written) when only this one is asked for. */
  readonly needs: readonly string[];
}

export type OutputId = (typeof OUTPUTS)[number]['id'];
export type Output = (typeof OUTPUTS)[number];

/** `--only` names, in order. */
export const SELECTABLE = [...new Set(OUTPUTS.map((output) => output.select))] as readonly Selectable[];
export type Selectable = Output['select'];

export function outputInfo(id: OutputId): Output {
  const found = OUTPUTS.find((output) => output.id === id);
  if (!found) throw new Error(`no output ${id}`);
  return found;
}

export interface Selection {
  /** Outputs written into the output folder, in order. */
  readonly wanted: readonly Output[];
  /** Everything made: the wanted outputs and those they are made from, in order. */
  readonly made: readonly Output[];
}

/** The outputs a build writes (`--only`, `--no-pdf`) and the ones it must make for them. */
export function selectOutputs(only: readonly Selectable[] | undefined, pdf: boolean): Selection {
  const wanted = OUTPUTS.filter((output) => (only === undefined || only.includes(output.select)) && (pdf || !output.printed));
  const made = new Set<OutputId>();
  const add = (id: OutputId): void => {
    if (made.has(id)) return;
    made.add(id);
    for (const need of outputInfo(id).needs) add(need);
  };
  for (const output of wanted) add(output.id);
  return { wanted, made: OUTPUTS.filter((output) => made.has(output.id)) };
}
