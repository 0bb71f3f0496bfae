import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

// rfc-brief as its users get it (issue 12, issue 14 items 1-2): packed, installed as a dependency
// of another project, used through `import { build } from 'rfc-brief'` and through `npx`. The
// registry is reached for the dependencies (from npm's cache when it has them); no browser may be
// downloaded, and nothing that would hide a download (PUPPETEER_SKIP_DOWNLOAD) is set.
const INSTALL_MS = 900_000;
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a person's shell: none of the npm_* variables `npm test` sets. */
function userEnv(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && !name.startsWith('PUPPETEER_')) env[name] = value;
  }
  // Where puppeteer would download to: made (empty), so rfc-brief also tries `import('puppeteer')`
  // first and falls back when it is not installed.
  return { ...env, PUPPETEER_CACHE_DIR: cacheDir };
}

function sh(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function expectOk(ran: Ran): void {
  expect(ran.code, `${ran.stdout}\n${ran.stderr}`).toBe(0);
}

const BRIEFING = `---
title: Installed as a dependency
author: Package test
---
## First slide

- one
- two

Note: said aloud.

---

## Second slide

Some text.
`;

const API_TS = `import { build, BriefError, OUTPUTS, type BuildResult } from 'rfc-brief';

// Types, not any: a wrong request does not compile.
export function wrong(): void {
  // @ts-expect-error input is the briefing's path
  void build({ input: 42, out: 'dist', cwd: '.', pdf: true });
}

try {
  const result: BuildResult = await build({ input: 'content', out: 'dist-api', cwd: process.cwd(), pdf: true, only: ['deck', 'slides'] });
  console.log(JSON.stringify({ written: result.written.map((file) => file.path), slides: result.slides, outputs: OUTPUTS }));
} catch (error) {
  if (!(error instanceof BriefError)) throw error;
  console.error(error.code + ': ' + error.message);
  process.exitCode = 1;
}
`;

/** A consumer project: package.json, a briefing, and tsconfigs for both kinds of resolution. */
function makeScratch(dir: string, manifest: object = {}): { dir: string; cache: string } {
  mkdirSync(join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module', ...manifest }, null, 2));
  writeFileSync(join(dir, 'content', '01-intro.md'), BRIEFING);
  writeFileSync(join(dir, 'api.ts'), API_TS);
  const compilerOptions = {
    target: 'ES2022',
    strict: true,
    // The package's declarations are checked too, not skipped.
    skipLibCheck: false,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
  };
  const tsconfig = (extra: object) => JSON.stringify({ compilerOptions: { ...compilerOptions, ...extra }, files: ['api.ts'] }, null, 2);
  writeFileSync(join(dir, 'tsconfig.json'), tsconfig({ module: 'NodeNext', moduleResolution: 'NodeNext' }));
  writeFileSync(join(dir, 'tsconfig.bundler.json'), tsconfig({ module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }));
  const cache = join(dir, 'cache', 'puppeteer');
  mkdirSync(cache, { recursive: true });
  return { dir, cache };
}

async function install(scratch: { dir: string; cache: string }, spec: string): Promise<Ran> {
  const ran = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', spec], scratch.dir, userEnv(scratch.cache));
  expectOk(ran);
  return ran;
}

/** The checks both ways of installing must pass. */
function describeInstalled(name: string, installed: () => { dir: string; cache: string; install: Ran }): void {
  it(`${name}: downloads no browser, installs no puppeteer, warns of no install script`, () => {
    const { dir, cache, install: ran } = installed();
    expect(readdirSync(cache)).toEqual([]);
    expect(existsSync(join(dir, 'node_modules', 'puppeteer'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'puppeteer-core'))).toBe(true);
    expect(ran.stderr).not.toMatch(/allowScripts|install scripts/);
  });

  it(`${name}: npx rfc-brief build writes the deck and the slides PDF`, async () => {
    const { dir, cache } = installed();
    const ran = await sh(
      'npx',
      ['--no', 'rfc-brief', 'build', 'content', '--out', 'dist-cli', '--only', 'deck,slides'],
      dir,
      userEnv(cache),
    );
    expectOk(ran);
    expect(ran.stdout).toMatch(/slides\.pdf \(\d+\.\d KiB, 3 pages\)/);
    expect(readFileSync(join(dir, 'dist-cli', 'slides', 'index.html'), 'utf8')).toContain('Second slide');
  });
}

describe('rfc-brief installed from its packed tarball', () => {
  let work: string;
  let scratch: { dir: string; cache: string; install: Ran };
  let packed: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rfc-brief-package-'));
    // As a user packs it: prepare compiles.
    expectOk(await sh('npm', ['pack', '--pack-destination', work], ROOT, userEnv(join(work, 'unused'))));
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack wrote no tarball into ${work}`);
    const listed = await sh('tar', ['-tzf', join(work, tarball)], work, process.env);
    packed = listed.stdout.split('\n').filter(Boolean);
    // A package installed from a tarball or git is allowed by its source, not by its name.
    const made = makeScratch(join(work, 'scratch'), { allowScripts: { [`file:${join(work, tarball)}`]: true } });
    scratch = { ...made, install: await install(made, join(work, tarball)) };
  }, INSTALL_MS);
  afterAll(() => work && rmSync(work, { recursive: true, force: true }));

  it('ships the bundle and its declarations, bin, themes and the README, not the unbundled build', () => {
    const shipped = packed.map((file) => file.replace(/^package\//, ''));
    expect(
      shipped.filter((file) => !/^(bin|build\/bundle|themes)\//.test(file) && file !== 'README.md' && file !== 'package.json'),
    ).toEqual([]);
    expect(packed).toContain('package/build/bundle/index.js');
    expect(packed).toContain('package/build/bundle/types/index.d.ts');
    expect(packed).toContain('package/themes/light/theme.json');
  });

  describeInstalled('the tarball', () => scratch);

  it("runs the README's CI recipe (its npx lines, as written) in the scratch project", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const recipe = /### In CI[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = recipe.split('\n').filter((line) => line.startsWith('npx '));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const env = userEnv(scratch.cache);
    // A folder of the project of its own (npx finds rfc-brief in the project above it).
    const ci = join(scratch.dir, 'ci');
    mkdirSync(ci);
    expectOk(await sh('npx', ['--no', 'rfc-brief', 'init', 'content'], ci, env));
    for (const line of lines) {
      const [, ...args] = line.split(/\s+/).filter(Boolean);
      expectOk(await sh('npx', ['--no', ...args], ci, env));
    }
    for (const file of ['slides.pdf', 'handout.pdf', 'report.pdf', 'slides/index.html', 'report/index.html', 'build-report.json'])
      expect(existsSync(join(ci, 'dist', file)), file).toBe(true);
  });

  it('type-checks `import { build } from "rfc-brief"` under nodenext and bundler resolution', async () => {
    const env = userEnv(scratch.cache);
    expectOk(await sh(process.execPath, [TSC, '-p', 'tsconfig.json'], scratch.dir, env));
    expectOk(await sh(process.execPath, [TSC, '-p', 'tsconfig.bundler.json'], scratch.dir, env));
  });

  it('builds a briefing through the API with the system browser', async () => {
    if (!existsSync(join(scratch.dir, 'api.js')))
      expectOk(await sh(process.execPath, [TSC, '-p', 'tsconfig.json'], scratch.dir, process.env));
    const ran = await sh(process.execPath, ['api.js'], scratch.dir, userEnv(scratch.cache));
    expectOk(ran);
    const report = JSON.parse(ran.stdout) as { written: string[]; slides: number };
    expect(report.written.some((path) => path.endsWith('slides.pdf'))).toBe(true);
    expect((await readPdf(join(scratch.dir, 'dist-api', 'slides.pdf'))).pages).toHaveLength(3);
    expect(existsSync(join(scratch.dir, 'dist-api', 'slides', 'index.html'))).toBe(true);
  });
});

describe('rfc-brief installed from a git+file:// clone of a clean checkout', () => {
  let work: string;
  let scratch: { dir: string; cache: string; install: Ran };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rfc-brief-git-'));
    // A clean checkout of this working tree as it is (committed or not): tracked and new files,
    // no build/, no node_modules. npm clones it, installs its devDependencies and runs prepare,
    // a script npm 11 asks the consumer to allow (and npm 12 blocks unless allowed).
    const source = join(work, 'source');
    const files = await sh('git', ['ls-files', '--cached', '--others', '--exclude-standard'], ROOT, process.env);
    for (const file of files.stdout.split('\n')) {
      if (!file || file === 'node_modules' || !existsSync(join(ROOT, file))) continue;
      mkdirSync(dirname(join(source, file)), { recursive: true });
      cpSync(join(ROOT, file), join(source, file));
    }
    const git = (...args: string[]) =>
      sh('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], source, process.env);
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'clean checkout'],
    ])
      expectOk(await git(...args));
    const made = makeScratch(join(work, 'scratch'), { allowScripts: { [`git+file://${source}`]: true } });
    scratch = { ...made, install: await install(made, `git+file://${source}`) };
  }, INSTALL_MS);
  afterAll(() => work && rmSync(work, { recursive: true, force: true }));

  describeInstalled('the git clone', () => scratch);
});
