/**
 * Where the embed pages are (contracts/instructor.md, "Embeds"). Kept apart from the problem
 * catalogue so browser code can use them without bundling every lesson's problems.
 */

/** The page that shows one problem alone: 'cross-entropy/perplexity' → '/embed/problems/cross-entropy/perplexity/'. */
export function embedProblemUrl(id: string): string {
  const [lesson, ...name] = id.split('/');
  return `/embed/problems/${lesson}/${name.join('/')}/`;
}

/** The page that shows one widget alone: 'loss-curves' → '/embed/widgets/loss-curves/'. */
export function embedWidgetUrl(name: string): string {
  return `/embed/widgets/${name}/`;
}
