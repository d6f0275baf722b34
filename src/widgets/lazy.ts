/**
 * Loads a widget's interactive code when the widget nears the viewport, once per widget.
 * Until then the page carries only this small observer and the chart drawn at build time.
 */
export interface WidgetModule {
  mount(root: HTMLElement): void;
}

export function whenNear(name: string, load: () => Promise<WidgetModule>, margin = '300px'): void {
  const roots = document.querySelectorAll<HTMLElement>(`[data-widget="${name}"]`);
  if (roots.length === 0) return;
  const start = (root: HTMLElement): void => {
    if (root.dataset.widgetState) return;
    root.dataset.widgetState = 'loading';
    load()
      .then((module) => {
        module.mount(root);
        root.dataset.widgetState = 'ready';
      })
      .catch((error: unknown) => {
        root.dataset.widgetState = 'failed';
        console.error(`Widget ${name} failed to load`, error);
      });
  };
  if (!('IntersectionObserver' in window)) {
    roots.forEach(start);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          start(entry.target as HTMLElement);
        }
      }
    },
    { rootMargin: margin },
  );
  roots.forEach((root) => observer.observe(root));
}
