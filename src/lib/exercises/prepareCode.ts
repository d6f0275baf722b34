/**
 * Turns the learner's TypeScript into a classic script the sandbox's worker can run:
 * sucrase strips the types (no type checking) and turns `export` into assignments to an
 * `exports` object, keeping every line where it was, so an error's line number is the
 * learner's line. A syntax error comes back with its line and column and nothing runs.
 *
 * Runs in the browser, loaded with the editor; the tests run it in node.
 */
import { transform } from 'sucrase';

export type PreparedCode = { ok: true; script: string } | { ok: false; line: number; column: number; message: string };

/** A name the learner may have used for their function: plain identifiers only. */
const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * @param code the learner's TypeScript
 * @param functionName the function to call, declared with or without `export`
 * @returns a script that defines `__exerciseFunction` (the learner's function, or undefined), on the learner's own line numbers
 */
export function prepareCode(code: string, functionName: string): PreparedCode {
  if (!identifier.test(functionName)) throw new Error(`prepareCode: "${functionName}" is not a plain function name.`);
  let javascript: string;
  try {
    javascript = transform(code, { transforms: ['typescript', 'imports'], disableESTransforms: true }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    // sucrase counts columns from 0; editors count from 1.
    return { ok: false, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1, message };
  }
  // The prefix stays on the learner's first line, so line numbers do not move.
  const script =
    `var __exerciseFunction = (function (exports, module, require) {${javascript}\n` +
    `;return typeof ${functionName} === 'function' ? ${functionName} : exports.${functionName};` +
    `})({}, { exports: {} }, undefined);\n`;
  return { ok: true, script };
}
