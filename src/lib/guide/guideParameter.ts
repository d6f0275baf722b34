/**
 * The query parameter a link uses to preselect the decision guide's answers:
 * `?guide=binary,rare,calibrated`. In a file of its own so the page's small loader script can
 * read it without pulling in the guide's tree.
 */
export const guideParameter = 'guide';
