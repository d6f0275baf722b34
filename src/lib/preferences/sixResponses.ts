/**
 * Six candidate answers to one prompt and a handful of pairwise preferences between them, for
 * lesson 7's "A reward model from a handful of preferences" widget. The preferences are the
 * raw data a reward model is trained on: a rater saw two answers and picked one.
 *
 * The default list has one contradiction (B ≻ C and C ≻ B) and one answer that wins every
 * comparison it is in (A), so the widget opens on both stories: a split vote gives a gap near
 * the log-odds of the win rate, and an unbeaten answer has no finite best reward.
 */

/** A preference a rater gave: `winner` ≻ `loser`, indices into the list of responses. */
export interface Preference {
  winner: number;
  loser: number;
}

export interface PreferenceExample {
  prompt: string;
  /** Short names for the answers, one per response. */
  responses: readonly string[];
  /** The comparisons the widget opens with. */
  preferences: readonly Preference[];
}

export const sixResponses: PreferenceExample = {
  prompt: 'Why do leaves change colour in autumn?',
  responses: ['A: cites a source', 'B: clear and short', 'C: long and padded', 'D: partly wrong', 'E: off-topic', 'F: polite refusal'],
  preferences: [
    { winner: 0, loser: 1 },
    { winner: 1, loser: 2 },
    { winner: 2, loser: 1 },
    { winner: 2, loser: 3 },
    { winner: 3, loser: 4 },
    { winner: 5, loser: 4 },
    { winner: 1, loser: 5 },
    { winner: 0, loser: 3 },
  ],
};
