import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { decisionGuide, guidePaths, parseGuideAnswers, type GuideQuestion } from '../../../src/lib/guide/decisionGuide';
import { guideSummary, guideTreeHtml } from '../../../src/widgets/decision-guide/spec';
import { answersOf, firstQuestion, openAnswers, openAnswersOf, openPath } from '../../../src/widgets/decision-guide/tree';

/** The guide as the build writes it, in a document of its own. */
function drawnTree(root?: GuideQuestion) {
  const { document } = parseHTML(`<!doctype html><html><body><div data-guide>${guideTreeHtml(root)}</div></body></html>`);
  return { document, tree: document.querySelector('[data-guide]')! };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the decision guide drawn at build time', () => {
  it('starts with every answer closed and asks what kind of output the model produces', () => {
    const { document, tree } = drawnTree();
    expect(document.querySelectorAll('details[open]')).toHaveLength(0);
    const first = firstQuestion(tree);
    expect(text(document.getElementById(first.getAttribute('aria-labelledby')!))).toBe('What kind of output does the model produce?');
    expect(answersOf(first).map((a) => text(a.querySelector('summary')))).toEqual([
      'A real number (a price, a temperature)',
      'A count (visits, arrivals, clicks)',
      'Yes or no',
      'One class among several',
      'An order, a similarity or a preference',
    ]);
    expect(openPath(tree)).toEqual([]);
  });

  it('holds the whole tree: one recommendation per complete path, 25 in all', () => {
    const { document } = drawnTree();
    expect(document.querySelectorAll('[data-recommendation]')).toHaveLength(25);
    expect(guidePaths()).toHaveLength(25);
    // A question per branching point: 1 + 1 (regression) + 3 (sparsity) + 3 (binary) + 1 + 3 (comparisons).
    expect(document.querySelectorAll('[data-question]')).toHaveLength(12);
  });

  it('gives every id once, labels every group with an element that exists, and makes each question’s answers one exclusive group', () => {
    const { document } = drawnTree();
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const group of document.querySelectorAll('[aria-labelledby]')) expect(document.getElementById(group.getAttribute('aria-labelledby')!), group.getAttribute('aria-labelledby')!).not.toBeNull();
    const names = new Set<string>();
    for (const question of document.querySelectorAll('[data-question]')) {
      const own = new Set(answersOf(question).map((a) => a.getAttribute('name')));
      expect(own.size, 'one name per question').toBe(1);
      const [name] = own;
      expect(names.has(name!), `${name} belongs to one question only`).toBe(false);
      names.add(name!);
    }
  });

  it('opens each complete path down to its recommendation, with the loss, its reasons and their links', () => {
    for (const { path, recommendation } of guidePaths()) {
      const { tree } = drawnTree();
      const reached = openAnswers(tree, path);
      expect(openPath(tree), path.join(',')).toEqual(path);
      expect(reached?.hasAttribute('data-recommendation'), path.join(',')).toBe(true);
      const codes = [...reached!.querySelectorAll('.guide-loss code')].map((c) => c.textContent);
      expect(codes).toEqual(recommendation.penalty ? [recommendation.loss, recommendation.penalty] : [recommendation.loss]);
      const links = [...reached!.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));
      expect(links).toEqual(recommendation.reasons.map((r) => ({ href: r.href, text: r.section })));
    }
  });

  it('shows the lesson’s own cases as the lesson names them', () => {
    const shown = (path: string) => {
      const { tree } = drawnTree();
      return text(openAnswers(tree, path.split(','))?.querySelector('.guide-loss'));
    };
    expect(shown('regression,outliers,sparse')).toBe('Recommended: huberLoss + l1Penalty');
    expect(shown('binary,rare,recall')).toBe('Recommended: binaryCrossEntropyWithLogits, with posWeight = negatives ÷ positives');
    expect(shown('multiclass,overconfident')).toBe('Recommended: crossEntropy, with labelSmoothing = 0.1');
    expect(shown('comparison,preferences,direct')).toBe('Recommended: dpoLoss, with β = 0.1, against a frozen reference policy');
  });

  it('stops part way at the next question, and switching an answer closes the one before', () => {
    const { tree } = drawnTree();
    const reached = openAnswers(tree, ['binary', 'rare']);
    expect(text(reached)).toBe('Yes: calibrated, to set the threshold from the costs of mistakes');
    expect(reached?.tagName).toBe('SUMMARY');
    openAnswers(tree, ['binary', 'balanced']);
    expect(openPath(tree)).toEqual(['binary', 'balanced']);
    expect([...tree.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-answer'))).toEqual(['binary', 'balanced']);
    expect(openAnswersOf(tree).map((answer) => text(answer.querySelector('summary')))).toEqual(['Yes or no', 'No: both are common']);
  });
});

describe('what the summary says', () => {
  it('follows the open path', () => {
    expect(guideSummary([])).toBe('Start with the first question: What kind of output does the model produce?');
    expect(guideSummary(['count'])).toBe('Answers: a count (visits, arrivals, clicks). Recommended: poissonNllLoss, with the model predicting the log of the rate (logInput, the default).');
  });

  it('puts a garbled link’s message in front while its answers are still the ones open', () => {
    const parsed = parseGuideAnswers('binary,sideways,rare');
    const { tree } = drawnTree();
    openAnswers(tree, parsed.path);
    const note = { message: parsed.message!, query: 'binary,rare' };
    expect(guideSummary(openPath(tree), note)).toBe(
      'Ignored “sideways”: not an answer to “Is one of the two classes rare?”. Answers: yes or no; yes: positives are rare. Next question: Do the predicted probabilities themselves need to be right?',
    );
    openAnswers(tree, ['binary', 'rare', 'recall']);
    expect(guideSummary(openPath(tree), note)).not.toMatch(/Ignored/);
  });
});

describe('markup safety', () => {
  it('escapes text from the tree', () => {
    const tree: GuideQuestion = {
      kind: 'question',
      checklist: [1],
      text: 'Is <b> & "quoted"?',
      answers: [
        { id: 'a', label: '<img src=x>', next: { kind: 'recommendation', loss: 'mseLoss', reasons: [{ text: 'x < y', href: '/lessons/noise-models/#a"b', section: 'S' }] } },
        { id: 'b', label: 'B', next: { kind: 'recommendation', loss: 'l1Loss', reasons: [] } },
      ],
    };
    const { document } = drawnTree(tree);
    expect(document.querySelector('img, b')).toBeNull();
    expect(text(document.querySelector('.guide-ask'))).toBe('Is <b> & "quoted"?');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('/lessons/noise-models/#a"b');
  });

  it('draws the real tree with no markup in its text', () => {
    expect(guideTreeHtml(decisionGuide)).not.toMatch(/&lt;|&amp;lt;/);
  });
});
