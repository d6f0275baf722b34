/**
 * Components every lesson can use in MDX without importing them.
 */
import Aside from './Aside.astro';
import Mistakes from './Mistakes.astro';
import Problem from './problem/Problem.astro';
import Takeaways from './Takeaways.astro';
import Tex from './Tex.astro';
import WorkedExample from './WorkedExample.astro';

export const mdxComponents = { Aside, Mistakes, Problem, Takeaways, Tex, WorkedExample };
