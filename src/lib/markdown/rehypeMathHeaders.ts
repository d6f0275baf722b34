/**
 * Table headers that hold only math, like `$\partial L/\partial \hat y$`: KaTeX hides its
 * visible rendering from assistive technology and keeps the MathML copy visually hidden, so
 * such a header has no visible text and axe reports it as empty. Inside table headers we swap
 * the two: the rendering people see is what assistive technology reads, and the hidden copy
 * is hidden from it too. Runs after rehype-katex.
 */
interface Node {
  type: string;
  tagName?: string;
  name?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function classes(node: Node): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? value.split(' ') : [];
}

function swapInside(node: Node): void {
  if (node.type === 'element') {
    const names = classes(node);
    if (names.includes('katex-html')) delete node.properties!.ariaHidden;
    if (names.includes('katex-mathml')) node.properties!.ariaHidden = 'true';
  }
  node.children?.forEach(swapInside);
}

function isHeaderCell(node: Node): boolean {
  return (node.type === 'element' && node.tagName === 'th') || (node.type.startsWith('mdxJsx') && node.name === 'th');
}

function visit(node: Node): void {
  if (isHeaderCell(node)) swapInside(node);
  else node.children?.forEach(visit);
}

export default function rehypeMathHeaders() {
  return (tree: Node) => visit(tree);
}
