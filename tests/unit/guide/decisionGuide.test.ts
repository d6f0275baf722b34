import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import * as losses from '../../../src/lib/losses/index';
import {
  decisionGuide,
  describeGuide,
  guidePaths,
  guideQuery,
  parseGuideAnswers,
  walkGuide,
  type GuideNode,
  type GuideQuestion,
} from '../../../src/lib/guide/decisionGuide';

/** Every question of the tree, each with the path that reaches it. */
function questions(): { path: string[]; question: GuideQuestion }[] {
  const found: { path: string[]; question: GuideQuestion }[] = [];
  const visit = (node: GuideNode, path: string[]): void => {
    if (node.kind !== 'question') return;
    found.push({ path, question: node });
    for (const answer of node.answers) visit(answer.next, [...path, answer.id]);
  };
  visit(decisionGuide, []);
  return found;
}

/**
 * The ids the site gives a lesson's `##` and `###` headings: rehypeHeadingIds from
 * @astrojs/markdown-remark (astro.config.mjs) slugs each heading's text with github-slugger,
 * one slugger per page, so a repeated heading gets -1, -2…. The headings we link to are plain
 * text; backticks and bold markers are dropped, as only the text inside them reaches the slugger.
 */
function headingIds(slug: string): Set<string> {
  const mdx = readFileSync(new URL(`../../../src/content/lessons/${slug}/index.mdx`, import.meta.url), 'utf8');
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  let inFence = false;
  for (const line of mdx.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = !inFence && /^#{2,6} (.+)$/.exec(line);
    if (heading) ids.add(slugger.slug(heading[1]!.replace(/`|\*\*/g, '')));
  }
  return ids;
}

describe('the decision guide tree', () => {
  const paths = guidePaths();

  it('ends every path at a recommendation, and reaches at least twenty of them', () => {
    expect(paths.length).toBeGreaterThanOrEqual(20);
    for (const { path, recommendation } of paths) {
      expect(walkGuide(path).node, path.join(',')).toBe(recommendation);
      expect(recommendation.reasons.length, path.join(',')).toBeGreaterThanOrEqual(2);
    }
  });

  it('asks every question of the lesson’s eight-item checklist somewhere', () => {
    const asked = new Set(questions().flatMap(({ question }) => question.checklist));
    // Item 8 (who reads the model) is the reason every recommendation ends with.
    for (const item of [1, 2, 3, 4, 5, 6, 7]) expect(asked.has(item), `checklist item ${item}`).toBe(true);
    for (const { recommendation } of paths) expect(recommendation.reasons.at(-1)!.href).toBe('/lessons/what-is-a-loss/#the-loss-is-not-the-metric');
  });

  it('gives every question two or more answers, with distinct ids that can appear in a link', () => {
    for (const { path, question } of questions()) {
      expect(question.answers.length, question.text).toBeGreaterThanOrEqual(2);
      const ids = question.answers.map((a) => a.id);
      expect(new Set(ids).size, `${path.join(',')}: ids are distinct`).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
    }
  });

  it('recommends only functions the loss library exports', () => {
    const library = losses as Record<string, unknown>;
    for (const { path, recommendation } of paths) {
      expect(typeof library[recommendation.loss], `${path.join(',')}: ${recommendation.loss}`).toBe('function');
      if (recommendation.penalty) expect(typeof library[recommendation.penalty], recommendation.penalty).toBe('function');
    }
  });

  it('recommends the losses the lesson names for its cases', () => {
    const at = (query: string) => walkGuide(query.split(',')).node;
    expect(at('regression,gaussian,dense')).toMatchObject({ loss: 'mseLoss' });
    expect(at('regression,outliers,sparse')).toMatchObject({ loss: 'huberLoss', penalty: 'l1Penalty' });
    expect(at('regression,heavy,correlated')).toMatchObject({ loss: 'l1Loss', penalty: 'elasticNetPenalty' });
    expect(at('count')).toMatchObject({ loss: 'poissonNllLoss' });
    expect(at('binary,rare,recall')).toMatchObject({ loss: 'binaryCrossEntropyWithLogits', setting: expect.stringContaining('posWeight') });
    expect(at('binary,rare,calibrated')).toMatchObject({ loss: 'binaryCrossEntropyWithLogits' });
    expect(at('binary,rare,calibrated')).not.toHaveProperty('setting');
    expect(at('binary,rare,easy-negatives')).toMatchObject({ loss: 'sigmoidFocalLoss' });
    expect(at('binary,balanced,decision')).toMatchObject({ loss: 'hingeLoss' });
    expect(at('multiclass,overconfident')).toMatchObject({ loss: 'crossEntropy', setting: expect.stringContaining('labelSmoothing') });
    expect(at('comparison,preferences,reward-model')).toMatchObject({ loss: 'bradleyTerryLoss' });
    expect(at('comparison,preferences,direct')).toMatchObject({ loss: 'dpoLoss' });
  });

  it('links every reason to a heading that exists in its lesson', () => {
    const ids = new Map<string, Set<string>>();
    const hrefs = new Set(paths.flatMap(({ recommendation }) => recommendation.reasons.map((r) => r.href)));
    expect(hrefs.size).toBeGreaterThanOrEqual(20);
    for (const href of hrefs) {
      const match = /^\/lessons\/([a-z0-9-]+)\/#([^#\s]+)$/.exec(href);
      expect(match, `${href} is /lessons/<slug>/#<id>`).not.toBeNull();
      const [, slug, anchor] = match!;
      if (!ids.has(slug!)) ids.set(slug!, headingIds(slug!));
      expect(ids.get(slug!)!.has(anchor!), `${href}: a heading of ${slug} has that id`).toBe(true);
    }
  });

  it('computes heading ids the way the site does (checked on ids the lessons already link to)', () => {
    // Ids written by hand in the lessons and checked in the built pages by the link test.
    expect(headingIds('rlhf-objectives').has('from-comparisons-to-rewards-bradleyterry')).toBe(true);
    expect(headingIds('cross-entropy').has('class-weights-and-pos_weight')).toBe(true);
    expect(headingIds('choosing-a-loss').has('the-loss-is-the-systems-constitution')).toBe(true);
  });
});

