export { build, type BuildRequest, type BuildResult, type ProgressEvent, type WrittenFile } from './pipeline/build.js';
export { readBriefing, type Briefing } from './pipeline/read-briefing.js';
export { runCli } from './cli.js';
export { BriefError, type ErrorCode, type Diagnostic } from './errors.js';
export { parseSlides } from './markdown/parse.js';
export { readFrontMatter } from './markdown/front-matter.js';
export { renderDeck } from './render/deck.js';
