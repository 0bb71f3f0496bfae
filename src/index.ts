// The public API (package.json "exports"; README "Use it from code"): re-exports only. The pure
// stages (markdown/, render/) are not promised yet: their slide model is being redesigned (#12).
export { build, type BuildRequest, type BuildResult, type ProgressEvent, type WrittenFile } from './pipeline/build.js';
export { readBriefing, type Briefing } from './pipeline/read-briefing.js';
export { runCli, type CliIo } from './cli.js';
export { OUTPUTS, type Output } from './config/defaults.js';
export type { Finding, Severity } from './check/lint.js';
export { BriefError, ERROR_CODES, formatError, formatWarning, type ErrorCode, type SourceLocation, type Warning } from './errors.js';
