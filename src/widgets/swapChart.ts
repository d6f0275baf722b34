/**
 * Puts a freshly drawn chart in place of the one on the page, changing only what differs.
 *
 * Plot draws every chart from scratch, but from one input to the next most of it is the
 * same: the axes, the ticks and their labels, the grid, often most of the marks. Swapping in
 * all-new nodes makes the browser restyle, lay out (shape every tick label) and repaint the
 * whole chart; and taking Plot's `<style>` element out of the page and putting an identical
 * one back makes it re-check style rules against the whole document (thousands of KaTeX
 * nodes on a lesson page). So the old chart is brought up to date node by node instead:
 * elements in the same place with the same tag are kept and given the new attributes, text
 * is updated in place, a single mark switched off or on is removed or inserted without
 * disturbing the marks after it, and only what has no counterpart is inserted or removed.
 * The result is the new chart, node for node, with the properties Plot sets on the chart
 * element (such as `scale`) handed over too. Both charts should have had their ids scoped
 * (scopeIds) the same way, so that marks which did not change compare equal.
 *
 * Event listeners Plot attaches to the new nodes are not carried over: fine for the static
 * marks the widgets use; a chart with Plot's pointer interactions (tip, pointer) would need
 * `container.replaceChildren(next)` instead.
 */
export function swapChart(container: Element, next: Element): void {
  const old = container.firstElementChild;
  if (old !== null && container.childNodes.length === 1 && sameElement(old, next)) {
    morph(old, next);
    // Plot hangs the chart's API on the element it returns (figure.scale('x'), figure.legend(…)).
    for (const key of Object.keys(next)) (old as unknown as Record<string, unknown>)[key] = (next as unknown as Record<string, unknown>)[key];
  } else container.replaceChildren(next);
}

/** Attributes that can point at a clip path, mask, marker or pattern by id. */
const referencing = '[clip-path], [mask], [marker-start], [marker-mid], [marker-end], [fill^="url("], [stroke^="url("]';

/**
 * Gives the ids Plot puts in a chart (its clip paths, markers, patterns: plot-clip-7, …)
 * names of this chart's own, `${scope}-0`, `${scope}-1`, … in document order, and points
 * every reference inside the chart at the new names.
 *
 * Plot numbers those ids from a counter of its own: the build and the browser each count from
 * 1, and a layer (see layer.ts) keeps the ids of the chart it was first drawn in. So without
 * this, a chart redrawn in the browser could take an id that another chart on the page still
 * uses (and clip its curves to that chart's rectangle), and the same clip path would get a
 * new name on every redraw, so marks that did not change would not compare equal. With a
 * scope per chart, ids are unique on the page and a redraw names them as the last one did.
 */
export function scopeIds(chart: { querySelectorAll(selector: string): ArrayLike<Element> }, scope: string): void {
  const owners = Array.from(chart.querySelectorAll('[id^="plot-"]'));
  if (owners.length === 0) return;
  const renamed = new Map<string, string>();
  owners.forEach((element, i) => {
    renamed.set(element.id, `${scope}-${i}`);
    element.id = `${scope}-${i}`;
  });
  for (const element of Array.from(chart.querySelectorAll(referencing))) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (!value.includes('url(#')) continue;
      const updated = value.replace(/url\(#([^)]+)\)/g, (reference, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : reference));
      if (updated !== value) element.setAttribute(name, updated);
    }
  }
}

function sameElement(a: Node, b: Node): boolean {
  return a.nodeType === 1 && b.nodeType === 1 && (a as Element).localName === (b as Element).localName && (a as Element).namespaceURI === (b as Element).namespaceURI;
}

/** Makes `old` look exactly like `next`, reusing `old`'s nodes wherever they line up. */
function morph(old: Element, next: Element): void {
  const oldAttributes = old.attributes;
  for (let i = oldAttributes.length - 1; i >= 0; i--) {
    const name = oldAttributes[i]!.name;
    if (!next.hasAttribute(name)) old.removeAttribute(name);
  }
  const nextAttributes = next.attributes;
  for (let i = 0; i < nextAttributes.length; i++) {
    const { name, value } = nextAttributes[i]!;
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  const oldChildren = Array.from(old.childNodes);
  const nextChildren = Array.from(next.childNodes);
  let o = 0; // the next unmatched old child
  for (let n = 0; n < nextChildren.length; n++) {
    const after = nextChildren[n]!;
    const before = oldChildren[o];
    if (before === undefined) {
      old.appendChild(after);
      continue;
    }
    // isEqualNode is a native deep comparison: unchanged axes and marks cost next to nothing.
    if (before.isEqualNode(after)) {
      o++;
      continue;
    }
    // One child gone (a series switched off, a swatch fewer): drop it, and the rest still line up.
    const following = oldChildren[o + 1];
    if (following !== undefined && following.isEqualNode(after)) {
      before.remove();
      o += 2;
      continue;
    }
    // One child new (a series switched on): put it in, and the rest still line up.
    const upcoming = nextChildren[n + 1];
    if (upcoming !== undefined && before.isEqualNode(upcoming)) {
      old.insertBefore(after, before);
      continue;
    }
    if (sameElement(before, after)) morph(before as Element, after as Element);
    else if (before.nodeType === 3 && after.nodeType === 3) before.nodeValue = after.nodeValue;
    else old.replaceChild(after, before);
    o++;
  }
  for (; o < oldChildren.length; o++) oldChildren[o]!.remove();
}
