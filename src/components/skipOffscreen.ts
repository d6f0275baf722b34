/**
 * Lets the browser skip the lesson blocks far from the screen (content-visibility: auto, see
 * LessonLayout), but only once every block has been laid out at its real size, with the
 * fonts it uses loaded.
 *
 * A skipped block takes the size it was last laid out at. Skip blocks from the start and
 * each one would stand in at a guessed height until it first neared the screen, then grow
 * or shrink, and everything below it would jump: a layout shift a learner sees when they
 * jump down the page. Laid out once first, every block keeps its true size while skipped.
 * A new width rewraps every block, so after a resize the blocks are laid out once more.
 */
import { onWidthChange } from './widthChange';

const className = 'skip-offscreen';

export function skipOffscreenBlocks(): void {
  const body = document.querySelector<HTMLElement>('.lesson-body');
  if (!body) return;
  const afterNextFrame = (then: () => void): void => {
    requestAnimationFrame(() => requestAnimationFrame(then));
  };
  const enable = (): void => afterNextFrame(() => body.classList.add(className));
  void document.fonts.ready.then(enable);
  onWidthChange(enable, 200, () => body.classList.remove(className));
}
