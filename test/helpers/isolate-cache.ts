// Each test file gets a cache folder of its own (RFC_BRIEF_CACHE_DIR), inherited by the builds it
// runs in-process and the processes it spawns: a PDF printed by one file is never reused by
// another, and the user's own cache is never touched by the tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env['RFC_BRIEF_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'rfc-brief-test-cache-'));
