/**
 * Tells the page that embeds this one how tall it is: `{ type: 'loss-course:resize', height }`
 * (CSS pixels) to `window.parent`, once on load and again whenever the height changes
 * (a hint opened, a solution shown, a chart redrawn). The host page listens with a few lines
 * that /teach/ shows.
 */
export function postHeight(): void {
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'loss-course:resize', height }, '*');
  };
  if (document.readyState === 'complete') post();
  else window.addEventListener('load', post, { once: true });
  new ResizeObserver(post).observe(document.documentElement);
}
