export { build, readBriefing, type BuildRequest, type BuildResult, type WrittenFile } from './build.js';
export { runCli } from './cli.js';
export { BriefError, type ErrorCode, type Warning } from './errors.js';
export { parseSlides } from './markdown/parse.js';
export { readFrontMatter } from './markdown/front-matter.js';
export { renderDeck } from './render/deck.js';
