/**
 * Puts a freshly drawn chart in place of the one on the page.
 *
 * Plot gives every chart (and every legend) its own `<style>` element. Taking a `<style>` out
 * of the page and putting an identical one back makes the browser re-check its style rules
 * against the whole document, and a lesson page holds thousands of elements (KaTeX math).
 * So where the old and the new chart have the same shape, the old `<style>` elements stay
 * where they are, as do the elements that hold them (taking the new attributes and the
 * properties Plot sets on them, such as `scale`), and every other node is swapped for the
 * new one. The result is the new chart, node for node.
 */
export function swapChart(container: Element, next: Element): void {
  const old = container.firstElementChild;
  if (old !== null && container.childNodes.length === 1 && sameElement(old, next)) morph(old, next);
  else container.replaceChildren(next);
}

function sameElement(a: Node, b: Node): a is Element {
  return a.nodeType === 1 && b.nodeType === 1 && (a as Element).localName === (b as Element).localName && (a as Element).namespaceURI === (b as Element).namespaceURI;
}

function isStyle(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === 'style';
}

/** Makes `old` look exactly like `next`, keeping `old`'s `<style>` elements when their text is unchanged. */
function morph(old: Element, next: Element): void {
  for (const { name } of Array.from(old.attributes)) if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of Array.from(next.attributes)) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  // Plot hangs the chart's API on the element it returns (figure.scale('x'), figure.legend(…)).
  Object.assign(old, Object.fromEntries(Object.keys(next).map((key) => [key, (next as unknown as Record<string, unknown>)[key]])));
  const oldChildren = Array.from(old.childNodes);
  const nextChildren = Array.from(next.childNodes);
  for (let i = 0; i < Math.max(oldChildren.length, nextChildren.length); i++) {
    const before = oldChildren[i];
    const after = nextChildren[i];
    if (after === undefined) before!.remove();
    else if (before === undefined) old.appendChild(after);
    else if (isStyle(after) && sameElement(before, after) && before.textContent === after.textContent) continue;
    else if (sameElement(before, after) && !isStyle(after) && (after as Element).querySelector('style') !== null) morph(before, after as Element);
    else old.replaceChild(after, before);
  }
}
