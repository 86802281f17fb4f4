/** What a supervision item is about: a missed stage of the three ones, or an order that went back. */
export const SUPERVISION_STAGES = ['accept', 'on-site', 'complete', 'reopened'] as const;
export type SupervisionStage = (typeof SUPERVISION_STAGES)[number];
