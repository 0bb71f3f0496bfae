// The public API (package.json "exports"; README "Use it from code"): re-exports only. The
// stages inside (markdown/, render/, ...) are not promised: build() and readBriefing() are.
export { build, type BuildRequest, type BuildResult, type ProgressEvent, type WrittenFile } from './pipeline/build.js';
export { readBriefing, type Briefing } from './pipeline/read-briefing.js';
export { runCli, type CliIo } from './cli.js';
export { OUTPUTS, SELECTABLE, type OutputId, type Selectable } from './outputs/catalogue.js';
export {
  BriefError,
  DIAGNOSTIC_CODES,
  ERROR_CODES,
  formatError,
  formatWarning,
  type Diagnostic,
  type DiagnosticCode,
  type ErrorCode,
  type Severity,
  type SourceLocation,
} from './errors.js';
