/**
 * Reading and setting the open answers of the guide's tree (the HTML of spec.ts), in the page
 * or in a test's document: which answers are open, and opening those of a path.
 */

/** The answers (<details>) directly under a question. */
export function answersOf(question: Element): Element[] {
  return [...question.children].filter((child) => child.tagName === 'DETAILS');
}

/** The question an answer leads to, or null when it leads to a recommendation. */
export function nextQuestion(answer: Element): Element | null {
  const branch = [...answer.children].find((child) => child.classList.contains('guide-branch'));
  return [...(branch?.children ?? [])].find((child) => child.hasAttribute('data-question')) ?? null;
}

/** The tree's first question. */
export function firstQuestion(tree: Element): Element {
  const first = [...tree.children].find((child) => child.hasAttribute('data-question'));
  if (!first) throw new Error('decision guide: [data-guide] has no question');
  return first;
}

/** The open answers (<details>) from the first question down, to the first level with none open. */
export function openAnswersOf(tree: Element): Element[] {
  const answers: Element[] = [];
  let question: Element | null = firstQuestion(tree);
  while (question) {
    const open = answersOf(question).find((answer) => answer.hasAttribute('open'));
    if (!open) break;
    answers.push(open);
    question = nextQuestion(open);
  }
  return answers;
}

/** The reader's path: the id of each open answer, from the first question down. */
export function openPath(tree: Element): string[] {
  return openAnswersOf(tree).map((answer) => answer.getAttribute('data-answer')!);
}

/**
 * Opens the answers of `path` (closing their siblings) and returns where they lead, for the
 * focus: the recommendation, or the first answer's summary of the next question. Stops at an
 * id the tree does not have (parseGuideAnswers never returns one).
 */
export function openAnswers(tree: Element, path: readonly string[]): Element | null {
  let question: Element | null = firstQuestion(tree);
  let reached: Element | null = null;
  for (const id of path) {
    if (!question) break;
    const answers = answersOf(question);
    const answer = answers.find((a) => a.getAttribute('data-answer') === id);
    if (!answer) break;
    for (const other of answers) if (other !== answer) other.removeAttribute('open');
    answer.setAttribute('open', '');
    reached = answer;
    question = nextQuestion(answer);
  }
  if (question) return answersOf(question)[0]?.querySelector('summary') ?? null;
  return reached?.querySelector('[data-recommendation]') ?? null;
}
