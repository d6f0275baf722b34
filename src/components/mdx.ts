/**
 * Components every lesson can use in MDX without importing them.
 */
import Aside from './Aside.astro';
import Mistakes from './Mistakes.astro';
import Takeaways from './Takeaways.astro';
import Tex from './Tex.astro';
import WorkedExample from './WorkedExample.astro';

export const mdxComponents = { Aside, Mistakes, Takeaways, Tex, WorkedExample };
