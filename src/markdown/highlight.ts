import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import hljs from 'highlight.js/lib/core';
import type { LanguageFn } from 'highlight.js';

const require = createRequire(import.meta.url);
const LANGUAGES = join(dirname(require.resolve('highlight.js/package.json')), 'lib', 'languages');

/** The names people write after ``` that are not a language file's own name. */
const ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'shell',
  yml: 'yaml',
  html: 'xml',
  svg: 'xml',
  'c++': 'cpp',
  h: 'c',
  hpp: 'cpp',
  rs: 'rust',
  golang: 'go',
  kt: 'kotlin',
  rb: 'ruby',
  md: 'markdown',
  asm: 'x86asm',
  nasm: 'x86asm',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  make: 'makefile',
  ps: 'powershell',
  ps1: 'powershell',
  'objective-c': 'objectivec',
  cs: 'csharp',
  'c#': 'csharp',
  tex: 'latex',
};

/**
 * highlight.js's core with each language loaded the first time a slide uses it: the full bundle
 * costs every build a tenth of a second for some 190 languages a briefing never shows.
 */
export function highlighter(language: string): typeof hljs | undefined {
  const name = language.toLowerCase();
  if (hljs.getLanguage(name)) return hljs;
  const file = ALIASES[name] ?? name;
  if (!/^[a-z0-9-]+$/.test(file)) return undefined;
  const path = join(LANGUAGES, `${file}.js`);
  if (!existsSync(path)) return undefined;
  const module = require(path) as LanguageFn | { default: LanguageFn };
  hljs.registerLanguage(file, typeof module === 'function' ? module : module.default);
  if (file !== name) hljs.registerAliases([name], { languageName: file });
  return hljs.getLanguage(name) ? hljs : undefined;
}