describe('walkGuide', () => {
  it('returns the next question when the path stops early', () => {
    const walk = walkGuide(['binary', 'rare']);
    expect(walk.steps.map((s) => s.answer.id)).toEqual(['binary', 'rare']);
    expect(walk.node).toMatchObject({ kind: 'question', text: 'Do the predicted probabilities themselves need to be right?' });
  });

  it('names the culprit for an unknown answer or a path past the recommendation', () => {
    expect(() => walkGuide(['binary', 'often'])).toThrow(/"often" is not an answer to "Is one of the two classes rare\?". Expected one of balanced, rare/);
    expect(() => walkGuide(['count', 'more'])).toThrow(/"more" comes after the recommendation \(poissonNllLoss\)/);
  });
});

describe('parseGuideAnswers: reading a preselect link', () => {
  it('reads a clean link into its path, with no message', () => {
    expect(parseGuideAnswers('binary,rare,calibrated')).toEqual({ path: ['binary', 'rare', 'calibrated'], ignored: [], message: null });
    expect(parseGuideAnswers(null)).toEqual({ path: [], ignored: [], message: null });
  });

  it('ignores case, spaces and empty parts', () => {
    expect(parseGuideAnswers(' Binary , RARE,, recall ,').path).toEqual(['binary', 'rare', 'recall']);
  });

  it('skips an unknown answer, says so, and keeps reading the rest against the same question', () => {
    const parsed = parseGuideAnswers('binary,sideways,rare');
    expect(parsed.path).toEqual(['binary', 'rare']);
    expect(parsed.ignored).toEqual(['sideways']);
    expect(parsed.message).toBe('Ignored “sideways”: not an answer to “Is one of the two classes rare?”.');
  });

  it('skips garbled parts and parts after the recommendation', () => {
    const parsed = parseGuideAnswers('count,<script>,more');
    expect(parsed.path).toEqual(['count']);
    expect(parsed.ignored).toEqual(['<script>', 'more']);
    expect(parsed.message).toMatch(/^Ignored “<script>”: an answer is a word of letters, digits and hyphens\. Ignored “more”: the answers before it already lead to a recommendation\.$/);
  });

  it('shortens a very long part in its message and reads at most twenty parts', () => {
    const long = 'x'.repeat(500);
    const parsed = parseGuideAnswers(`${long},regression`);
    expect(parsed.path).toEqual(['regression']);
    expect(parsed.ignored[0]!.length).toBeLessThanOrEqual(24);
    const many = parseGuideAnswers(Array.from({ length: 30 }, () => 'nope').join(','));
    expect(many.path).toEqual([]);
    expect(many.ignored).toHaveLength(30);
    expect(many.message).toMatch(/Ignored everything after the first 20 answers\.$/);
  });

  it('names a value with no readable part', () => {
    expect(parseGuideAnswers(' ,, ')).toEqual({ path: [], ignored: [',,'], message: 'Ignored the link’s answers: none could be read.' });
    expect(parseGuideAnswers('')).toEqual({ path: [], ignored: [], message: null });
  });

  it('round-trips every complete path through guideQuery', () => {
    for (const { path } of guidePaths()) expect(parseGuideAnswers(guideQuery(path))).toEqual({ path, ignored: [], message: null });
  });
});

describe('describeGuide: the live summary', () => {
  it('asks the first question before any answer', () => {
    expect(describeGuide([])).toBe('Start with the first question: What kind of output does the model produce?');
  });

  it('lists the answers and the next question part way', () => {
    expect(describeGuide(['binary', 'rare'])).toBe('Answers: yes or no; yes: positives are rare. Next question: Do the predicted probabilities themselves need to be right?');
  });

  it('names the recommendation with its penalty and setting at a leaf', () => {
    expect(describeGuide(['regression', 'outliers', 'sparse'])).toBe(
      'Answers: a real number (a price, a temperature); mostly bell-shaped, with a few wild points; yes, and the features are roughly independent. Recommended: huberLoss + l1Penalty.',
    );
    expect(describeGuide(['binary', 'rare', 'recall'])).toBe(
      'Answers: yes or no; yes: positives are rare; no: catching the rare positives matters most. Recommended: binaryCrossEntropyWithLogits, with posWeight = negatives ÷ positives.',
    );
  });
});
