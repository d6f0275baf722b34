/**
 * The assignment builder on /teach/: problems in the order they were ticked (reordered and
 * removed in the list), a variant mode, a title, and "Create assignment", which writes the
 * link (everything in its fragment), the print link and the answer key link.
 */
import { encodeAssignment, type VariantMode } from '../../lib/instructor/assignment';
import { maxSeed, parseSeed } from '../../lib/practice/random';

const form = document.querySelector<HTMLFormElement>('[data-builder]')!;
const $ = <T extends HTMLElement>(selector: string) => form.querySelector<T>(selector)!;
const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
const titles = new Map(boxes.map((box) => [box.value, box.dataset.title ?? box.value]));
const chosen: string[] = [];
const list = $<HTMLOListElement>('[data-chosen]');
const note = $('[data-chosen-note]');
const error = $('[data-builder-error]');

function button(label: string, accessible: string, action: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.setAttribute('aria-label', accessible);
  element.addEventListener('click', action);
  return element;
}

function move(id: string, by: number): void {
  const from = chosen.indexOf(id);
  const to = from + by;
  if (to < 0 || to >= chosen.length) return;
  chosen.splice(from, 1);
  chosen.splice(to, 0, id);
  render();
  note.textContent = `${titles.get(id)} is now number ${to + 1}.`;
  // Keep the focus on the button just pressed, in the item's new place (or its twin at an end).
  const [up, down] = list.children[to]!.querySelectorAll('button');
  const pressed = by < 0 ? up! : down!;
  (pressed.disabled ? (by < 0 ? down! : up!) : pressed).focus();
}

function remove(id: string): void {
  chosen.splice(chosen.indexOf(id), 1);
  boxes.find((box) => box.value === id)!.checked = false;
  render();
  note.textContent = `${titles.get(id)} removed.`;
}

function render(): void {
  list.replaceChildren(
    ...chosen.map((id, i) => {
      const item = document.createElement('li');
      item.dataset.problem = id;
      const title = titles.get(id)!;
      item.append(
        document.createTextNode(title),
        button('Up', `Move ${title} up`, () => move(id, -1)),
        button('Down', `Move ${title} down`, () => move(id, 1)),
        button('Remove', `Remove ${title}`, () => remove(id)),
      );
      (item.children[0] as HTMLButtonElement).disabled = i === 0;
      (item.children[1] as HTMLButtonElement).disabled = i === chosen.length - 1;
      return item;
    }),
  );
  $('[data-empty]').hidden = chosen.length > 0;
}

for (const box of boxes) {
  box.addEventListener('change', () => {
    if (box.checked && !chosen.includes(box.value)) chosen.push(box.value);
    if (!box.checked && chosen.includes(box.value)) chosen.splice(chosen.indexOf(box.value), 1);
    render();
  });
}
// Ticks kept by the browser across a reload count, in page order.
for (const box of boxes) if (box.checked) chosen.push(box.value);
render();

function fail(message: string, focus: HTMLElement): void {
  error.textContent = message;
  error.hidden = false;
  $('[data-made]').hidden = true;
  focus.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (chosen.length === 0) return fail('Tick at least one problem first.', boxes[0]!);
  const mode = form.querySelector<HTMLInputElement>('input[name=variants]:checked')!.value;
  const seedInput = $<HTMLInputElement>('[data-seed]');
  let variants: VariantMode = { kind: 'per-student' };
  if (mode === 'fixed') {
    const seed = parseSeed(seedInput.value === '' ? '0' : seedInput.value);
    if (seed === null) return fail(`A variant is a whole number from 0 to ${maxSeed}: “${seedInput.value}” is not one.`, seedInput);
    variants = { kind: 'fixed', seed };
  }
  const title = $<HTMLInputElement>('[data-title-input]').value;
  const fragment = await encodeAssignment({ title, problems: [...chosen], variants });
  error.hidden = true;
  const url = new URL('/assignment/', location.href);
  url.hash = fragment;
  $<HTMLAnchorElement>('[data-assignment-link]').href = url.href;
  $('[data-link-text]').textContent = url.href;
  url.search = '?view=print';
  $<HTMLAnchorElement>('[data-print-link]').href = url.href;
  url.search = '?view=key';
  $<HTMLAnchorElement>('[data-key-link]').href = url.href;
  $('[data-made]').hidden = false;
  $('[data-made-note]').textContent = `Assignment made: ${chosen.length} problem${chosen.length === 1 ? '' : 's'}, a link of ${$('[data-link-text]').textContent!.length} characters.`;
});

$<HTMLButtonElement>('[data-copy-assignment]').addEventListener('click', async () => {
  const link = $<HTMLAnchorElement>('[data-assignment-link]').href;
  try {
    await navigator.clipboard.writeText(link);
    $('[data-made-note]').textContent = 'Link copied.';
  } catch {
    $('[data-made-note]').textContent = 'Copying is not allowed here: select the link below and copy it.';
  }
});
