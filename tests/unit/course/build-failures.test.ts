/**
 * The build is the content's checker: a wrong frontmatter field or a prerequisite that does
 * not exist must fail it, naming the file and the field. Each case builds a copy of the site
 * with one broken lesson added.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const copies: string[] = [];

function buildWith(lesson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'course-build-'));
  copies.push(dir);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'src/content/lessons/zz-broken'), { recursive: true });
  writeFileSync(join(dir, 'src/content/lessons/zz-broken/index.mdx'), lesson);
  try {
    execFileSync(join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
    return `${stdout}\n${stderr}`;
  }
}

const frontmatter = (fields: string) => `---\n${fields}\n---\n\nA lesson body.\n`;
const valid = {
  title: "title: 'A broken lesson'",
  slug: 'slug: zz-broken',
  order: 'order: 99',
  summary: "summary: 'A lesson that exists only to check that the build refuses it.'",
  objectives: 'objectives:\n  - Check that the build names the file\n  - Check that the build names the field',
  prerequisites: 'prerequisites: []',
  minutes: 'minutes: 10',
};

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('the build refuses a broken lesson', () => {
  it('names the file and the field when a frontmatter field has the wrong type', () => {
    const output = buildWith(frontmatter(Object.values({ ...valid, minutes: "minutes: 'ten'" }).join('\n')));
    expect(output).toMatch(/zz-broken/);
    expect(output).toMatch(/minutes/);
  }, 120_000);

  it('names the file and the field when a prerequisite does not exist', () => {
    const output = buildWith(frontmatter(Object.values({ ...valid, prerequisites: 'prerequisites: [no-such-lesson]' }).join('\n')));
    expect(output).toMatch(/src\/content\/lessons\/zz-broken\/index\.mdx: prerequisites: "no-such-lesson" is not a lesson/);
  }, 120_000);

  it('names the file, the slug and the folder when the frontmatter slug is not the folder\'s name', () => {
    const output = buildWith(frontmatter(Object.values({ ...valid, slug: 'slug: zz-elsewhere' }).join('\n')));
    expect(output).toMatch(/src\/content\/lessons\/zz-broken\/index\.mdx: slug: "zz-elsewhere" is not its folder's name "zz-broken"/);
  }, 120_000);
});
