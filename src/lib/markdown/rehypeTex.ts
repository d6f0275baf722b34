/**
 * Renders the math remark-math marks (`$…$` → code.math-inline, `$$…$$` → pre > code.math-display)
 * with the site's one renderer (`renderTex`: KaTeX's MathML, tidied for MathML Core). In place
 * of rehype-katex, which renders KaTeX's HTML and hides a MathML copy: twice the elements
 * for the browser to style and lay out, on pages with hundreds of formulas.
 */
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { renderTex } from './mathml';

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: { className?: unknown };
  children?: Node[];
}

const classesOf = (node: Node): string[] => {
  const value = node.properties?.className;
  return Array.isArray(value) ? (value as string[]) : [];
};
const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

function mathIn(node: Node): { display: boolean; tex: string } | undefined {
  if (node.type !== 'element') return undefined;
  const code = node.tagName === 'pre' && node.children?.length === 1 ? node.children[0]! : node;
  const classes = classesOf(code);
  if (code.tagName !== 'code' || !(classes.includes('math-inline') || classes.includes('math-display'))) return undefined;
  return { display: classes.includes('math-display'), tex: textOf(code) };
}

function visit(node: Node): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    const math = mathIn(child);
    if (!math) {
      visit(child);
      return [child];
    }
    let html: string;
    try {
      html = renderTex(katex, math.tex, { display: math.display });
    } catch (error) {
      throw new Error(`Math that KaTeX cannot render: ${math.tex}\n${(error as Error).message}`);
    }
    return fromHtmlIsomorphic(html, { fragment: true }).children as Node[];
  });
}

export default function rehypeTex() {
  return (tree: Node) => visit(tree);
}
